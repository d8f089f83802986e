package dev.ratchet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.campaign.GroundTruth.Judged;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static Judged candidate(int iteration, String id, double effect, double worst, boolean promoted) {
        return new Judged(iteration, id, effect, promoted, false, worst, null, false, promoted);
    }

    /**
     * A decision promotes one edit at most: it succeeds when it promotes any truly helpful edit, fails
     * when it offered a clean +5 edit and promoted nothing helpful, and does not count without one.
     */
    @Test
    void aDecisionCountsOnceAndOnlyWhenItOfferedACleanGain() {
        List<Judged> candidates = List.of(
                candidate(1, "i1-c1", 0.06, 0.0, false),
                candidate(1, "i1-c2", 0.03, -0.002, true),
                candidate(2, "i2-c1", 0.07, 0.001, false),
                candidate(2, "i2-c2", -0.01, -0.02, true),
                candidate(3, "i3-c1", 0.08, -0.03, true),
                candidate(4, "i4-c1", 0.02, 0.0, false));

        assertEquals(List.of(true, false), Calibration.offeringDecisions(candidates));
    }
}
