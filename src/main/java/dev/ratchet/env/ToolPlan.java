package dev.ratchet.env;

import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls that solve an instance, in rounds: the calls of one round do not depend on each
 * other's results, so an agent can make them in one reply; a later round needs an earlier one's
 * result (the next key of a chain). The reference for tools, as the reference function is for
 * answers; the simulator follows it.
 */
public record ToolPlan(List<List<ToolCall>> rounds) {

    public static final ToolPlan NONE = new ToolPlan(List.of());

    public ToolPlan {
        List<List<ToolCall>> copied = new ArrayList<>();
        for (List<ToolCall> round : rounds) {
            if (round.isEmpty()) {
                throw new IllegalArgumentException("a round of a tool plan holds at least one call");
            }
            copied.add(List.copyOf(round));
        }
        rounds = List.copyOf(copied);
    }

    /** Calls that can all be made at once. */
    public static ToolPlan parallel(List<ToolCall> calls) {
        return calls.isEmpty() ? NONE : new ToolPlan(List.of(calls));
    }

    /** Calls each of which needs the previous one's result. */
    public static ToolPlan chained(List<ToolCall> calls) {
        return new ToolPlan(calls.stream().map(List::of).toList());
    }

    /** This plan's rounds followed by {@code next}'s. */
    public ToolPlan then(ToolPlan next) {
        List<List<ToolCall>> all = new ArrayList<>(rounds);
        all.addAll(next.rounds);
        return new ToolPlan(all);
    }

    public boolean isEmpty() {
        return rounds.isEmpty();
    }

    /** Every call, round by round. */
    public List<ToolCall> calls() {
        List<ToolCall> all = new ArrayList<>();
        rounds.forEach(all::addAll);
        return List.copyOf(all);
    }
}
