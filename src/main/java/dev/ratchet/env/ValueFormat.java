package dev.ratchet.env;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How values are written and read back: the canonical answer text ({@link #render}), the phrase
 * used inside a task ({@link #describe}) and a tolerant parser ({@link #parse}) that accepts
 * harmless variations (grouping commas, brackets or none, quotes around items) but never changes a
 * value.
 */
public final class ValueFormat {

    private static final Pattern INTEGER = Pattern.compile("[+-]?(\\d+|\\d{1,3}(,\\d{3})+)(\\.0+)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+|\\d{1,3}(,\\d{3})+)?(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern GRAPH = Pattern.compile("n\\s*=\\s*(\\d{1,3})\\s*(?:;(.*))?", Pattern.DOTALL);
    private static final Pattern EDGE = Pattern.compile("(\\d{1,3})\\s*-\\s*(\\d{1,3})\\s*:\\s*(\\d{1,6})");

    private ValueFormat() {}

    /** The canonical answer text: what {@code Instance.expected()} holds for a single value. */
    public static String render(Value value) {
        return switch (value.type()) {
            case INTEGER, BOOLEAN, STRING, DATE -> value.raw().toString();
            case DECIMAL -> value.asDecimal().toPlainString();
            case INT_LIST -> "[" + join(value.asInts()) + "]";
            case STRING_LIST -> "[" + join(value.asStrings()) + "]";
            case GRAPH -> renderGraph(value.asGraph());
            case TABLE -> renderTable(value.asTable());
        };
    }

    /** The value as a noun phrase inside a task, e.g. {@code the list [3, 1, 2]}. */
    public static String describe(Value value) {
        return switch (value.type()) {
            case INTEGER, DECIMAL, BOOLEAN, DATE -> render(value);
            case STRING -> "the text \"" + value.asString() + "\"";
            case INT_LIST, STRING_LIST -> "the list " + render(value);
            case GRAPH -> "the graph `" + render(value) + "`";
            case TABLE -> "the table `" + render(value) + "`";
        };
    }

    /** Reads an answer of the given type; empty when it is not in the stated format. */
    public static Optional<Value> parse(ValueType type, String text) {
        String s = text.strip().replace('\u2212', '-');
        try {
            return switch (type) {
                case INTEGER -> parseInteger(s).map(Value::of);
                case DECIMAL -> parseDecimal(s).map(Value::of);
                case BOOLEAN -> parseBoolean(s).map(Value::of);
                case STRING -> s.isEmpty() ? Optional.empty() : Optional.of(Value.of(unquote(s)));
                case INT_LIST -> parseIntList(s).map(Value::ints);
                case STRING_LIST -> parseStringList(s).map(Value::strings);
                case DATE -> parseDate(s).map(Value::of);
                case GRAPH -> parseGraph(s).map(Value::of);
                case TABLE -> parseTable(s).map(Value::of);
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Equality as a verifier sees it; text may be compared without case. */
    public static boolean matches(Value expected, Value actual, boolean caseSensitive) {
        if (expected.type() != actual.type()) {
            return false;
        }
        if (!caseSensitive && expected.type() == ValueType.STRING) {
            return expected.asString().equalsIgnoreCase(actual.asString());
        }
        if (!caseSensitive && expected.type() == ValueType.STRING_LIST) {
            return lower(expected.asStrings()).equals(lower(actual.asStrings()));
        }
        return expected.equals(actual);
    }

    static Optional<Long> parseInteger(String s) {
        if (!INTEGER.matcher(s).matches()) {
            return Optional.empty();
        }
        String digits = s.replace(",", "").replace("+", "");
        int dot = digits.indexOf('.');
        try {
            return Optional.of(Long.parseLong(dot < 0 ? digits : digits.substring(0, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> parseDecimal(String s) {
        if (s.isEmpty() || !DECIMAL.matcher(s).matches() || !s.matches(".*\\d.*")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(s.replace(",", "").replace("+", ""));
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() > 2 ? Optional.empty() : Optional.of(plain.setScale(2));
    }

    private static Optional<Boolean> parseBoolean(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("true") || lower.equals("yes")) {
            return Optional.of(true);
        }
        if (lower.equals("false") || lower.equals("no")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static Optional<List<Long>> parseIntList(String s) {
        Optional<List<String>> items = items(s);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Long> values = new ArrayList<>();
        for (String item : items.get()) {
            Optional<Long> value = parseInteger(item);
            if (value.isEmpty() || item.contains(",")) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    private static Optional<List<String>> parseStringList(String s) {
        return items(s).map(list -> list.stream().map(ValueFormat::unquote).toList());
    }

    /** Splits a list written with or without brackets, by commas or else by whitespace. */
    private static Optional<List<String>> items(String s) {
        String inner = s;
        if (!s.isEmpty() && "[({".indexOf(s.charAt(0)) >= 0) {
            char close = "])}".charAt("[({".indexOf(s.charAt(0)));
            if (s.charAt(s.length() - 1) != close) {
                return Optional.empty();
            }
            inner = s.substring(1, s.length() - 1).strip();
        }
        if (inner.isEmpty()) {
            return Optional.of(List.of());
        }
        String[] parts = inner.contains(",") ? inner.split(",", -1) : inner.split("\\s+");
        List<String> items = new ArrayList<>();
        for (String part : parts) {
            String item = part.strip();
            if (item.isEmpty()) {
                return Optional.empty();
            }
            items.add(item);
        }
        return Optional.of(items);
    }

    private static Optional<LocalDate> parseDate(String s) {
        if (!DATE.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Graph> parseGraph(String s) {
        Matcher whole = GRAPH.matcher(s);
        if (!whole.matches()) {
            return Optional.empty();
        }
        int nodes = Integer.parseInt(whole.group(1));
        String edgeText = whole.group(2) == null ? "" : whole.group(2).strip();
        List<Graph.Edge> edges = new ArrayList<>();
        if (!edgeText.isEmpty() && !edgeText.equalsIgnoreCase("none")) {
            for (String part : edgeText.split(",", -1)) {
                Matcher edge = EDGE.matcher(part.strip());
                if (!edge.matches()) {
                    return Optional.empty();
                }
                edges.add(new Graph.Edge(
                        Integer.parseInt(edge.group(1)),
                        Integer.parseInt(edge.group(2)),
                        Integer.parseInt(edge.group(3))));
            }
        }
        return Optional.of(new Graph(nodes, edges));
    }

    private static Optional<Table> parseTable(String s) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : s.split("[;\\n]")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                String value = cell.strip();
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                cells.add(value);
            }
            lines.add(cells);
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Table(lines.get(0), lines.subList(1, lines.size())));
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if ((first == '"' && last == '"')
                    || (first == '\'' && last == '\'')
                    || (first == '\u201C' && last == '\u201D')) {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    private static String renderGraph(Graph graph) {
        StringBuilder text = new StringBuilder("n=").append(graph.nodes());
        if (!graph.edges().isEmpty()) {
            text.append("; ").append(join(graph.edges()));
        }
        return text.toString();
    }

    private static String renderTable(Table table) {
        StringBuilder text = new StringBuilder(String.join(",", table.columns()));
        for (List<String> row : table.rows()) {
            text.append("; ").append(String.join(",", row));
        }
        return text.toString();
    }

    private static String join(List<?> items) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(items.get(i));
        }
        return text.toString();
    }

    private static List<String> lower(List<String> items) {
        return items.stream()
                .map(item -> item.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }
}
