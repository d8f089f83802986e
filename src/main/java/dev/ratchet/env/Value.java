package dev.ratchet.env;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A typed value flowing between environments. The raw object is fixed by the type: INTEGER a
 * {@code Long}, DECIMAL a {@code BigDecimal} with exactly two decimals, BOOLEAN a {@code Boolean},
 * STRING a {@code String}, INT_LIST a {@code List<Long>}, STRING_LIST a {@code List<String>}, DATE
 * a {@code LocalDate}, GRAPH a {@link Graph}, TABLE a {@link Table}.
 */
public record Value(ValueType type, Object raw) {

    public Value {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        raw = checked(type, raw);
    }

    public static Value of(long value) {
        return new Value(ValueType.INTEGER, value);
    }

    /** A decimal; it must not need more than two decimals (round before, on purpose). */
    public static Value of(BigDecimal value) {
        return new Value(ValueType.DECIMAL, value);
    }

    public static Value of(boolean value) {
        return new Value(ValueType.BOOLEAN, value);
    }

    public static Value of(String value) {
        return new Value(ValueType.STRING, value);
    }

    public static Value of(LocalDate value) {
        return new Value(ValueType.DATE, value);
    }

    public static Value of(Graph value) {
        return new Value(ValueType.GRAPH, value);
    }

    public static Value of(Table value) {
        return new Value(ValueType.TABLE, value);
    }

    public static Value ints(List<Long> values) {
        return new Value(ValueType.INT_LIST, values);
    }

    public static Value strings(List<String> values) {
        return new Value(ValueType.STRING_LIST, values);
    }

    public long asLong() {
        return (Long) expect(ValueType.INTEGER);
    }

    public BigDecimal asDecimal() {
        return (BigDecimal) expect(ValueType.DECIMAL);
    }

    public boolean asBoolean() {
        return (Boolean) expect(ValueType.BOOLEAN);
    }

    public String asString() {
        return (String) expect(ValueType.STRING);
    }

    @SuppressWarnings("unchecked")
    public List<Long> asInts() {
        return (List<Long>) expect(ValueType.INT_LIST);
    }

    @SuppressWarnings("unchecked")
    public List<String> asStrings() {
        return (List<String>) expect(ValueType.STRING_LIST);
    }

    public LocalDate asDate() {
        return (LocalDate) expect(ValueType.DATE);
    }

    public Graph asGraph() {
        return (Graph) expect(ValueType.GRAPH);
    }

    public Table asTable() {
        return (Table) expect(ValueType.TABLE);
    }

    @Override
    public String toString() {
        return ValueFormat.render(this);
    }

    private Object expect(ValueType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("a " + type.label() + " value is not a " + wanted.label());
        }
        return raw;
    }

    private static Object checked(ValueType type, Object raw) {
        return switch (type) {
            case INTEGER -> cast(raw, Long.class, type);
            case DECIMAL -> twoDecimals(cast(raw, BigDecimal.class, type));
            case BOOLEAN -> cast(raw, Boolean.class, type);
            case STRING -> cast(raw, String.class, type);
            case INT_LIST -> List.copyOf(elements(cast(raw, List.class, type), Long.class, type));
            case STRING_LIST -> List.copyOf(elements(cast(raw, List.class, type), String.class, type));
            case DATE -> cast(raw, LocalDate.class, type);
            case GRAPH -> cast(raw, Graph.class, type);
            case TABLE -> cast(raw, Table.class, type);
        };
    }

    private static BigDecimal twoDecimals(BigDecimal value) {
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("decimal values have at most two decimals: " + value, e);
        }
    }

    private static <T> T cast(Object raw, Class<T> wanted, ValueType type) {
        if (!wanted.isInstance(raw)) {
            throw new IllegalArgumentException("a " + type.label() + " value needs a " + wanted.getSimpleName()
                    + ", got " + raw.getClass().getSimpleName());
        }
        return wanted.cast(raw);
    }

    private static List<?> elements(List<?> list, Class<?> wanted, ValueType type) {
        for (Object element : list) {
            if (!wanted.isInstance(element)) {
                throw new IllegalArgumentException("a " + type.label() + " holds " + wanted.getSimpleName() + " items");
            }
        }
        return list;
    }
}
