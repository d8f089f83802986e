package dev.ratchet.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a tool with its arguments (strings as {@code String}, integers as {@code Long}) in
 * the tool's declared order, so that writing it as JSON is byte-stable.
 */
public record ToolCall(String tool, Map<String, Object> arguments) {

    public ToolCall {
        Objects.requireNonNull(tool, "tool");
        for (Object value : arguments.values()) {
            if (!(value instanceof String) && !(value instanceof Long)) {
                throw new IllegalArgumentException("tool arguments are strings or longs: " + value);
            }
        }
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** A call with {@code name, value, name, value, ...} arguments. */
    public static ToolCall of(String tool, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name/value pairs");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            arguments.put((String) namesAndValues[i], value instanceof Integer n ? Long.valueOf(n) : value);
        }
        return new ToolCall(tool, arguments);
    }

    /** Runs this call against {@code tools}; the tool must exist and the arguments must fit it. */
    public String run(List<Tool> tools) {
        for (Tool t : tools) {
            if (t.name().equals(tool)) {
                return t.call(new Tool.Arguments(arguments));
            }
        }
        throw new IllegalArgumentException("no tool " + tool);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        arguments.forEach(
                (name, value) -> parts.add(name + "=" + (value instanceof String s ? "\"" + s + "\"" : value)));
        return tool + "(" + String.join(", ", parts) + ")";
    }
}
