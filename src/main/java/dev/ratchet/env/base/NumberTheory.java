package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Draw.pow10;
import static dev.ratchet.env.base.Draw.signed;
import static dev.ratchet.env.base.Typed.BOOLEAN;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.INT_LIST;
import static dev.ratchet.env.base.Typed.STRING;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Number theory: divisibility, primes, bases and modular arithmetic. */
final class NumberTheory {

    private static final String DOMAIN = "number-theory";
    /** Factoring is trial division; above this the task declines (and a composite draws again). */
    private static final long FACTOR_LIMIT = 10_000_000_000L;

    private static final long[][] MODULI = {
        {7, 11, 13},
        {17, 19, 23, 29, 31, 97},
        {101, 103, 107, 109, 113},
        {1009, 1013, 1019, 1021},
        {10007, 10009, 10037}
    };

    private NumberTheory() {}

    static List<Composable> environments() {
        return List.of(
                gcd(),
                lcm(),
                isPrime(),
                divisorCount(),
                divisors(),
                digitSum(),
                primeFactors(),
                toBase(),
                modInverse());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("nt." + name, DOMAIN, in, out);
    }

    private static Composable gcd() {
        return env("gcd", INTEGER, INTEGER)
                .description("Greatest common divisor with a given number")
                .input((rng, d) -> rng.between(2, pow10(d + 1)))
                .task((x, rng, d) -> {
                    // Share a small factor with the input most of the time, so the answer is rarely 1.
                    List<Long> shared = new ArrayList<>(List.of(1L));
                    for (long f : List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 12L, 15L)) {
                        if (x % f == 0) {
                            shared.add(f);
                        }
                    }
                    long other = rng.between(2, pow10(d)) * rng.pick(shared);
                    return of(
                            ref -> "What is the greatest common divisor of " + ref + " and " + other + "?",
                            v -> BigInteger.valueOf(v)
                                    .gcd(BigInteger.valueOf(other))
                                    .longValueExact());
                });
    }

    private static Composable lcm() {
        return env("lcm", INTEGER, INTEGER)
                .description("Least common multiple with a given number")
                .input((rng, d) -> rng.between(2, pow10(d) * 3))
                .task((x, rng, d) -> {
                    long k = rng.between(2, 12L * d);
                    return of(ref -> "What is the least common multiple of " + ref + " and " + k + "?", v -> {
                        if (v == 0) {
                            return null;
                        }
                        long a = Math.abs(v);
                        return Math.multiplyExact(
                                a
                                        / BigInteger.valueOf(a)
                                                .gcd(BigInteger.valueOf(k))
                                                .longValueExact(),
                                k);
                    });
                });
    }

    private static Composable isPrime() {
        return env("is-prime", INTEGER, BOOLEAN)
                .description("Decide whether a number is prime")
                .input((rng, d) -> {
                    long n = rng.between(2, pow10(d + 1) * 3);
                    if (rng.nextBoolean()) {
                        while (!prime(n)) {
                            n++;
                        }
                    } else if (n % 2 == 0) {
                        n = n + 1;
                    }
                    return n;
                })
                .task((x, rng, d) ->
                        of(ref -> "Is " + ref + " a prime number?", v -> Math.abs(v) > FACTOR_LIMIT ? null : prime(v)));
    }

    private static Composable divisorCount() {
        return env("divisor-count", INTEGER, INTEGER)
                .description("Count the positive divisors of a number")
                .input((rng, d) -> smooth(rng, d, pow10(d + 2)))
                .task((x, rng, d) -> of(ref -> "How many positive divisors does " + ref + " have?", v -> {
                    List<Long> all = divisorsOf(v);
                    return all == null ? null : (long) all.size();
                }));
    }

    private static Composable divisors() {
        return env("divisors", INTEGER, INT_LIST)
                .description("List the positive divisors of a number")
                .input((rng, d) -> {
                    // Keep the list short enough to write on one answer line.
                    long n;
                    do {
                        n = smooth(rng, d, pow10(d + 1) * 2);
                    } while (divisorsOf(n).size() > 40);
                    return n;
                })
                .task((x, rng, d) -> of(
                        ref -> "List all positive divisors of " + ref + " in increasing order.",
                        NumberTheory::divisorsOf));
    }

    private static Composable digitSum() {
        return env("digit-sum", INTEGER, INTEGER)
                .description("Sum of the decimal digits of a number")
                .input((rng, d) -> signed(rng, pow10(2 * d + 1)))
                .task((x, rng, d) -> of(
                        ref -> "What is the sum of the decimal digits of " + ref + " (ignore any minus sign)?", v -> {
                            long sum = 0;
                            for (char c : Long.toString(Math.abs(v)).toCharArray()) {
                                sum += c - '0';
                            }
                            return sum;
                        }));
    }

    private static Composable primeFactors() {
        return env("prime-factors", INTEGER, INT_LIST)
                .description("Prime factorisation with repetition")
                .input((rng, d) -> smooth(rng, d, pow10(d + 2)))
                .task((x, rng, d) -> of(
                        ref -> "List the prime factors of " + ref
                                + " with repetition, smallest first (for example 12 gives [2, 2, 3]).",
                        v -> v < 2 || v > FACTOR_LIMIT ? null : factors(v)));
    }

    private static Composable toBase() {
        return env("to-base", INTEGER, STRING)
                .description("Write a number in another base")
                .input((rng, d) -> rng.between(0, pow10(d + 1)))
                .task((x, rng, d) -> {
                    int[] highest = {2, 8, 9, 16, 36};
                    int base = d == 1 ? 2 : rng.between(2, highest[d - 1]);
                    return of(
                            ref -> "Write " + ref + " in base " + base
                                    + ", using the digits 0-9 and then lowercase letters a-z (a negative number gets a"
                                    + " leading minus sign).",
                            v -> Long.toString(v, base));
                });
    }

    private static Composable modInverse() {
        return env("mod-inverse", INTEGER, INTEGER)
                .description("Multiplicative inverse modulo a prime")
                .input((rng, d) -> rng.between(2, pow10(d + 1)))
                .task((x, rng, d) -> {
                    for (long p : rng.shuffled(boxed(MODULI[d - 1]))) {
                        if (Math.floorMod(x, p) != 0) {
                            return of(
                                    ref -> "Find the inverse of " + ref + " modulo " + p + ": the number y from 1 to "
                                            + (p - 1) + " for which the number times y leaves remainder 1 when"
                                            + " divided by " + p + ".",
                                    v -> Math.floorMod(v, p) == 0
                                            ? null
                                            : BigInteger.valueOf(Math.floorMod(v, p))
                                                    .modInverse(BigInteger.valueOf(p))
                                                    .longValueExact());
                        }
                    }
                    return null;
                });
    }

    static boolean prime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long f = 3; f * f <= n; f += 2) {
            if (n % f == 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> factors(long n) {
        List<Long> factors = new ArrayList<>();
        long rest = n;
        for (long f = 2; f * f <= rest; f += f == 2 ? 1 : 2) {
            while (rest % f == 0) {
                factors.add(f);
                rest /= f;
            }
        }
        if (rest > 1) {
            factors.add(rest);
        }
        return factors;
    }

    /** All positive divisors of |n| ascending; null for 0 or numbers too large to factor. */
    private static List<Long> divisorsOf(long n) {
        long a = Math.abs(n);
        if (a == 0 || a > FACTOR_LIMIT) {
            return null;
        }
        List<Long> low = new ArrayList<>();
        List<Long> high = new ArrayList<>();
        for (long f = 1; f * f <= a; f++) {
            if (a % f == 0) {
                low.add(f);
                if (f != a / f) {
                    high.add(0, a / f);
                }
            }
        }
        low.addAll(high);
        return low;
    }

    /** A number with several small prime factors, so divisor questions are not trivial. */
    private static long smooth(Rng rng, int d, long limit) {
        long n = 1;
        int factors = 1 + rng.nextInt(d + 2);
        for (int i = 0; i < factors; i++) {
            long p = rng.pick(List.of(2L, 2L, 3L, 3L, 5L, 7L, 11L, 13L));
            if (n * p > limit) {
                break;
            }
            n *= p;
        }
        long cofactor = rng.between(1, Math.max(1, limit / n));
        return n * (d <= 2 ? 1 : Math.min(cofactor, 7));
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>();
        for (long value : values) {
            list.add(value);
        }
        return list;
    }
}
