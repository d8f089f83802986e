package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.INT_LIST;
import static dev.ratchet.env.base.Typed.STRING;

import dev.ratchet.env.Composable;
import dev.ratchet.env.ValueBounds;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counting and combinatorics; results past the integer bound make the task decline the input. */
final class Counting {

    private static final String DOMAIN = "counting";
    private static final BigInteger LIMIT = BigInteger.valueOf(ValueBounds.MAGNITUDE);
    /** Larger populations are declined: the answers would not fit anyway for most k. */
    private static final long MAX_N = 1_000_000;

    private Counting() {}

    static List<Composable> environments() {
        return List.of(
                binomial(), arrangements(), derangements(), starsAndBars(), anagrams(), subsetSums(), latticePaths());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("counting." + name, DOMAIN, in, out);
    }

    private static Composable binomial() {
        return env("binomial", INTEGER, INTEGER)
                .description("Ways to choose k of n items")
                .input((rng, d) -> rng.between(2, 5 + 7L * d))
                .task((x, rng, d) -> {
                    long k = rng.between(1, Math.max(1, Math.min(x, 3 + 2L * d)));
                    return of(
                            ref -> "Let n be " + ref + ". In how many ways can " + k + (k == 1 ? " item" : " items")
                                    + " be chosen from n different items, when the order does not matter?",
                            v -> v < 0 || v > MAX_N ? null : fits(choose(v, k)));
                });
    }

    private static Composable arrangements() {
        return env("arrangements", INTEGER, INTEGER)
                .description("Ways to arrange k of n items in a row")
                .input((rng, d) -> rng.between(2, 4 + 4L * d))
                .task((x, rng, d) -> {
                    long k = rng.between(1, Math.max(1, Math.min(x, 2 + d)));
                    return of(
                            ref -> "Let n be " + ref + ". In how many ways can " + k + " of n different items be"
                                    + " arranged in a row?",
                            v -> {
                                if (v < 0 || v > MAX_N) {
                                    return null;
                                }
                                BigInteger count = BigInteger.ONE;
                                for (long i = 0; i < k; i++) {
                                    count = count.multiply(BigInteger.valueOf(Math.max(0, v - i)));
                                }
                                return fits(count);
                            });
                });
    }

    private static Composable derangements() {
        return env("derangements", INTEGER, INTEGER)
                .description("Permutations that move every item")
                .input((rng, d) -> rng.between(1, 3 + 2L * d))
                .task((x, rng, d) -> of(
                        ref -> "Let n be " + ref + ". In how many ways can n letters be put into their n envelopes,"
                                + " one letter per envelope, so that no letter is in its own envelope?",
                        v -> {
                            if (v < 0 || v > 20) {
                                return null;
                            }
                            BigInteger previous = BigInteger.ONE;
                            BigInteger current = BigInteger.ZERO;
                            for (long n = 2; n <= v; n++) {
                                BigInteger next = BigInteger.valueOf(n - 1).multiply(previous.add(current));
                                previous = current;
                                current = next;
                            }
                            return fits(v == 0 ? BigInteger.ONE : current);
                        }));
    }

    private static Composable starsAndBars() {
        return env("stars-and-bars", INTEGER, INTEGER)
                .description("Ways to put identical balls into distinct boxes")
                .input((rng, d) -> rng.between(1, 4 + 4L * d))
                .task((x, rng, d) -> {
                    long boxes = rng.between(2, 2 + d);
                    return of(
                            ref -> "Let n be " + ref + ". In how many ways can n identical balls be put into " + boxes
                                    + " different boxes, if boxes may stay empty?",
                            v -> v < 0 || v > MAX_N ? null : fits(choose(v + boxes - 1, boxes - 1)));
                });
    }

    private static Composable anagrams() {
        return env("anagrams", STRING, INTEGER)
                .description("Distinct rearrangements of the characters of a text")
                .input((rng, d) -> {
                    StringBuilder word = new StringBuilder();
                    for (int i = 0; i < 3 + d; i++) {
                        word.append((char) ('a' + rng.nextInt(2 + d)));
                    }
                    return word.toString();
                })
                .task((x, rng, d) -> of(
                        ref -> "How many different texts can be made by rearranging all the characters of " + ref
                                + "? (Rearrangements that give the same text count once; the original counts too.)",
                        v -> {
                            if (v.length() > 20) {
                                return null;
                            }
                            Map<Character, Integer> counts = new TreeMap<>();
                            v.chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
                            BigInteger result = factorial(v.length());
                            for (int count : counts.values()) {
                                result = result.divide(factorial(count));
                            }
                            return fits(result);
                        }));
    }

    private static Composable subsetSums() {
        return env("subset-sums", INT_LIST, INTEGER)
                .description("Count subsets of a list with a given sum")
                .input((rng, d) -> Draw.ints(rng, 3 + d, 1, 3 + 3L * d))
                .task((x, rng, d) -> {
                    long target = 0;
                    for (long n : x) {
                        target += rng.nextBoolean() ? n : 0;
                    }
                    long t = target;
                    return of(
                            ref -> "How many subsets of the positions of " + ref
                                    + " hold numbers that add up to exactly "
                                    + t + "? (Equal numbers at different positions count as different; the empty subset"
                                    + " adds up to 0.)",
                            v -> {
                                if (v.size() > 24) {
                                    return null;
                                }
                                Map<Long, Long> ways = new TreeMap<>(Map.of(0L, 1L));
                                for (long n : v) {
                                    Map<Long, Long> next = new TreeMap<>(ways);
                                    ways.forEach((sum, count) -> next.merge(sum + n, count, Long::sum));
                                    ways = next;
                                }
                                return ways.getOrDefault(t, 0L);
                            });
                });
    }

    private static Composable latticePaths() {
        return env("lattice-paths", INTEGER, INTEGER)
                .description("Shortest grid paths between two corners")
                .input((rng, d) -> rng.between(1, 2 + 2L * d))
                .task((x, rng, d) -> {
                    long k = rng.between(1, 2 + 2L * d);
                    return of(
                            ref -> "Let n be " + ref
                                    + ". How many shortest paths along the grid lines lead from (0, 0) to" + " (n, " + k
                                    + "), moving one unit right or up at a time?",
                            v -> v < 0 || v > MAX_N ? null : fits(choose(v + k, k)));
                });
    }

    private static BigInteger choose(long n, long k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        long r = Math.min(k, n - k);
        BigInteger result = BigInteger.ONE;
        for (long i = 1; i <= r; i++) {
            result = result.multiply(BigInteger.valueOf(n - r + i)).divide(BigInteger.valueOf(i));
            // C(n-r+i, i) grows with i, so once past the bound the answer is too.
            if (result.compareTo(LIMIT) > 0) {
                return LIMIT.add(BigInteger.ONE);
            }
        }
        return result;
    }

    private static BigInteger factorial(int n) {
        BigInteger result = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            result = result.multiply(BigInteger.valueOf(i));
        }
        return result;
    }

    /** The count as a long, or null (decline) when it exceeds the integer bound. */
    private static Long fits(BigInteger count) {
        return count.compareTo(LIMIT) > 0 ? null : count.longValueExact();
    }
}
