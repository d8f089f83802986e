package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Step;
import dev.ratchet.env.ValueFormat;
import dev.ratchet.env.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * What SORT and SELECT share: the children form a chain (in the order of the id) whose steps are
 * shown as labelled operations on "the current value", between a start value and a target. The
 * answer is one line: the labels in order.
 */
abstract class Ordering extends Composite {

    static final String CURRENT = "the current value";

    private final List<Composable> steps;

    Ordering(Operator operator, List<Composable> children) {
        super(operator, children);
        this.steps = List.copyOf(children);
    }

    List<Composable> steps() {
        return steps;
    }

    @Override
    public ValueType inputType() {
        return steps.get(0).inputType();
    }

    /** The answer is an order of labels. */
    @Override
    public ValueType outputType() {
        return ValueType.STRING_LIST;
    }

    /**
     * A part showing {@code candidates} under shuffled labels; {@code trueSteps} are the chain's
     * steps, all among the candidates.
     */
    Part part(Chain chain, List<Step> candidates, boolean useAll, Rng rng, String instruction) {
        List<Integer> shown = rng.shuffled(OrderSlot.indices(candidates.size()));
        if (shown.equals(OrderSlot.indices(candidates.size()))) {
            shown = new ArrayList<>(shown.subList(1, shown.size()));
            shown.add(0);
        }
        List<Step> labelled = new ArrayList<>();
        shown.forEach(i -> labelled.add(candidates.get(i)));
        List<Integer> reference = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int offset = 0;
        for (Step step : chain.steps()) {
            reference.add(position(labelled, step));
            offsets.add(offset);
            offset += step.baseIds().size();
        }
        Step last = chain.steps().get(chain.steps().size() - 1);
        OrderSlot slot = new OrderSlot(
                labelled, chain.input(), chain.output(), reference, useAll, offsets, last.caseSensitive());
        return new Part(
                first -> {
                    StringBuilder text = new StringBuilder("Start from " + ValueFormat.describe(chain.input()) + ". "
                            + instruction + " turn it into " + ValueFormat.describe(chain.output()) + ".");
                    for (int i = 0; i < labelled.size(); i++) {
                        text.append('\n')
                                .append(OrderSlot.label(i))
                                .append(": ")
                                .append(labelled.get(i).instruction(CURRENT));
                    }
                    return text.append("\nGive the labels in the order the operations are applied.")
                            .toString();
                },
                List.of(slot),
                Part.plan(chain.steps()));
    }

    /** Steps hold functions, so they are found by identity, not by equality. */
    @SuppressWarnings("ReferenceEquality")
    private static int position(List<Step> steps, Step wanted) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("a chain step is missing from the candidates");
    }
}
