package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.STRING;
import static dev.ratchet.env.base.Typed.STRING_LIST;
import static dev.ratchet.env.base.Typed.TABLE;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records and tables. Tasks name their columns; a task drawn for a table without a suitable column
 * declines it. Operations look columns up by name, so they apply to any table that has them.
 */
final class Tables {

    private static final String DOMAIN = "tables";

    private Tables() {}

    static List<Composable> environments() {
        return List.of(sumColumn(), filter(), sort(), countWhere(), column(), top(), fromWords(), groupCount());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("tables." + name, DOMAIN, in, out);
    }

    private static Composable sumColumn() {
        return env("sum-column", TABLE, INTEGER)
                .description("Sum of a numeric column")
                .input(Draw::people)
                .task((x, rng, d) -> {
                    String c = pickOrNull(x.numericColumns(), rng);
                    return c == null
                            ? null
                            : of(ref -> "What is the sum of the " + c + " column of " + ref + "?", t -> {
                                int i = numericIndex(t, c);
                                return i < 0
                                        ? null
                                        : t.column(i).stream()
                                                .mapToLong(Long::parseLong)
                                                .sum();
                            });
                });
    }

    private static Composable filter() {
        return env("filter", TABLE, TABLE)
                .description("Keep the rows whose numeric column exceeds a threshold")
                .input(Draw::people)
                .task((x, rng, d) -> {
                    String c = pickOrNull(x.numericColumns(), rng);
                    if (c == null) {
                        return null;
                    }
                    long t = Long.parseLong(rng.pick(x.column(x.indexOf(c))));
                    return of(
                            ref -> "Keep only the rows of " + ref + " whose " + c + " is greater than " + t
                                    + ", in their original order, with the header.",
                            table -> {
                                int i = numericIndex(table, c);
                                if (i < 0) {
                                    return null;
                                }
                                List<List<String>> kept = table.rows().stream()
                                        .filter(row -> Long.parseLong(row.get(i)) > t)
                                        .toList();
                                return new Table(table.columns(), kept);
                            });
                });
    }

    private static Composable sort() {
        return env("sort", TABLE, TABLE)
                .description("Sort rows by a column, stably")
                .input(Draw::people)
                .task((x, rng, d) -> {
                    String c = rng.pick(d == 1 && !x.numericColumns().isEmpty() ? x.numericColumns() : x.columns());
                    boolean descending = d >= 3 && rng.nextBoolean();
                    return of(
                            ref -> "Sort the rows of " + ref + " by " + c + ", " + (descending ? "largest" : "smallest")
                                    + " first (numbers by value, text alphabetically); rows with equal " + c
                                    + " keep their order.",
                            table -> {
                                int i = table.indexOf(c);
                                if (i < 0) {
                                    return null;
                                }
                                Comparator<List<String>> order = table.numeric(i)
                                        ? Comparator.comparingLong(row -> Long.parseLong(row.get(i)))
                                        : Comparator.comparing(row -> row.get(i));
                                List<List<String>> rows = new ArrayList<>(table.rows());
                                rows.sort(descending ? order.reversed() : order);
                                return new Table(table.columns(), rows);
                            });
                });
    }

    private static Composable countWhere() {
        return env("count-where", TABLE, INTEGER)
                .description("Count the rows with a given value in a column")
                .input(Draw::people)
                .task((x, rng, d) -> {
                    List<String> candidates = x.textColumns().contains("city") ? List.of("city") : x.columns();
                    String c = rng.pick(candidates);
                    String value = rng.chance(85) && !x.rows().isEmpty()
                            ? rng.pick(x.column(x.indexOf(c)))
                            : rng.pick(Draw.CITIES);
                    return of(ref -> "How many rows of " + ref + " have " + c + " equal to " + value + "?", table -> {
                        int i = table.indexOf(c);
                        return i < 0
                                ? null
                                : table.column(i).stream().filter(value::equals).count();
                    });
                });
    }

    private static Composable column() {
        return env("column", TABLE, STRING_LIST)
                .description("The values of one column, top to bottom")
                .input(Draw::people)
                .task((x, rng, d) -> {
                    String c = rng.pick(x.columns());
                    return of(
                            ref -> "List the values in the " + c + " column of " + ref + ", from the first row to the"
                                    + " last.",
                            table -> {
                                int i = table.indexOf(c);
                                return i < 0 ? null : table.column(i);
                            });
                });
    }

    private static Composable top() {
        return env("top", TABLE, STRING)
                .description("The value of one column in the row with the largest value of another")
                .input(Draw::people)
                .task((x, rng, d) -> {
                    String by = pickOrNull(x.numericColumns(), rng);
                    if (by == null || x.columns().size() < 2) {
                        return null;
                    }
                    String shown = x.columns().contains("name") && !by.equals("name")
                            ? "name"
                            : rng.pick(x.columns().stream()
                                    .filter(col -> !col.equals(by))
                                    .toList());
                    return of(
                            ref -> "In " + ref + ", what is the " + shown + " of the row with the largest " + by
                                    + "? If several rows share the largest " + by + ", give the first of them.",
                            table -> {
                                int b = numericIndex(table, by);
                                int s = table.indexOf(shown);
                                if (b < 0 || s < 0) {
                                    return null;
                                }
                                List<String> best = table.rows().get(0);
                                for (List<String> row : table.rows()) {
                                    if (Long.parseLong(row.get(b)) > Long.parseLong(best.get(b))) {
                                        best = row;
                                    }
                                }
                                return best.get(s);
                            });
                });
    }

    private static Composable fromWords() {
        return env("from-words", STRING_LIST, TABLE)
                .description("Tabulate words with their lengths")
                .input((rng, d) -> Draw.words(rng, 2 + d))
                .task((x, rng, d) -> of(
                        ref -> "Make a table with the columns word,length that lists every item of " + ref
                                + " with its number of characters, in the given order.",
                        v -> new Table(
                                List.of("word", "length"),
                                v.stream()
                                        .map(w -> List.of(w, Integer.toString(w.length())))
                                        .toList())));
    }

    private static Composable groupCount() {
        return env("group-count", TABLE, TABLE)
                .description("Count the rows per value of a column")
                .input(Draw::people)
                .task((x, rng, d) -> {
                    List<String> text = x.textColumns().stream()
                            .filter(c -> !c.equals("name"))
                            .toList();
                    String c = text.isEmpty() ? rng.pick(x.columns()) : rng.pick(text);
                    return of(
                            ref -> "Count the rows of " + ref + " for each distinct " + c + ". Answer with a table with"
                                    + " the columns " + c
                                    + ",count: one row per value, sorted by value (numbers by value,"
                                    + " text alphabetically).",
                            table -> {
                                int i = table.indexOf(c);
                                if (i < 0) {
                                    return null;
                                }
                                Comparator<String> order = table.numeric(i)
                                        ? Comparator.comparingLong(Long::parseLong)
                                        : Comparator.naturalOrder();
                                Map<String, Long> counts = new TreeMap<>(order);
                                table.column(i).forEach(value -> counts.merge(value, 1L, Long::sum));
                                List<List<String>> rows = new ArrayList<>();
                                counts.forEach((value, count) -> rows.add(List.of(value, Long.toString(count))));
                                return new Table(List.of(c, "count"), rows);
                            });
                });
    }

    private static String pickOrNull(List<String> items, Rng rng) {
        return items.isEmpty() ? null : rng.pick(items);
    }

    private static int numericIndex(Table table, String column) {
        int i = table.indexOf(column);
        return i >= 0 && table.numeric(i) ? i : -1;
    }
}
