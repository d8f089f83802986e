package dev.ratchet.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTestTest {

    private static final SequentialTest TEST = new SequentialTest(0.01, 0.05, 0.025, 100, 0, 2000);

    /** Paired pass/fail differences: +1 with probability up, -1 with probability down, else 0. */
    private static List<Double> stream(long seed, int n, double up, double down) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            out.add(u < up ? 1.0 : u < up + down ? -1.0 : 0.0);
        }
        return out;
    }

    @Test
    void aRealGainSucceedsAndNoStopComesBeforeTheMinimum() {
        List<Double> gain = stream(1, 1000, 0.15, 0.05);
        assertEquals(
                SequentialTest.Status.CONTINUE, TEST.run(gain.subList(0, 99)).status());
        SequentialTest.Result r = TEST.run(gain);
        assertEquals(SequentialTest.Status.SUCCESS, r.status());
        assertTrue(r.gain().low() > 0 && r.gain().mean() > 0.05, r.gain().describe());
    }

    @Test
    void aHarmfulEditIsShownFutileAndNeverSucceeds() {
        SequentialTest.Result r = TEST.run(stream(2, 400, 0.05, 0.15));
        assertEquals(SequentialTest.Status.FUTILE, r.status());
        assertTrue(r.gain().high() < 0, r.gain().describe());
    }

    @Test
    void anEarlyBadStretchThatLaterItemsUndoDoesNotStopAGoodEditForFutility() {
        // Twelve losses first, then a clear gain: the futility wealth peaks early and falls back.
        List<Double> differences = new ArrayList<>(java.util.Collections.nCopies(12, -1.0));
        differences.addAll(stream(3, 388, 0.2, 0.03));
        BettingTest futility = new BettingTest();
        differences.forEach(d -> futility.add(0.025 - d));
        assertTrue(futility.rejected(0.05), "the early stretch alone would have stopped it");
        SequentialTest.Result r = TEST.run(differences.subList(0, 100));
        for (int n = 200; r.status() == SequentialTest.Status.CONTINUE; n += 100) {
            r = TEST.run(differences.subList(0, n));
        }
        assertEquals(SequentialTest.Status.SUCCESS, r.status(), r.gain().describe());
    }

    @Test
    void withNoEffectTheTestRarelySucceedsEvenLookingAfterEveryChunk() {
        // 400 null streams, looked at after every 100 items up to 2000: successes stay near alpha.
        int successes = 0;
        int futile = 0;
        for (long seed = 0; seed < 400; seed++) {
            List<Double> nothing = stream(1000 + seed, 2000, 0.07, 0.07);
            for (int n = 100; n <= 2000; n += 100) {
                SequentialTest.Status s = TEST.run(nothing.subList(0, n)).status();
                if (s != SequentialTest.Status.CONTINUE) {
                    successes += s == SequentialTest.Status.SUCCESS ? 1 : 0;
                    futile += s == SequentialTest.Status.FUTILE ? 1 : 0;
                    break;
                }
            }
        }
        assertTrue(successes <= 8, "successes " + successes + " of 400 at alpha 0.01");
        assertTrue(futile > 200, "a null edit should mostly be shown below +2.5 points: " + futile);
    }

    @Test
    void successWaitsUntilEveryEnvironmentHasItsMinimum() {
        SequentialTest perEnvironment = new SequentialTest(0.01, 0.05, 0.025, 100, 150, 2000);
        List<Double> gain = stream(1, 1000, 0.15, 0.05);
        assertEquals(
                SequentialTest.Status.CONTINUE, perEnvironment.run(gain, 149).status());
        assertEquals(
                SequentialTest.Status.SUCCESS, perEnvironment.run(gain, 150).status());
        assertEquals(
                SequentialTest.Status.FUTILE,
                perEnvironment.run(stream(2, 400, 0.05, 0.15), 10).status(),
                "futility does not wait for the guard");
    }

    @Test
    void theCapEndsATestThatCannotDecide() {
        SequentialTest small = new SequentialTest(0.01, 0.05, 0.025, 10, 0, 40);
        assertEquals(
                SequentialTest.Status.CAPPED,
                small.run(stream(3, 40, 0.1, 0.09)).status());
    }

    @Test
    void theGuardNamesAnEnvironmentShownToLoseMoreThanTheMargin() {
        List<String> envs = new ArrayList<>();
        List<Double> differences = new ArrayList<>();
        List<Double> lost = stream(4, 300, 0.02, 0.32);
        List<Double> won = stream(5, 300, 0.4, 0.02);
        for (int i = 0; i < 300; i++) {
            envs.add("lost");
            differences.add(lost.get(i));
            envs.add("won");
            differences.add(won.get(i));
        }
        List<EnvironmentGuard.Finding> findings = new EnvironmentGuard(0.05, 0.05).check(envs, differences);
        assertEquals("lost", findings.get(0).envId());
        assertTrue(findings.get(0).regressed());
        assertFalse(findings.get(1).regressed());
    }

    @Test
    void theConfidenceSequenceCoversTheMeanAndNarrowsWithItems() {
        ConfidenceSequence cs = new ConfidenceSequence(0.025);
        List<Double> d = stream(6, 2000, 0.12, 0.06);
        double early = 0;
        for (int i = 0; i < d.size(); i++) {
            cs.add(d.get(i));
            if (i == 99) {
                early = cs.upper() - cs.lower();
            }
        }
        assertTrue(cs.lower() < 0.06 && 0.06 < cs.upper(), cs.lower() + " .. " + cs.upper());
        assertTrue(cs.upper() - cs.lower() < early / 3);
    }
}
