package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Seeds;
import dev.ratchet.env.Step;
import dev.ratchet.env.ToolPlan;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueFormat;
import dev.ratchet.env.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PARALLEL: independent tasks in one prompt, every answer required. Parts may be any environment:
 * base environments, other composites (their answer lines continue the numbering) and fixed or
 * plugin tasks, whose own verifier checks their line.
 */
final class Parallel extends Composite {

    Parallel(List<Environment> parts) {
        super(Operator.PARALLEL, parts);
    }

    @Override
    public ValueType inputType() {
        return children().get(0).inputType();
    }

    /** One answer per part. */
    @Override
    public ValueType outputType() {
        return ValueType.STRING_LIST;
    }

    @Override
    public String description() {
        return children().size() + " independent tasks: "
                + String.join(", ", children().stream().map(Environment::id).toList());
    }

    @Override
    Part bind(long seed, int difficulty) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < children().size(); i++) {
            Environment child = children().get(i);
            long partSeed = Seeds.derive(seed, "part", Integer.toString(i));
            parts.add(part(child, partSeed, childDifficulty(child, difficulty)));
        }
        List<Slot> slots = new ArrayList<>();
        ToolPlan plan = ToolPlan.NONE;
        for (Part part : parts) {
            slots.addAll(part.slots());
            plan = plan.then(part.plan());
        }
        return new Part(first -> text(parts, first), slots, plan);
    }

    private static String text(List<Part> parts, int first) {
        StringBuilder text = new StringBuilder("Solve these independent tasks.");
        int next = first;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            int last = next + part.slots().size() - 1;
            text.append("\n\nTask ")
                    .append(i + 1)
                    .append(last == next ? " (Answer " + next + ")" : " (Answers " + next + " to " + last + ")")
                    .append(":\n")
                    .append(part.body(next));
            next = last + 1;
        }
        return text.toString();
    }

    private Part part(Environment child, long seed, int difficulty) {
        if (child instanceof Composite composite) {
            return composite.draw(seed, difficulty);
        }
        if (child instanceof Composable composable) {
            return single(composable, seed, difficulty);
        }
        Instance instance = child.sample(seed, difficulty);
        return new Part(
                first -> instance.prompt() + "\n(In this combined task, write this answer on the line `Answer " + first
                        + ":` instead.)",
                List.of(new OpaqueSlot(child, instance)),
                child.toolPlan(instance));
    }

    private Part single(Composable child, long seed, int difficulty) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long drawSeed = attempt == 0 ? seed : Seeds.derive(seed, "attempt", Integer.toString(attempt));
            Value input = child.input(drawSeed, difficulty);
            Optional<Step> step = child.apply(input, drawSeed, difficulty);
            if (step.isPresent()) {
                String text = step.get().instruction(ValueFormat.describe(input));
                return new Part(
                        first -> text,
                        List.of(ValueSlot.of(step.get())),
                        step.get().plan());
            }
        }
        throw noInstance(seed, difficulty);
    }
}
