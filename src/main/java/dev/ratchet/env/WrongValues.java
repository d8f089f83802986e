package dev.ratchet.env;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Plausible wrong values: each is a small, realistic slip (off by a little, one item changed, one
 * letter changed) that still parses as the same type but never matches the original.
 */
public final class WrongValues {

    private WrongValues() {}

    public static Value near(Value value, Rng rng) {
        Value wrong =
                switch (value.type()) {
                    case INTEGER -> Value.of(value.asLong() + offset(rng));
                    case DECIMAL -> Value.of(value.asDecimal().add(BigDecimal.valueOf(offset(rng), 2)));
                    case BOOLEAN -> Value.of(!value.asBoolean());
                    case STRING -> Value.of(changeLetter(value.asString(), rng));
                    case INT_LIST -> Value.ints(changeNumber(value.asInts(), rng));
                    case STRING_LIST -> Value.strings(changeWord(value.asStrings(), rng));
                    case DATE -> Value.of(value.asDate().plusDays(offset(rng)));
                    case GRAPH -> Value.of(changeGraph(value.asGraph(), rng));
                    case TABLE -> Value.of(changeTable(value.asTable(), rng));
                };
        if (ValueFormat.matches(value, wrong, false)) {
            throw new IllegalStateException("a wrong value must differ: " + value);
        }
        return wrong;
    }

    /** A non-zero offset, mostly small: the slips an agent makes are off by one or a few. */
    private static long offset(Rng rng) {
        long size = rng.chance(70) ? rng.between(1, 3) : rng.between(4, 20);
        return rng.nextBoolean() ? size : -size;
    }

    /** Replaces one character with a different letter (different even ignoring case). */
    static String changeLetter(String text, Rng rng) {
        int at = rng.nextInt(text.length());
        char old = Character.toLowerCase(text.charAt(at));
        char letter;
        do {
            letter = (char) ('a' + rng.nextInt(26));
        } while (letter == old);
        return text.substring(0, at) + letter + text.substring(at + 1);
    }

    private static List<Long> changeNumber(List<Long> items, Rng rng) {
        List<Long> changed = new ArrayList<>(items);
        if (changed.isEmpty()) {
            changed.add(offset(rng));
        } else {
            int at = rng.nextInt(changed.size());
            changed.set(at, changed.get(at) + offset(rng));
        }
        return changed;
    }

    private static List<String> changeWord(List<String> items, Rng rng) {
        List<String> changed = new ArrayList<>(items);
        if (changed.isEmpty()) {
            changed.add("none");
        } else {
            int at = rng.nextInt(changed.size());
            changed.set(at, changeLetter(changed.get(at), rng));
        }
        return changed;
    }

    private static Graph changeGraph(Graph graph, Rng rng) {
        List<Graph.Edge> edges = new ArrayList<>(graph.edges());
        if (!edges.isEmpty()) {
            int at = rng.nextInt(edges.size());
            Graph.Edge edge = edges.get(at);
            edges.set(at, new Graph.Edge(edge.from(), edge.to(), edge.weight() + rng.between(1, 3)));
            return new Graph(graph.nodes(), edges);
        }
        return graph.nodes() >= 2 ? new Graph(graph.nodes(), List.of(new Graph.Edge(0, 1, 1))) : new Graph(2, edges);
    }

    private static Table changeTable(Table table, Rng rng) {
        if (table.rows().isEmpty()) {
            List<String> filler = new ArrayList<>();
            table.columns().forEach(column -> filler.add("none"));
            return new Table(table.columns(), List.of(filler));
        }
        List<List<String>> rows = new ArrayList<>();
        table.rows().forEach(row -> rows.add(new ArrayList<>(row)));
        int row = rng.nextInt(rows.size());
        int column = rng.nextInt(table.columns().size());
        String cell = rows.get(row).get(column);
        rows.get(row)
                .set(
                        column,
                        table.numeric(column)
                                ? Long.toString(Long.parseLong(cell) + offset(rng))
                                : changeLetter(cell, rng));
        return new Table(table.columns(), rows);
    }
}
