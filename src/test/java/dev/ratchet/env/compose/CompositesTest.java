package dev.ratchet.env.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.FailureKind;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.base.BaseEnvironment;
import dev.ratchet.env.base.Typed;
import dev.ratchet.env.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositesTest {

    private static final EnvironmentCatalog CATALOG = EnvironmentCatalog.builtIn();

    private static String error(String id) {
        return assertThrows(IllegalArgumentException.class, () -> CATALOG.resolve(id))
                .getMessage();
    }

    /** Six-digit subtraction feeding "choose k of n" used to find no instance at difficulty 4 or 5. */
    @Test
    void aWideStepFeedingANarrowOneDrawsAtEveryDifficulty() {
        Environment sort = CATALOG.resolve("sort(arith.subtract,counting.binomial,lists.digits)");
        for (int difficulty = 1; difficulty <= 5; difficulty++) {
            for (long seed = 0; seed < 40; seed++) {
                Instance instance = sort.sample(seed, difficulty);
                assertEquals(difficulty, instance.difficulty());
                assertEquals(instance, sort.sample(seed, difficulty));
                assertTrue(sort.verify(instance, instance.expected()).passed(), instance.id());
            }
        }
    }

    /** What {@code envs compose} lists, {@code envs sample} draws: every listed composite, every difficulty. */
    @Test
    void everyListedCompositeDrawsAtEveryDifficulty() {
        Composer composer = Composer.over(dev.ratchet.env.base.BuiltIns.environments());
        int listed = 0;
        for (Operator operator : Operator.values()) {
            for (Environment composite : composer.sample(2, operator, 25, 11)) {
                listed++;
                for (int difficulty = 1; difficulty <= 5; difficulty++) {
                    for (long seed = 1000; seed < 1008; seed++) {
                        Instance instance = composite.sample(seed, difficulty);
                        assertTrue(
                                composite.verify(instance, instance.expected()).passed(), instance.id());
                    }
                }
            }
        }
        assertEquals(100, listed);
    }

    @Test
    void rulesAreCheckedWithAClearMessage() {
        assertTrue(error("seq(nt.is-prime,arith.add)")
                .contains("step 2 (arith.add) takes integer, but step 1" + " (nt.is-prime) gives boolean"));
        assertTrue(error("seq(arith.add)").contains("seq takes 2 to 5 steps, got 1"));
        assertTrue(error("sort(arith.add,arith.add)").contains("arith.add appears twice"));
        assertTrue(error("seq(arith.add,par(arith.add,nt.gcd))").contains("cannot be a step of seq"));
        assertTrue(error("par(arith.add,nt.gcd,nt.lcm,arith.subtract)").contains("par takes 2 to 3 children"));
        assertTrue(error("seq(arith.add,nt.is-prim)").contains("did you mean nt.is-prime"));
    }

    @Test
    void nestedSequencesContinueTheNumbering() {
        Environment nested = CATALOG.resolve("seq(seq(arith.add,arith.multiply),nt.is-prime)");
        assertEquals(List.of("arith.add", "arith.multiply", "nt.is-prime"), nested.baseIds());
        Instance instance = nested.sample(3, 2);
        assertTrue(instance.prompt().contains("Step 3: "), instance.prompt());
        assertEquals(3, instance.expected().lines().count());
    }

    @Test
    void aWrongMiddleStepIsReportedAsThatStep() {
        Environment chain = CATALOG.resolve("seq(arith.add,arith.multiply,nt.is-prime)");
        Instance instance = chain.sample(5, 3);
        String[] lines = instance.expected().split("\n");
        long middle = Long.parseLong(lines[1].substring("Answer 2: ".length()));
        String reply = lines[0] + "\nAnswer 2: " + (middle + 1) + "\n" + lines[2];
        Outcome outcome = chain.verify(instance, reply);
        assertEquals(FailureKind.WRONG_STEP, outcome.kind());
        assertEquals(1, outcome.failedStep());
        assertTrue(outcome.detail().contains("arith.multiply"), outcome.detail());
    }

    @Test
    void sortAcceptsAnyOrderThatReachesTheTargetAndFindsTheFirstWrongPosition() {
        Environment sort = CATALOG.resolve("sort(strings.reverse,strings.caesar)");
        Instance instance = sort.sample(1, 2);
        // Reversing and shifting commute, so both orders reach the target.
        assertTrue(sort.verify(instance, "Answer: [A, B]").passed());
        assertTrue(sort.verify(instance, "Answer: [B, A]").passed());
        assertEquals(
                FailureKind.WRONG_STEP, sort.verify(instance, "Answer: [A, A]").kind());
        assertEquals(FailureKind.FORMAT, sort.verify(instance, "Answer: [A, Z]").kind());
    }

    @Test
    void selectShowsDistractorsBesideTheTrueSteps() {
        Environment select = CATALOG.resolve("select(arith.add,arith.multiply)");
        Instance instance = select.sample(2, 3);
        assertTrue(instance.prompt().contains("D: "), "four candidates expected:\n" + instance.prompt());
        assertEquals(
                FailureKind.WRONG_STEP,
                select.verify(instance, select.wrongAnswer(instance, 1)).kind());
    }

    @Test
    void parallelTakesSuiteTasksAndUsesTheirVerifier(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("quiz.jsonl");
        Files.writeString(
                file,
                "{\"id\":\"q1\",\"prompt\":\"Capital of France?\",\"expected\":\"Paris\",\"verifier\":\"normalized\"}\n");
        EnvironmentCatalog catalog = CATALOG.withSuites(List.of(Suite.load(file)));
        Environment parallel = catalog.resolve("par(quiz/q1,arith.add)");
        Instance instance = parallel.sample(4, 1);
        String sum = instance.expected().split("\n")[1];
        assertTrue(parallel.verify(instance, "Answer 1: paris.\n" + sum).passed());
        Outcome wrong = parallel.verify(instance, "Answer 1: Lyon\n" + sum);
        assertEquals(FailureKind.WRONG_STEP, wrong.kind());
        assertEquals(0, wrong.failedStep());
        assertTrue(error(catalog, "seq(quiz/q1,arith.add)").contains("cannot be a step of seq"));
    }

    private static String error(EnvironmentCatalog catalog, String id) {
        return assertThrows(IllegalArgumentException.class, () -> catalog.resolve(id))
                .getMessage();
    }

    @Test
    void aChainWhoseStepsNeverFitSaysSo() {
        // The second step accepts only odd numbers, and doubling never gives one.
        Environment evens = BaseEnvironment.builder("test.evens", "test", Typed.INTEGER, Typed.INTEGER)
                .description("Double a number")
                .input((rng, difficulty) -> rng.between(1L, 50L))
                .task((x, rng, difficulty) ->
                        BaseEnvironment.Op.<Long, Long>of(ref -> "Double " + ref + ".", v -> 2 * v));
        Environment odd = BaseEnvironment.builder("test.odd-only", "test", Typed.INTEGER, Typed.INTEGER)
                .description("Halve an odd number's successor")
                .input((rng, difficulty) -> 2 * rng.between(0L, 50L) + 1)
                .task((x, rng, difficulty) -> BaseEnvironment.Op.<Long, Long>of(
                        ref -> "Add one to " + ref + " and halve it.", v -> v % 2 == 0 ? null : (v + 1) / 2));
        Environment never = Composites.of(Operator.SEQUENTIAL, List.of(evens, odd));
        NoInstanceException e = assertThrows(NoInstanceException.class, () -> never.sample(3, 5));
        assertTrue(e.getMessage().contains("seq(test.evens,test.odd-only) found no instance"), e.getMessage());
    }
}
