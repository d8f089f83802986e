package dev.ratchet.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A deterministic tool an environment offers the agent: a name, what it does, its declared
 * parameters (all required) and a pure function from validated arguments to a result text.
 *
 * <p>Arguments that do not fit the declaration never reach the function: the tool loop reports
 * them as bad arguments. A function that rejects well-typed arguments (an unknown key, a malformed
 * date) throws {@link IllegalArgumentException}, and the agent sees {@code error: <message>}, as
 * real tool APIs answer.
 */
public record Tool(String name, String description, List<Parameter> parameters, Function<Arguments, String> function) {

    /** What a parameter holds. */
    public enum Type {
        STRING,
        INTEGER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One declared parameter. */
    public record Parameter(String name, Type type, String description) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
        }

        public static Parameter string(String name, String description) {
            return new Parameter(name, Type.STRING, description);
        }

        public static Parameter integer(String name, String description) {
            return new Parameter(name, Type.INTEGER, description);
        }
    }

    /** Validated arguments: strings as {@code String}, integers as {@code Long}, in declared order. */
    public record Arguments(Map<String, Object> values) {
        public Arguments {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public String string(String name) {
            return (String) require(name);
        }

        public long integer(String name) {
            return (Long) require(name);
        }

        private Object require(String name) {
            Object value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("no argument " + name);
            }
            return value;
        }
    }

    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(function, "function");
        // The character set and length providers accept for function names.
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool names are 1-64 letters, digits, '_' and '-': " + name);
        }
        parameters = List.copyOf(parameters);
        List<String> names = new ArrayList<>();
        for (Parameter p : parameters) {
            if (names.contains(p.name())) {
                throw new IllegalArgumentException("tool " + name + " declares parameter " + p.name() + " twice");
            }
            names.add(p.name());
        }
    }

    /** A tool with one string parameter named {@code input}, described by {@code description}. */
    public Tool(String name, String description, UnaryOperator<String> function) {
        this(
                name,
                description,
                List.of(Parameter.string("input", description)),
                arguments -> function.apply(arguments.string("input")));
    }

    /** Runs the function on arguments already checked against {@link #parameters()}. */
    public String call(Arguments arguments) {
        return function.apply(arguments);
    }

    /** Runs a single-parameter tool on a string argument (for tests and the catalogue display). */
    public String call(String argument) {
        if (parameters.size() != 1 || parameters.get(0).type() != Type.STRING) {
            throw new IllegalStateException(name + " takes " + parameters.size() + " parameters");
        }
        return call(new Arguments(Map.of(parameters.get(0).name(), argument)));
    }

    /** {@code name(p1: type, p2: type)}, for listings. */
    public String signature() {
        List<String> params = new ArrayList<>();
        parameters.forEach(p -> params.add(p.name() + ": " + p.type().label()));
        return name + "(" + String.join(", ", params) + ")";
    }
}
