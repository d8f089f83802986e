package dev.ratchet.env.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.FailureKind;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.base.BuiltIns;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Each operator, on composites drawn at random from the built-in environments. */
class CompositionProperties {

    private static final Composer COMPOSER = Composer.over(BuiltIns.environments());

    private static Environment draw(Operator operator, int depth, long seed) {
        List<Environment> drawn = COMPOSER.sample(depth, operator, 1, seed);
        assertEquals(1, drawn.size(), operator + " at depth " + depth);
        return drawn.get(0);
    }

    @Property(tries = 12)
    void sequential(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int difficulty) {
        Environment composite = draw(Operator.SEQUENTIAL, 2, seed);
        List<Environment> steps = children(composite);
        for (int i = 1; i < steps.size(); i++) {
            assertEquals(steps.get(i - 1).outputType(), steps.get(i).inputType(), composite.id());
        }
        assertEquals(steps.get(0).inputType(), composite.inputType());
        assertEquals(steps.get(steps.size() - 1).outputType(), composite.outputType());
        checkContract(composite, seed, difficulty);
    }

    @Property(tries = 12)
    void parallel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int difficulty) {
        checkContract(draw(Operator.PARALLEL, 2, seed), seed, difficulty);
    }

    @Property(tries = 12)
    void sort(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int difficulty) {
        Environment composite = draw(Operator.SORT, 2, seed);
        chained(composite);
        checkContract(composite, seed, difficulty);
    }

    @Property(tries = 12)
    void select(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int difficulty) {
        Environment composite = draw(Operator.SELECT, 2, seed);
        chained(composite);
        checkContract(composite, seed, difficulty);
    }

    /** Composites of composites: sort/select over sequences (depth 3), par over those (depth 4). */
    @Property(tries = 4)
    void nested(@ForAll long seed, @ForAll @IntRange(min = 3, max = 4) int depth) {
        Environment composite = draw(null, depth, seed);
        assertEquals(depth, depth(composite), composite.id());
        checkContract(composite, seed, 1);
    }

    private static void chained(Environment composite) {
        List<Environment> steps = children(composite);
        for (int i = 1; i < steps.size(); i++) {
            assertEquals(steps.get(i - 1).outputType(), steps.get(i).inputType(), composite.id());
        }
    }

    /** Determinism, the reference answer passes, a wrong step is found, a missing line is a format failure. */
    private static void checkContract(Environment composite, long seed, int difficulty) {
        Instance instance = composite.sample(seed, difficulty);
        assertEquals(instance, composite.sample(seed, difficulty), composite.id());
        assertTrue(composite.verify(instance, instance.expected()).passed(), instance.id());
        boolean numbered = instance.expected().startsWith("Answer 1:");
        String reasoned = numbered
                ? "Working...\nAnswer 1: 0\n\n" + instance.expected()
                : "Maybe Answer: [A]\nAnswer: " + instance.expected();
        assertTrue(composite.verify(instance, reasoned).passed(), instance.id() + " must read the last answer lines");
        Outcome wrong = composite.verify(instance, composite.wrongAnswer(instance, seed));
        assertEquals(FailureKind.WRONG_STEP, wrong.kind(), instance.id() + ": " + wrong);
        assertNotNull(wrong.failedStep());
        assertTrue(
                wrong.failedStep() >= 0
                        && wrong.failedStep() < composite.baseIds().size(),
                wrong.toString());
        String[] lines = instance.expected().split("\n");
        if (lines.length > 1) {
            String missing = String.join("\n", List.of(lines).subList(0, lines.length - 1));
            assertEquals(FailureKind.FORMAT, composite.verify(instance, missing).kind(), instance.id());
        }
        assertFalse(composite.verify(instance, "").passed());
    }

    private static List<Environment> children(Environment environment) {
        return environment instanceof Composite composite ? composite.children() : List.of();
    }

    static int depth(Environment environment) {
        int deepest = 0;
        for (Environment child : children(environment)) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }
}
