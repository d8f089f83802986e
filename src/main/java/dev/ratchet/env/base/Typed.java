package dev.ratchet.env.base;

import dev.ratchet.env.Graph;
import dev.ratchet.env.Table;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** A value type paired with its Java representation, so environments are written with plain types. */
public final class Typed<T> {

    public static final Typed<Long> INTEGER = new Typed<>(ValueType.INTEGER, Value::asLong, n -> Value.of((long) n));
    public static final Typed<BigDecimal> DECIMAL = new Typed<>(ValueType.DECIMAL, Value::asDecimal, Value::of);
    public static final Typed<Boolean> BOOLEAN =
            new Typed<>(ValueType.BOOLEAN, Value::asBoolean, b -> Value.of((boolean) b));
    public static final Typed<String> STRING = new Typed<>(ValueType.STRING, Value::asString, Value::of);
    public static final Typed<List<Long>> INT_LIST = new Typed<>(ValueType.INT_LIST, Value::asInts, Value::ints);
    public static final Typed<List<String>> STRING_LIST =
            new Typed<>(ValueType.STRING_LIST, Value::asStrings, Value::strings);
    public static final Typed<LocalDate> DATE = new Typed<>(ValueType.DATE, Value::asDate, Value::of);
    public static final Typed<Graph> GRAPH = new Typed<>(ValueType.GRAPH, Value::asGraph, g -> Value.of(g));
    public static final Typed<Table> TABLE = new Typed<>(ValueType.TABLE, Value::asTable, t -> Value.of(t));

    private final ValueType type;
    private final Function<Value, T> read;
    private final Function<T, Value> write;

    private Typed(ValueType type, Function<Value, T> read, Function<T, Value> write) {
        this.type = type;
        this.read = read;
        this.write = write;
    }

    public ValueType type() {
        return type;
    }

    T read(Value value) {
        return read.apply(value);
    }

    Value write(T value) {
        return write.apply(value);
    }
}
