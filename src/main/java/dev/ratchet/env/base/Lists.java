package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Draw.ints;
import static dev.ratchet.env.base.Draw.pow10;
import static dev.ratchet.env.base.Draw.signed;
import static dev.ratchet.env.base.Typed.BOOLEAN;
import static dev.ratchet.env.base.Typed.DECIMAL;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.INT_LIST;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Lists and sorting: longer lists with wider, signed values as difficulty grows. */
final class Lists {

    private static final String DOMAIN = "lists";

    private Lists() {}

    static List<Composable> environments() {
        return List.of(sort(), sum(), kthSmallest(), dedupe(), runningSum(), rotate(), mean(), isSorted(), digits());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("lists." + name, DOMAIN, in, out);
    }

    /** 4 to 8 numbers; non-negative and small at difficulty 1, up to ±250 at 5. */
    static List<Long> numbers(Rng rng, int d) {
        long bound = 10L * d * d;
        return ints(rng, 3 + d, d == 1 ? 0 : -bound, bound);
    }

    private static Composable sort() {
        return env("sort", INT_LIST, INT_LIST)
                .description("Sort a list of integers")
                .input(Lists::numbers)
                .task((x, rng, d) -> {
                    boolean descending = d >= 2 && rng.nextBoolean();
                    Comparator<Long> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
                    return of(
                            ref -> "Sort " + ref + " in " + (descending ? "descending" : "ascending") + " order.",
                            v -> v.stream().sorted(order).toList());
                });
    }

    private static Composable sum() {
        return env("sum", INT_LIST, INTEGER)
                .description("Sum of a list of integers")
                .input(Lists::numbers)
                .task((x, rng, d) -> of(
                        ref -> "What is the sum of the numbers in " + ref + "?",
                        v -> v.stream().mapToLong(Long::longValue).sum()));
    }

    private static Composable kthSmallest() {
        return env("kth-smallest", INT_LIST, INTEGER)
                .description("The k-th smallest element of a list")
                .input(Lists::numbers)
                .task((x, rng, d) -> {
                    if (x.isEmpty()) {
                        return null;
                    }
                    long k = rng.between(1, x.size());
                    return of(
                            ref -> "What is the " + Draw.ordinal(k) + " smallest number in " + ref
                                    + "? Count repeated values separately; the 1st smallest is the minimum.",
                            v -> k > v.size()
                                    ? null
                                    : v.stream().sorted().toList().get((int) k - 1));
                });
    }

    private static Composable dedupe() {
        return env("dedupe", INT_LIST, INT_LIST)
                .description("Remove repeated elements, keeping first occurrences")
                .input((rng, d) -> ints(rng, 4 + 2 * d, 0, 3 + d))
                .task((x, rng, d) -> of(
                        ref -> "Remove the repeated numbers from " + ref
                                + ", keeping the first occurrence of each, and give the remaining numbers in order.",
                        v -> List.copyOf(new LinkedHashSet<>(v))));
    }

    private static Composable runningSum() {
        return env("running-sum", INT_LIST, INT_LIST)
                .description("Running totals (prefix sums) of a list")
                .input(Lists::numbers)
                .task((x, rng, d) -> of(
                        ref -> "Give the running totals of " + ref + ": the i-th number is the sum of the first i"
                                + " numbers.",
                        v -> {
                            List<Long> totals = new ArrayList<>();
                            long total = 0;
                            for (long n : v) {
                                total += n;
                                totals.add(total);
                            }
                            return totals;
                        }));
    }

    private static Composable rotate() {
        return env("rotate", INT_LIST, INT_LIST)
                .description("Rotate a list to the left")
                .input(Lists::numbers)
                .task((x, rng, d) -> {
                    long k = rng.between(1, Math.max(1, x.size() - 1));
                    return of(
                            ref -> "Rotate " + ref + " to the left by " + k + " position" + (k == 1 ? "" : "s")
                                    + ": the first " + k + " number" + (k == 1 ? "" : "s")
                                    + " move, in order, to the end.",
                            v -> {
                                if (v.isEmpty()) {
                                    return v;
                                }
                                int shift = (int) (k % v.size());
                                List<Long> rotated = new ArrayList<>(v.subList(shift, v.size()));
                                rotated.addAll(v.subList(0, shift));
                                return rotated;
                            });
                });
    }

    private static Composable mean() {
        return env("mean", INT_LIST, DECIMAL)
                .description("Mean of a list, rounded to 2 decimals")
                .input(Lists::numbers)
                .task((x, rng, d) -> of(
                        ref -> "What is the mean (average) of the numbers in " + ref
                                + "? Round to 2 decimal places, halves away from zero.",
                        v -> v.isEmpty()
                                ? null
                                : BigDecimal.valueOf(v.stream()
                                                .mapToLong(Long::longValue)
                                                .sum())
                                        .divide(BigDecimal.valueOf(v.size()), 2, RoundingMode.HALF_UP)));
    }

    private static Composable isSorted() {
        return env("is-sorted", INT_LIST, BOOLEAN)
                .description("Decide whether a list is in non-decreasing order")
                .input((rng, d) -> {
                    List<Long> values = new ArrayList<>(numbers(rng, d));
                    if (rng.nextBoolean()) {
                        values.sort(Comparator.naturalOrder());
                        if (d >= 3 && rng.chance(50)) {
                            int i = rng.nextInt(values.size() - 1);
                            values.set(i, values.get(i + 1) + 1);
                        }
                    }
                    return values;
                })
                .task((x, rng, d) -> of(
                        ref -> "Is " + ref + " sorted in non-decreasing order (each number at least the one before"
                                + " it)?",
                        v -> {
                            for (int i = 1; i < v.size(); i++) {
                                if (v.get(i) < v.get(i - 1)) {
                                    return false;
                                }
                            }
                            return true;
                        }));
    }

    private static Composable digits() {
        return env("digits", INTEGER, INT_LIST)
                .description("The decimal digits of a number")
                .input((rng, d) -> signed(rng, pow10(d + 2)))
                .task((x, rng, d) -> of(
                        ref -> "List the decimal digits of " + ref + " from left to right (ignore any minus sign).",
                        v -> Long.toString(Math.abs(v))
                                .chars()
                                .mapToObj(c -> (long) (c - '0'))
                                .toList()));
    }
}
