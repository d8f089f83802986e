package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Step;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueFormat;
import dev.ratchet.env.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SEQUENTIAL: a chain in which each step consumes the previous step's result. Every intermediate
 * result is an answer line, so a failure names the first wrong step. A nested sequence is
 * flattened (its steps continue the numbering), and a sequence is itself composable: inside SORT
 * or SELECT it acts as one compound operation.
 */
final class Sequential extends Composite implements Composable {

    private final List<Composable> steps;

    Sequential(List<Composable> children) {
        super(Operator.SEQUENTIAL, children);
        this.steps = flatten(children);
    }

    private static List<Composable> flatten(List<Composable> children) {
        List<Composable> steps = new ArrayList<>();
        for (Composable child : children) {
            if (child instanceof Sequential sequence) {
                steps.addAll(sequence.steps);
            } else {
                steps.add(child);
            }
        }
        return List.copyOf(steps);
    }

    @Override
    public ValueType inputType() {
        return steps.get(0).inputType();
    }

    @Override
    public ValueType outputType() {
        return steps.get(steps.size() - 1).outputType();
    }

    @Override
    public String description() {
        return "Chain of " + steps.size() + " steps: "
                + String.join(" -> ", steps.stream().map(Environment::id).toList());
    }

    @Override
    Part bind(long seed, int difficulty) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Chain> chain = Chain.draw(steps, seed, difficulty, attempt);
            if (chain.isPresent()) {
                return part(chain.get());
            }
        }
        throw noInstance(seed, difficulty);
    }

    private static Part part(Chain chain) {
        List<Step> bound = chain.steps();
        return new Part(
                first -> {
                    StringBuilder text = new StringBuilder(
                            "Work through these steps in order; each step uses the result of the step" + " before it.");
                    for (int i = 0; i < bound.size(); i++) {
                        String input =
                                i == 0 ? ValueFormat.describe(chain.input()) : "the result of step " + (first + i - 1);
                        text.append("\nStep ")
                                .append(first + i)
                                .append(": ")
                                .append(bound.get(i).instruction(input));
                    }
                    return text.toString();
                },
                bound.stream().map(ValueSlot::of).map(Slot.class::cast).toList(),
                Part.plan(bound));
    }

    @Override
    public Value input(long seed, int difficulty) {
        Composable first = steps.get(0);
        return first.input(seed, childDifficulty(first, difficulty));
    }

    /** The whole chain as one operation on a given input (used by SORT and SELECT). */
    @Override
    public Optional<Step> apply(Value input, long seed, int difficulty) {
        for (int attempt = 0; attempt < ATTEMPTS / 4; attempt++) {
            Optional<Chain> chain = Chain.bind(steps, input, seed, difficulty, attempt);
            if (chain.isPresent()) {
                return Optional.of(compound(chain.get()));
            }
        }
        return Optional.empty();
    }

    private Step compound(Chain chain) {
        List<Step> bound = chain.steps();
        Step last = bound.get(bound.size() - 1);
        return new Step(
                id(),
                reference -> {
                    StringBuilder text = new StringBuilder("Do these in order:");
                    for (int i = 0; i < bound.size(); i++) {
                        String input = i == 0 ? reference : "the result of (" + i + ")";
                        text.append(" (")
                                .append(i + 1)
                                .append(") ")
                                .append(bound.get(i).instruction(input));
                    }
                    return text.toString();
                },
                value -> Chain.run(bound, value),
                chain.output(),
                last.caseSensitive(),
                baseIds(),
                Part.plan(bound));
    }
}
