package dev.ratchet.env;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The sizes every value must keep so that any environment can consume any value of its input type
 * cheaply and write it on one answer line. An environment whose result would leave these bounds
 * declines the input; composites then draw again.
 */
public final class ValueBounds {

    /** Largest magnitude of an integer or decimal value. */
    public static final long MAGNITUDE = 1_000_000_000_000L;

    public static final int MAX_TEXT = 200;
    public static final int MAX_ITEMS = 64;
    public static final int MAX_ITEM_TEXT = 40;
    public static final int MAX_NODES = 20;
    public static final int MAX_WEIGHT = 1000;
    public static final int MAX_ROWS = 30;
    public static final int MAX_COLUMNS = 6;

    private static final BigDecimal DECIMAL_MAGNITUDE = BigDecimal.valueOf(MAGNITUDE);

    private ValueBounds() {}

    public static boolean contains(Value value) {
        return switch (value.type()) {
            case INTEGER -> Math.abs(value.asLong()) <= MAGNITUDE;
            case DECIMAL -> value.asDecimal().abs().compareTo(DECIMAL_MAGNITUDE) <= 0;
            case BOOLEAN -> true;
            case STRING -> text(value.asString(), MAX_TEXT, "\"`");
            case INT_LIST -> value.asInts().size() <= MAX_ITEMS
                    && value.asInts().stream().allMatch(n -> Math.abs(n) <= MAGNITUDE);
            case STRING_LIST -> value.asStrings().size() <= MAX_ITEMS
                    && value.asStrings().stream().allMatch(ValueBounds::item);
            case DATE -> years(value.asDate());
            case GRAPH -> graph(value.asGraph());
            case TABLE -> table(value.asTable());
        };
    }

    /** Printable ASCII on one line, no surrounding space, none of {@code forbidden}. */
    private static boolean text(String s, int maxLength, String forbidden) {
        if (s.isEmpty() || s.length() > maxLength || !s.equals(s.strip())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || forbidden.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** List items and table cells are single tokens: they must survive splitting on separators. */
    private static boolean item(String s) {
        return text(s, MAX_ITEM_TEXT, "\"'`,;[](){} ");
    }

    private static boolean years(LocalDate date) {
        return date.getYear() >= 1600 && date.getYear() <= 2400;
    }

    private static boolean graph(Graph graph) {
        return graph.nodes() <= MAX_NODES && graph.edges().stream().allMatch(e -> e.weight() <= MAX_WEIGHT);
    }

    private static boolean table(Table table) {
        if (table.columns().size() > MAX_COLUMNS || table.rows().size() > MAX_ROWS) {
            return false;
        }
        if (!table.columns().stream().allMatch(ValueBounds::item)
                || table.columns().stream().distinct().count()
                        != table.columns().size()) {
            return false;
        }
        for (List<String> row : table.rows()) {
            if (!row.stream().allMatch(ValueBounds::item)) {
                return false;
            }
        }
        return true;
    }
}
