package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Seeds;
import dev.ratchet.env.Step;
import dev.ratchet.env.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A drawn chain: the input, each step bound to the previous result, and each step's input. */
record Chain(Value input, List<Step> steps, List<Value> inputs) {

    Chain {
        steps = List.copyOf(steps);
        inputs = List.copyOf(inputs);
    }

    Value output() {
        return steps.get(steps.size() - 1).output();
    }

    /**
     * Binds {@code composables} one after another starting from {@code input}; empty when a step
     * declines the value it is given. Step seeds are derived from the seed, the step's position
     * and the attempt, so a retry draws fresh parameters.
     */
    static Optional<Chain> bind(List<Composable> composables, Value input, long seed, int difficulty, int attempt) {
        List<Step> steps = new ArrayList<>();
        List<Value> inputs = new ArrayList<>();
        Value current = input;
        for (int i = 0; i < composables.size(); i++) {
            Composable step = composables.get(i);
            long stepSeed = Seeds.derive(seed, "step", Integer.toString(i), Integer.toString(attempt));
            Optional<Step> bound = step.apply(current, stepSeed, Composite.childDifficulty(step, difficulty));
            if (bound.isEmpty()) {
                return Optional.empty();
            }
            inputs.add(current);
            steps.add(bound.get());
            current = bound.get().output();
        }
        return Optional.of(new Chain(input, steps, inputs));
    }

    /** Draws a fresh input from the first step, then binds the chain; empty when it does not fit. */
    static Optional<Chain> draw(List<Composable> composables, long seed, int difficulty, int attempt) {
        Composable first = composables.get(0);
        long inputSeed = Seeds.derive(seed, "input", Integer.toString(attempt));
        Value input = first.input(inputSeed, Composite.childDifficulty(first, difficulty));
        return bind(composables, input, seed, difficulty, attempt);
    }

    /** Runs steps on a value in the given order; empty as soon as one declines. */
    static Optional<Value> run(List<Step> steps, Value input) {
        Value current = input;
        for (Step step : steps) {
            Optional<Value> next = step.apply(current);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }
}
