package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Typed.BOOLEAN;
import static dev.ratchet.env.base.Typed.DATE;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.STRING;

import dev.ratchet.env.Composable;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/** Dates and calendars (proleptic Gregorian); difficulty widens the years and the distances. */
final class Dates {

    private static final String DOMAIN = "dates";
    private static final long[] DAY_SPANS = {31, 100, 400, 2000, 10000};
    private static final long[] MONTH_SPANS = {3, 12, 24, 60, 120};

    private Dates() {}

    static List<Composable> environments() {
        return List.of(
                addDays(), weekday(), daysBetween(), isLeap(), dayOfYear(), endOfMonth(), addMonths(), fromDayOfYear());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("dates." + name, DOMAIN, in, out);
    }

    private static Composable addDays() {
        return env("add-days", DATE, DATE)
                .description("The date a number of days before or after a date")
                .input(Draw::date)
                .task((x, rng, d) -> {
                    long k = rng.between(1, DAY_SPANS[d - 1]);
                    boolean before = d >= 3 && rng.nextBoolean();
                    return of(
                            ref -> "What date is " + k + " day" + (k == 1 ? "" : "s")
                                    + (before ? " before " : " after ") + ref + "?",
                            v -> before ? v.minusDays(k) : v.plusDays(k));
                });
    }

    private static Composable weekday() {
        return env("weekday", DATE, STRING)
                .description("The day of the week of a date")
                .caseInsensitive()
                .input(Draw::date)
                .task((x, rng, d) -> of(
                        ref -> "On which day of the week does " + ref + " fall? Give the English day name, for"
                                + " example Monday.",
                        v -> Draw.capitalised(v.getDayOfWeek().name().toLowerCase(Locale.ROOT))));
    }

    private static Composable daysBetween() {
        return env("days-between", DATE, INTEGER)
                .description("Days from a date to another date")
                .input(Draw::date)
                .task((x, rng, d) -> {
                    long delta = rng.between(1, DAY_SPANS[d - 1]) * (d >= 3 && rng.nextBoolean() ? -1 : 1);
                    LocalDate other = x.plusDays(delta);
                    return of(
                            ref -> "How many days are there from " + ref + " to " + other + "? Answer with a negative"
                                    + " number if " + other + " is the earlier date.",
                            v -> ChronoUnit.DAYS.between(v, other));
                });
    }

    private static Composable isLeap() {
        return env("is-leap", DATE, BOOLEAN)
                .description("Decide whether a date's year is a leap year")
                .input((rng, d) -> {
                    LocalDate date = Draw.date(rng, d);
                    return d >= 3 && rng.chance(35)
                            ? date.withYear(date.getYear() / 100 * 100).withDayOfMonth(1)
                            : date;
                })
                .task((x, rng, d) -> of(
                        ref -> "Is the year of " + ref + " a leap year in the Gregorian calendar?",
                        v -> Year.isLeap(v.getYear())));
    }

    private static Composable dayOfYear() {
        return env("day-of-year", DATE, INTEGER)
                .description("The day-of-year number of a date")
                .input(Draw::date)
                .task((x, rng, d) -> of(ref -> "What is the day of the year of " + ref + " (1 January is day 1)?", v ->
                        (long) v.getDayOfYear()));
    }

    private static Composable endOfMonth() {
        return env("end-of-month", DATE, DATE)
                .description("The last day of a date's month")
                .input(Draw::date)
                .task((x, rng, d) -> of(
                        ref -> "What is the last day of the month that contains " + ref + "?",
                        v -> v.with(TemporalAdjusters.lastDayOfMonth())));
    }

    private static Composable addMonths() {
        return env("add-months", DATE, DATE)
                .description("The date a number of months later or earlier")
                .input(Draw::date)
                .task((x, rng, d) -> {
                    long k = rng.between(1, MONTH_SPANS[d - 1]);
                    boolean before = d >= 3 && rng.nextBoolean();
                    return of(
                            ref -> "What date is " + k + " month" + (k == 1 ? "" : "s")
                                    + (before ? " before " : " after ") + ref
                                    + "? If that month has no such day, use its last day.",
                            v -> before ? v.minusMonths(k) : v.plusMonths(k));
                });
    }

    private static Composable fromDayOfYear() {
        return env("from-day-of-year", INTEGER, DATE)
                .description("The date with a given day-of-year number")
                .input((rng, d) -> rng.between(1, new long[] {31, 90, 200, 365, 366}[d - 1]))
                .task((x, rng, d) -> {
                    int year = (int) rng.between(2015 - 20L * d, 2015 + 20L * d);
                    while (x == 366 && !Year.isLeap(year)) {
                        year++;
                    }
                    int shown = year;
                    return of(
                            ref -> "Take " + ref + " as a day number: which date is that day of the year " + shown
                                    + " (1 January is day 1)?",
                            v -> v < 1 || v > Year.of(shown).length()
                                    ? null
                                    : LocalDate.ofYearDay(shown, v.intValue()));
                });
    }
}
