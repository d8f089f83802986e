package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Draw.pow10;
import static dev.ratchet.env.base.Typed.DECIMAL;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.STRING;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** Units and conversions with exact factors stated in the task; results rounded to 2 decimals. */
final class Units {

    private static final String DOMAIN = "units";
    private static final String ROUNDING = "round to 2 decimal places, halves away from zero.";

    /** A unit and its size in the base unit (metre, kilogram). */
    private record Unit(String name, BigDecimal size) {}

    private static final Unit METRE = unit("m", "1");
    private static final Unit CENTIMETRE = unit("cm", "0.01");
    private static final Unit KILOMETRE = unit("km", "1000");
    private static final Unit INCH = unit("in", "0.0254");
    private static final Unit FOOT = unit("ft", "0.3048");
    private static final Unit YARD = unit("yd", "0.9144");
    private static final Unit MILE = unit("mi", "1609.344");
    private static final Unit KILOGRAM = unit("kg", "1");
    private static final Unit GRAM = unit("g", "0.001");
    private static final Unit TONNE = unit("t", "1000");
    private static final Unit POUND = unit("lb", "0.45359237");
    private static final Unit OUNCE = unit("oz", "0.028349523125");

    /** Unit pairs per difficulty, from metric steps to mixed imperial chains; either direction is used. */
    private static final List<List<List<Unit>>> LENGTHS = List.of(
            List.of(List.of(METRE, CENTIMETRE), List.of(KILOMETRE, METRE)),
            List.of(List.of(INCH, CENTIMETRE), List.of(METRE, CENTIMETRE)),
            List.of(List.of(FOOT, METRE), List.of(YARD, METRE), List.of(INCH, CENTIMETRE)),
            List.of(List.of(MILE, KILOMETRE), List.of(FOOT, INCH), List.of(YARD, FOOT)),
            List.of(List.of(MILE, FOOT), List.of(YARD, CENTIMETRE), List.of(KILOMETRE, MILE)));

