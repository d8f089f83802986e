package dev.ratchet.env.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Composable;
import dev.ratchet.env.FailureKind;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.Step;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueBounds;
import dev.ratchet.env.ValueFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every built-in environment, every difficulty, random seeds. */
class BaseEnvironmentProperties {

    private static final List<Composable> ALL = BuiltIns.environments();

    @Property(tries = 25)
    void sameSeedAndDifficultyGiveTheSameInstance(@ForAll long seed) {
        for (Composable env : ALL) {
            for (int d = env.minDifficulty(); d <= env.maxDifficulty(); d++) {
                assertEquals(env.sample(seed, d), env.sample(seed, d), env.id());
            }
        }
    }

    @Property(tries = 25)
    void theReferenceAnswerVerifiesInEveryHarmlessForm(@ForAll long seed) {
        for (Composable env : ALL) {
            for (int d = env.minDifficulty(); d <= env.maxDifficulty(); d++) {
                Instance instance = env.sample(seed, d);
                String expected = instance.expected();
                for (String reply : List.of(
                        expected,
                        "Answer: " + expected,
                        "Let me think.\nAnswer: " + expected + "\n",
                        "Answer: 0\nOn reflection:\nAnswer: " + expected,
                        "**Answer:** `" + expected + "`",
                        "Answer:\n```\n" + expected + "\n```",
                        "Answer: " + expected + ".")) {
                    Outcome outcome = env.verify(instance, reply);
                    assertTrue(outcome.passed(), instance.id() + " rejects " + reply + ": " + outcome);
                }
            }
        }
    }

    @Property(tries = 25)
    void wrongAnswersParseButNeverVerify(@ForAll long seed) {
        for (Composable env : ALL) {
            for (int d = env.minDifficulty(); d <= env.maxDifficulty(); d++) {
                Instance instance = env.sample(seed, d);
                Outcome outcome = env.verify(instance, env.wrongAnswer(instance, seed ^ d));
                assertEquals(FailureKind.WRONG_VALUE, outcome.kind(), instance.id() + ": " + outcome);
            }
        }
    }

    /** An answer to another instance passes only when the two expected answers are the same value. */
    @Property(tries = 25)
    void anotherInstancesAnswerPassesOnlyIfItIsTheSameValue(@ForAll long seed, @ForAll long other) {
        for (Composable env : ALL) {
            int d = env.maxDifficulty();
            Instance instance = env.sample(seed, d);
            Instance different = env.sample(other, d);
            Outcome outcome = env.verify(instance, "Answer: " + different.expected());
            Value a = ValueFormat.parse(env.outputType(), instance.expected()).orElseThrow();
            Value b = ValueFormat.parse(env.outputType(), different.expected()).orElseThrow();
            boolean same = ValueFormat.matches(a, b, ((BaseEnvironment<?, ?>) env).caseSensitive());
            assertEquals(same, outcome.passed(), instance.id() + " vs " + different.id());
        }
    }

    @Property(tries = 25)
    void inputsAndResultsStayWithinTheValueBounds(@ForAll long seed) {
        for (Composable env : ALL) {
            for (int d = env.minDifficulty(); d <= env.maxDifficulty(); d++) {
                Value input = env.input(seed, d);
                assertEquals(env.inputType(), input.type(), env.id());
                assertTrue(ValueBounds.contains(input), env.id() + " input " + input);
                Step step = env.apply(input, seed, d).orElseThrow();
                assertEquals(env.outputType(), step.output().type(), env.id());
                assertTrue(ValueBounds.contains(step.output()), env.id() + " output " + step.output());
                assertEquals(step.output(), step.apply(input).orElseThrow(), env.id() + " is not a function");
            }
        }
    }

    @Property(tries = 20)
    void promptsStateTheAnswerFormat(@ForAll long seed) {
        for (Composable env : ALL) {
            Instance instance = env.sample(seed, env.minDifficulty());
            assertTrue(instance.prompt().contains("`Answer: <"), env.id());
            assertFalse(instance.prompt().contains("null"), env.id() + ": " + instance.prompt());
        }
    }
}
