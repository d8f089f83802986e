package dev.ratchet.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.GateDecided.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptanceRuleTest {

    private static final AcceptanceRule HARD = new AcceptanceRule(1, 0, null);

    private static AcceptanceRule.Scored scored(
            String id, int fixes, int regressions, int baselineFixes, int baselineRegressions) {
        return new AcceptanceRule.Scored(
                id,
                new FlipAccounting.Tally(
                        fixes, regressions, baselineFixes, baselineRegressions, 0, 0, fixes, regressions, List.of()));
    }

    private static Verdict only(AcceptanceRule rule, AcceptanceRule.Scored c) {
        return rule.decide(1, List.of(c)).verdicts().get(0);
    }

    @Test
    void aNetGainWithoutRegressionsIsAccepted() {
        GateDecided d = HARD.decide(4, List.of(scored("i4-c1", 3, 0, 1, 0)));

        assertEquals("i4-c1", d.acceptedCandidateId());
        assertTrue(d.verdicts().get(0).accepted());
        assertEquals(2, d.verdicts().get(0).net());
    }

    @Test
    void aTieWithTheBaselineIsRejected() {
        Verdict v = only(HARD, scored("c", 2, 0, 2, 0));

        assertFalse(v.accepted());
        assertEquals("net gain 0 is below the minimum 1 (a tie with the baseline)", v.reason());
    }

    @Test
    void netEqualToTheMinimumIsAcceptedAndBelowItIsNot() {
        AcceptanceRule two = new AcceptanceRule(2, 0, null);

        assertTrue(only(two, scored("c", 2, 0, 0, 0)).accepted());
        assertFalse(only(two, scored("c", 1, 0, 0, 0)).accepted());
    }

    @Test
    void regressionsOverTheBudgetAreRejectedEvenWithALargeNetGain() {
        Verdict v = only(HARD, scored("c", 9, 1, 0, 0));

        assertFalse(v.accepted());
        assertTrue(v.reason().startsWith("1 new regressions exceed the budget 0"), v.reason());
        assertTrue(only(new AcceptanceRule(1, 1, null), scored("c", 9, 1, 0, 0)).accepted());
    }

    @Test
    void regressionsTheBaselineAlsoShowsAreNoise() {
        assertTrue(only(HARD, scored("c", 4, 2, 1, 2)).accepted());
        Verdict fewer = only(HARD, scored("c", 8, 1, 0, 3));
        assertEquals(
                "accepted: net gain 10; 1 regression against 3 on the baseline re-run, within the regression budget 0",
                fewer.reason(),
                "the reason gives both counts, never a negative number of new regressions");
    }

    @Test
    void theSignTestGuardsSmallGainsWhenAlphaIsSet() {
        AcceptanceRule strict = new AcceptanceRule(1, 0, 0.05);

        Verdict weak = only(strict, scored("c", 2, 0, 0, 0));
        Verdict strong = only(strict, scored("c", 6, 0, 0, 0));

        assertFalse(weak.accepted());
        assertTrue(weak.reason().startsWith("sign test p=0.2500 is above alpha 0.05"), weak.reason());
        assertTrue(strong.accepted());
        assertEquals(1.0 / 64, strong.pValue(), 1e-12);
    }

    @Test
    void theBestPassingCandidateWinsByNetThenRegressionsThenId() {
        GateDecided d = HARD.decide(
                2,
                List.of(
                        scored("i2-c3", 3, 1, 0, 1),
                        scored("i2-c1", 9, 1, 0, 0),
                        scored("i2-c2", 3, 0, 0, 0),
                        scored("i2-c4", 3, 0, 0, 0)));

        assertEquals("i2-c2", d.acceptedCandidateId(), "c1 breaks the budget; c2, c3, c4 tie on net 3");
        assertEquals(
                "passed the rule, but i2-c2 ranked higher", d.verdicts().get(0).reason());
        assertEquals(1, d.verdicts().stream().filter(Verdict::accepted).count());
    }

    @Test
    void noPassingCandidateMeansNothingIsAccepted() {
        GateDecided d = HARD.decide(1, List.of(scored("a", 0, 0, 0, 0), scored("b", 1, 2, 0, 0)));

        assertNull(d.acceptedCandidateId());
        assertTrue(d.verdicts().stream().noneMatch(Verdict::accepted));
    }

    @Test
    void aMinimumBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AcceptanceRule(0, 0, null));
    }
}
