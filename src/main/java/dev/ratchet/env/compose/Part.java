package dev.ratchet.env.compose;

import dev.ratchet.env.Step;
import dev.ratchet.env.ToolPlan;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A bound task inside a composite: its text, given the number of its first answer line, its answer
 * slots in order, and the tool calls that solve it.
 */
record Part(IntFunction<String> body, List<Slot> slots, ToolPlan plan) {

    Part {
        slots = List.copyOf(slots);
        java.util.Objects.requireNonNull(plan, "plan");
    }

    /** The tool calls of {@code steps}, one step after another. */
    static ToolPlan plan(List<Step> steps) {
        ToolPlan plan = ToolPlan.NONE;
        for (Step step : steps) {
            plan = plan.then(step.plan());
        }
        return plan;
    }

    String body(int firstAnswer) {
        return body.apply(firstAnswer);
    }

    int bases() {
        return slots.stream().mapToInt(Slot::bases).sum();
    }
}
