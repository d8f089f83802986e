package dev.ratchet.env;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A deterministic tool an environment offers the agent: a name, a description of its single
 * string argument, and a pure function from argument to result.
 */
public record Tool(String name, String description, UnaryOperator<String> function) {

    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(function, "function");
    }

    public String call(String argument) {
        return function.apply(argument);
    }
}
