package dev.ratchet.env;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One operation with its parameters fixed: how to say it about an input, how to apply it to any
 * input, and its result on the input it was drawn for. Composites reuse the same step on other
 * inputs (SORT and SELECT verify an order by running the steps), so {@code function} must not
 * depend on the input it was drawn for.
 *
 * @param envId the environment the step comes from
 * @param instruction renders the task about an input reference ({@code 42}, {@code the result of
 *     step 1}, {@code the current value})
 * @param function the operation; empty when an input is outside its domain
 * @param output the result on the input the step was drawn for
 * @param caseSensitive whether answers must match the output's letter case
 * @param baseIds the base environments the step is made of, in order
 * @param plan the tool calls that solve the step on the input it was drawn for
 */
public record Step(
        String envId,
        Function<String, String> instruction,
        Function<Value, Optional<Value>> function,
        Value output,
        boolean caseSensitive,
        List<String> baseIds,
        ToolPlan plan) {

    public Step {
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(output, "output");
        baseIds = List.copyOf(baseIds);
        Objects.requireNonNull(plan, "plan");
    }

    /** A step that needs no tools. */
    public Step(
            String envId,
            Function<String, String> instruction,
            Function<Value, Optional<Value>> function,
            Value output,
            boolean caseSensitive,
            List<String> baseIds) {
        this(envId, instruction, function, output, caseSensitive, baseIds, ToolPlan.NONE);
    }

    public String instruction(String inputReference) {
        return instruction.apply(inputReference);
    }

    public Optional<Value> apply(Value input) {
        return function.apply(input);
    }
}