    private static final List<List<List<Unit>>> MASSES = List.of(
            List.of(List.of(KILOGRAM, GRAM)),
            List.of(List.of(KILOGRAM, GRAM), List.of(TONNE, KILOGRAM)),
            List.of(List.of(POUND, KILOGRAM), List.of(POUND, OUNCE)),
            List.of(List.of(POUND, GRAM), List.of(OUNCE, GRAM)),
            List.of(List.of(TONNE, POUND), List.of(OUNCE, KILOGRAM)));
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "SEK", "NOK");
    private static final String[] ROMAN = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};

    private Units() {}

    static List<Composable> environments() {
        return List.of(length(), mass(), temperature(), currency(), dataSize(), clock(), roman());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("units." + name, DOMAIN, in, out);
    }

    private static Unit unit(String name, String size) {
        return new Unit(name, new BigDecimal(size));
    }

    /** Whole numbers at difficulty 1, one decimal at 2, two decimals from 3; larger as it grows. */
    static BigDecimal quantity(Rng rng, int d) {
        int scale = Math.min(d - 1, 2);
        return BigDecimal.valueOf(rng.between(1, pow10(d + 1 + scale)), scale).setScale(2);
    }

    private static Composable length() {
        return env("length", DECIMAL, DECIMAL)
                .description("Convert a length between metric and imperial units")
                .input(Units::quantity)
                .task((x, rng, d) -> conversion(
                        LENGTHS.get(d - 1), rng, "1 in = 2.54 cm, 1 ft = 12 in, 1 yd = 3 ft" + " and 1 mi = 1760 yd"));
    }

    private static Composable mass() {
        return env("mass", DECIMAL, DECIMAL)
                .description("Convert a mass between metric and imperial units")
                .input(Units::quantity)
                .task((x, rng, d) -> conversion(
                        MASSES.get(d - 1), rng, "1 lb = 0.45359237 kg, 1 lb = 16 oz and 1 t =" + " 1000 kg"));
    }

    private static BaseEnvironment.Op<BigDecimal, BigDecimal> conversion(
            List<List<Unit>> pairs, Rng rng, String facts) {
        List<Unit> pair = rng.shuffled(rng.pick(pairs));
        Unit from = pair.get(0);
        Unit to = pair.get(1);
        return of(
                ref -> "Convert " + ref + " " + from.name() + " to " + to.name() + ". Use " + facts + ", and "
                        + ROUNDING,
                v -> v.multiply(from.size())
                        .divide(to.size(), MathContext.DECIMAL128)
                        .setScale(2, RoundingMode.HALF_UP));
    }

    private static Composable temperature() {
        return env("temperature", DECIMAL, DECIMAL)
                .description("Convert a temperature between Celsius, Fahrenheit and Kelvin")
                .input(Units::quantity)
                .task((x, rng, d) -> {
                    List<String> scales =
                            d == 1 ? List.of("Celsius", "Fahrenheit") : List.of("Celsius", "Fahrenheit", "Kelvin");
                    List<String> pair = d == 1 ? scales : rng.shuffled(scales).subList(0, 2);
                    return of(
                            ref -> "Convert " + ref + " degrees " + pair.get(0) + " to degrees " + pair.get(1)
                                    + ". Use F = C * 9/5 + 32 and K = C + 273.15, and " + ROUNDING,
                            v -> fromCelsius(toCelsius(v, pair.get(0)), pair.get(1))
                                    .setScale(2, RoundingMode.HALF_UP));
                });
    }

    private static BigDecimal toCelsius(BigDecimal value, String scale) {
        return switch (scale) {
            case "Fahrenheit" -> value.subtract(BigDecimal.valueOf(32))
                    .multiply(BigDecimal.valueOf(5))
                    .divide(BigDecimal.valueOf(9), MathContext.DECIMAL128);
            case "Kelvin" -> value.subtract(new BigDecimal("273.15"));
            default -> value;
        };
    }

    private static BigDecimal fromCelsius(BigDecimal celsius, String scale) {
        return switch (scale) {
            case "Fahrenheit" -> celsius.multiply(BigDecimal.valueOf(9))
                    .divide(BigDecimal.valueOf(5), MathContext.DECIMAL128)
                    .add(BigDecimal.valueOf(32));
            case "Kelvin" -> celsius.add(new BigDecimal("273.15"));
            default -> celsius;
        };
    }

    private static Composable currency() {
        return env("currency", DECIMAL, DECIMAL)
                .description("Convert money at a stated exchange rate")
                .input(Units::quantity)
                .task((x, rng, d) -> {
                    List<String> pair = rng.shuffled(CURRENCIES).subList(0, 2);
                    int scale = d <= 2 ? 2 : 4;
                    BigDecimal rate =
                            BigDecimal.valueOf(rng.between(5 * pow10(scale - 1), 20 * pow10(scale - 1)), scale);
                    return of(
                            ref -> "Convert " + ref + " " + pair.get(0) + " to " + pair.get(1) + " at the rate 1 "
                                    + pair.get(0) + " = " + rate.toPlainString() + " " + pair.get(1) + "; " + ROUNDING,
                            v -> v.multiply(rate).setScale(2, RoundingMode.HALF_UP));
                });
    }

    private static Composable dataSize() {
        return env("data-size", INTEGER, DECIMAL)
                .description("Express a byte count in KiB, MiB or GiB")
                .input((rng, d) -> rng.between(1, pow10(d + 3)))
                .task((x, rng, d) -> {
                    int power = d == 1 ? 1 : rng.between(1, Math.min(3, d));
                    String name = new String[] {"KiB", "MiB", "GiB"}[power - 1];
                    BigDecimal size = BigDecimal.valueOf(1L << (10 * power));
                    return of(
                            ref -> "Express " + ref + " bytes in " + name + " (1 " + name + " = " + size.toPlainString()
                                    + " bytes); " + ROUNDING,
                            v -> v < 0 ? null : BigDecimal.valueOf(v).divide(size, 2, RoundingMode.HALF_UP));
                });
    }

    private static Composable clock() {
        return env("clock", INTEGER, STRING)
                .description("Write a number of seconds as H:MM:SS")
                .input((rng, d) -> rng.between(0, new long[] {600, 7200, 86_400, 864_000, 9_999_999}[d - 1]))
                .task((x, rng, d) -> of(
                        ref -> "Write " + ref + " seconds as hours, minutes and seconds in the form H:MM:SS (hours not"
                                + " padded; for example 3725 seconds is 1:02:05).",
                        v -> v < 0
                                ? null
                                : String.format(java.util.Locale.ROOT, "%d:%02d:%02d", v / 3600, v / 60 % 60, v % 60)));
    }

    private static Composable roman() {
        return env("roman", INTEGER, STRING)
                .description("Write a number as a Roman numeral")
                .caseInsensitive()
                .input((rng, d) -> rng.between(1, new long[] {20, 100, 500, 2000, 3999}[d - 1]))
                .task((x, rng, d) -> of(
                        ref -> "Write " + ref + " as a Roman numeral in standard form (for example 1994 is MCMXCIV).",
                        v -> v < 1 || v > 3999 ? null : romanNumeral(v)));
    }

    private static String romanNumeral(long value) {
        StringBuilder text = new StringBuilder();
        long rest = value;
        for (int i = 0; i < ROMAN.length; i++) {
            while (rest >= ROMAN_VALUES[i]) {
                text.append(ROMAN[i]);
                rest -= ROMAN_VALUES[i];
            }
        }
        return text.toString();
    }
}
