package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Environment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds composites, checking the operator's rules: child counts, composability and types. */
public final class Composites {

    private Composites() {}

    /**
     * The composite {@code operator(children)}; throws IllegalArgumentException naming the rule
     * that does not hold.
     */
    public static Environment of(Operator operator, List<? extends Environment> children) {
        String id = operator.label() + "("
                + String.join(",", children.stream().map(Environment::id).toList()) + ")";
        int count = operator == Operator.SEQUENTIAL ? stepCount(children) : children.size();
        if (count < operator.minChildren() || count > operator.maxChildren()) {
            throw new IllegalArgumentException(id + ": " + operator.label() + " takes " + operator.minChildren()
                    + " to "
                    + operator.maxChildren() + (operator == Operator.SEQUENTIAL ? " steps" : " children") + ", got "
                    + count);
        }
        if (operator != Operator.SEQUENTIAL) {
            requireDistinct(id, children);
        }
        if (operator == Operator.PARALLEL) {
            return new Parallel(List.copyOf(children));
        }
        List<Composable> steps = composables(id, operator, children);
        requireChained(id, steps);
        return switch (operator) {
            case SEQUENTIAL -> new Sequential(steps);
            case SORT -> new Sort(steps);
            case SELECT -> new Select(steps);
            case PARALLEL -> throw new IllegalStateException("handled above");
        };
    }

    private static int stepCount(List<? extends Environment> children) {
        int count = 0;
        for (Environment child : children) {
            count += child instanceof Sequential ? child.baseIds().size() : 1;
        }
        return count;
    }

    private static List<Composable> composables(String id, Operator operator, List<? extends Environment> children) {
        List<Composable> steps = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Environment child = children.get(i);
            if (!(child instanceof Composable composable)) {
                throw new IllegalArgumentException(id + ": child " + (i + 1) + " (" + child.id()
                        + ") cannot be a step of "
                        + operator.label() + "; steps are base environments or sequences (par, sort, select and suite"
                        + " tasks only go inside par)");
            }
            steps.add(composable);
        }
        return steps;
    }

    private static void requireChained(String id, List<Composable> steps) {
        for (int i = 1; i < steps.size(); i++) {
            Composable before = steps.get(i - 1);
            Composable after = steps.get(i);
            if (before.outputType() != after.inputType()) {
                throw new IllegalArgumentException(id + ": step " + (i + 1) + " (" + after.id() + ") takes "
                        + after.inputType().label() + ", but step " + i + " (" + before.id() + ") gives "
                        + before.outputType().label());
            }
        }
    }

    private static void requireDistinct(String id, List<? extends Environment> children) {
        Set<String> seen = new HashSet<>();
        for (Environment child : children) {
            if (!seen.add(child.id())) {
                throw new IllegalArgumentException(id + ": " + child.id() + " appears twice; children must differ");
            }
        }
    }
}
