package dev.ratchet.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.log.event.ProbeBuilt.ProbeItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlipAccountingTest {

    private static ProbeItem failing(String id) {
        return new ProbeItem(id, "env", true);
    }

    private static ProbeItem passing(String id) {
        return new ProbeItem(id, "env", false);
    }

    @Test
    void fixesAndRegressionsAreCountedForBaselineAndCandidate() {
        List<ProbeItem> probe = List.of(failing("f1"), failing("f2"), passing("p1"), passing("p2"));
        Map<String, List<String>> baseline =
                Map.of("f1", List.of("fail"), "f2", List.of("pass"), "p1", List.of("pass"), "p2", List.of("fail"));
        Map<String, List<String>> candidate =
                Map.of("f1", List.of("pass"), "f2", List.of("pass"), "p1", List.of("fail"), "p2", List.of("pass"));

        FlipAccounting.Tally t = FlipAccounting.count(probe, baseline, candidate);

        assertEquals(2, t.fixes());
        assertEquals(1, t.regressions());
        assertEquals(1, t.baselineFixes());
        assertEquals(1, t.baselineRegressions());
        assertEquals((2 - 1) - (1 - 1), t.net());
        assertEquals(0, t.newRegressions());
        assertEquals(2, t.improvements(), "f1 and p2 fail on the baseline and pass on the candidate");
        assertEquals(1, t.worsenings());
        assertEquals(new Flip("p1", "pass", "pass", "fail"), t.flips().get(2));
    }

    @Test
    void flakyItemsCountNeitherAsFixNorAsRegression() {
        List<ProbeItem> probe = List.of(failing("f1"), passing("p1"));
        Map<String, List<String>> baseline = Map.of("f1", List.of("fail", "fail"), "p1", List.of("pass", "pass"));
        Map<String, List<String>> candidate = Map.of("f1", List.of("pass", "fail"), "p1", List.of("fail", "pass"));

        FlipAccounting.Tally t = FlipAccounting.count(probe, baseline, candidate);

        assertEquals(0, t.fixes());
        assertEquals(0, t.regressions());
        assertEquals(2, t.flaky());
        assertEquals("flaky", t.flips().get(0).candidate());
    }

    @Test
    void infraSamplesAreDroppedAndAllInfraItemsExcludedOnBothSides() {
        List<ProbeItem> probe = List.of(passing("p1"), passing("p2"));
        Map<String, List<String>> baseline = Map.of("p1", List.of("fail"), "p2", List.of("pass", "infra"));
        Map<String, List<String>> candidate = Map.of("p1", List.of("infra"), "p2", List.of("infra", "fail"));

        FlipAccounting.Tally t = FlipAccounting.count(probe, baseline, candidate);

        assertEquals(1, t.infra(), "p1: the candidate has no usable sample");
        assertEquals(0, t.baselineRegressions(), "p1's baseline regression is excluded too: the pair is broken");
        assertEquals(1, t.regressions(), "p2 keeps its one usable sample on each side");
    }

    @Test
    void itemStateFromSamples() {
        assertEquals(ItemState.PASS, ItemState.of(List.of("pass", "pass")));
        assertEquals(ItemState.FAIL, ItemState.of(List.of("fail")));
        assertEquals(ItemState.FLAKY, ItemState.of(List.of("pass", "fail", "pass")));
        assertEquals(ItemState.INFRA, ItemState.of(List.of("infra", "infra")));
        assertEquals(ItemState.INFRA, ItemState.of(List.of()));
        assertEquals(ItemState.PASS, ItemState.of(List.of("infra", "pass")));
    }
}
