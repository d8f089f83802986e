package dev.ratchet.env.base;

import static dev.ratchet.env.base.Typed.DATE;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days in a named calendar whose holidays only the {@code holidays} tool lists, a month at
 * a time. A calendar's holidays are a pure function of its name and the month: zero to three
 * weekdays per month.
 */
final class Calendars {

    private static final long WORLD = 0xCA1EL;
    private static final int MAX_HOLIDAYS = 3;

    static final Tool HOLIDAYS = new Tool(
            "holidays",
            "Lists the holidays of a named calendar in one month (comma-separated dates, or 'none').",
            List.of(
                    Tool.Parameter.string("calendar", "the calendar's name, e.g. cal-1234"),
                    Tool.Parameter.string("month", "the month as YYYY-MM")),
            arguments -> render(holidays(arguments.string("calendar"), month(arguments.string("month")))));

    private Calendars() {}

    static Composable workdays() {
        return BaseEnvironment.builder("dates.workdays", "dates", DATE, DATE)
                .description("Count working days forward in a calendar whose holidays only a tool lists")
                .tools(HOLIDAYS)
                .input(Draw::date)
                .task((x, rng, d) -> {
                    String calendar = "cal-" + rng.between(1000, 9999);
                    int days = rng.between(3 * d - 1, 4 * d + 1);
                    return BaseEnvironment.Op.withTools(
                            ref -> "Count " + days + " working days forward from " + ref + " in the calendar "
                                    + calendar + ": a working day is a Monday to Friday that is not one of the"
                                    + " calendar's holidays, and the start date itself does not count. Which date is"
                                    + " the last of them? The holidays are not shown here; the holidays tool lists"
                                    + " them a month at a time.",
                            start -> forward(calendar, start, days),
                            start -> plan(calendar, start, forward(calendar, start, days)));
                });
    }

    private static LocalDate forward(String calendar, LocalDate start, int days) {
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (working(calendar, day)) {
                counted++;
            }
        }
        return day;
    }

    private static boolean working(String calendar, LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays(calendar, YearMonth.from(day)).contains(day);
    }

    /** One call per month from the start's to the end's, all at once: months do not depend on each other. */
    private static ToolPlan plan(String calendar, LocalDate start, LocalDate end) {
        List<ToolCall> calls = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            calls.add(ToolCall.of(HOLIDAYS.name(), "calendar", calendar, "month", m.toString()));
        }
        return ToolPlan.parallel(calls);
    }

    /** The holidays of {@code calendar} in {@code month}, in date order. */
    static SortedSet<LocalDate> holidays(String calendar, YearMonth month) {
        String name = calendar.strip();
        if (!name.matches("cal-\\d{4}")) {
            throw new IllegalArgumentException("no calendar named '" + name + "'");
        }
        Rng rng = Rng.derived(WORLD, name, month.toString());
        TreeSet<LocalDate> days = new TreeSet<>();
        int count = rng.nextInt(MAX_HOLIDAYS + 1);
        for (int i = 0; i < count * 3 && days.size() < count; i++) {
            LocalDate day = month.atDay(1 + rng.nextInt(month.lengthOfMonth()));
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a month written YYYY-MM");
        }
    }

    private static String render(SortedSet<LocalDate> days) {
        if (days.isEmpty()) {
            return "none";
        }
        List<String> text = new ArrayList<>();
        days.forEach(day -> text.add(day.toString()));
        return String.join(", ", text);
    }
}
