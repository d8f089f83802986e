package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Draw.pow10;
import static dev.ratchet.env.base.Draw.signed;
import static dev.ratchet.env.base.Typed.DECIMAL;
import static dev.ratchet.env.base.Typed.INTEGER;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Arithmetic: integer and decimal calculation; difficulty widens magnitudes and adds terms. */
final class Arithmetic {

    private static final String DOMAIN = "arithmetic";

    private Arithmetic() {}

    static List<Composable> environments() {
        return List.of(add(), subtract(), multiply(), remainder(), expression(), percent(), round());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("arith." + name, DOMAIN, in, out);
    }

    private static Composable add() {
        return env("add", INTEGER, INTEGER)
                .description("Add a given integer to a number")
                .input((rng, d) -> signed(rng, pow10(d + 1)))
                .task((x, rng, d) -> {
                    long k = rng.between(1, pow10(d + 1) - 1);
                    return of(ref -> "Add " + k + " to " + ref + ".", v -> v + k);
                });
    }

    private static Composable subtract() {
        return env("subtract", INTEGER, INTEGER)
                .description("Subtract a given integer from a number")
                .input((rng, d) -> signed(rng, pow10(d + 1)))
                .task((x, rng, d) -> {
                    long k = rng.between(1, pow10(d + 1) - 1);
                    return of(ref -> "Subtract " + k + " from " + ref + ".", v -> v - k);
                });
    }

    private static Composable multiply() {
        return env("multiply", INTEGER, INTEGER)
                .description("Multiply a number by a given integer")
                .input((rng, d) -> signed(rng, pow10(d + 1)))
                .task((x, rng, d) -> {
                    long k = rng.between(2, 9L * d * d);
                    return of(ref -> "Multiply " + ref + " by " + k + ".", v -> Math.multiplyExact(v, k));
                });
    }

    private static Composable remainder() {
        return env("remainder", INTEGER, INTEGER)
                .description("The non-negative remainder of a division")
                .input((rng, d) -> d <= 2 ? rng.between(0, pow10(d + 1)) : signed(rng, pow10(d + 1)))
                .task((x, rng, d) -> {
                    long m = rng.between(2, 5 + 10L * d * d);
                    return of(
                            ref -> "Find the remainder of " + ref + " divided by " + m + ", as a number from 0 to "
                                    + (m - 1) + " (also when the number is negative).",
                            v -> Math.floorMod(v, m));
                });
    }

    /** A sum of products in v, written without parentheses so precedence matters. */
    private static Composable expression() {
        return env("expression", INTEGER, INTEGER)
                .description("Evaluate an integer expression in v with the usual precedence")
                .input((rng, d) -> signed(rng, 10L * d + 1))
                .task((x, rng, d) -> {
                    long[][] terms = terms(rng, d);
                    StringBuilder text = new StringBuilder("v * " + terms[0][1]);
                    for (int i = 1; i < terms.length; i++) {
                        text.append(terms[i][0] > 0 ? " + " : " - ").append(terms[i][1]);
                        text.append(terms[i][2] == 1 ? "" : " * " + terms[i][2]);
                    }
                    String shown = text.toString();
                    return of(
                            ref -> "Let v = " + ref + ". Evaluate " + shown
                                    + " (multiplication before addition and subtraction).",
                            v -> {
                                long total = Math.multiplyExact(v, terms[0][1]);
                                for (int i = 1; i < terms.length; i++) {
                                    total = Math.addExact(total, terms[i][0] * terms[i][1] * terms[i][2]);
                                }
                                return total;
                            });
                });
    }

    /** Rows of (sign, a, b): the first term is v * a; later terms are ±a or, from difficulty 3, ±a * b. */
    private static long[][] terms(Rng rng, int d) {
        List<long[]> terms = new ArrayList<>();
        terms.add(new long[] {1, rng.between(2, 9), 1});
        for (int i = 0; i < d; i++) {
            long b = d >= 3 && rng.nextBoolean() ? rng.between(2, 9) : 1;
            terms.add(new long[] {rng.nextBoolean() ? 1 : -1, rng.between(1, 9L * d), b});
        }
        return terms.toArray(new long[0][]);
    }

    private static Composable percent() {
        return env("percent", INTEGER, DECIMAL)
                .description("A percentage of a number, rounded to 2 decimals")
                .input((rng, d) -> rng.between(1, pow10(d + 1)))
                .task((x, rng, d) -> {
                    BigDecimal p = d == 1
                            ? BigDecimal.valueOf(rng.pick(List.of(10L, 20L, 25L, 50L)))
                            : d <= 3
                                    ? BigDecimal.valueOf(rng.between(1, 99))
                                    : BigDecimal.valueOf(rng.between(1, 199), 1);
                    return of(
                            ref -> "What is " + p.toPlainString() + "% of " + ref
                                    + "? Round to 2 decimal places, halves away from zero.",
                            v -> BigDecimal.valueOf(v)
                                    .multiply(p)
                                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                });
    }

    private static Composable round() {
        return env("round", DECIMAL, INTEGER)
                .description("Round a decimal to the nearest integer, halves away from zero")
                .input((rng, d) -> {
                    long cents = d <= 2 ? rng.between(0, pow10(d + 2)) : signed(rng, pow10(d + 2));
                    if (d >= 2 && rng.chance(35)) {
                        cents = cents / 100 * 100 + (cents < 0 ? -50 : 50);
                    }
                    return BigDecimal.valueOf(cents, 2);
                })
                .task((x, rng, d) -> of(
                        ref -> "Round " + ref + " to the nearest integer, rounding halves away from zero.",
                        v -> v.setScale(0, RoundingMode.HALF_UP).longValueExact()));
    }
}
