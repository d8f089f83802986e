package dev.ratchet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.log.event.GateDecided.Flip;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillDownTest {

    private static Flip flip(String id, String baseline, String candidate) {
        return new Flip(id, "env", baseline, candidate);
    }

    private static List<String> ids(List<Flip> flips) {
        return flips.stream().map(Flip::instanceId).toList();
    }

    @Test
    void regressions_and_fixes_share_the_cap_and_come_before_agreements() {
        List<Flip> flips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flips.add(flip("both-pass-" + i, "pass", "pass"));
            flips.add(flip("fix-" + i, "fail", "pass"));
            flips.add(flip("regression-" + i, "pass", "fail"));
            flips.add(flip("both-fail-" + i, "fail", "fail"));
        }
        flips.add(flip("flaky", "flaky", "pass"));
        assertEquals(
                List.of(
                        "regression-0",
                        "regression-1",
                        "regression-2",
                        "regression-3",
                        "fix-0",
                        "fix-1",
                        "fix-2",
                        "fix-3"),
                ids(DrillDown.pick(flips, 8)));
    }

    @Test
    void a_kind_with_few_items_leaves_its_share_to_the_others() {
        List<Flip> flips = List.of(
                flip("both-pass", "pass", "pass"),
                flip("fix-0", "fail", "pass"),
                flip("both-fail", "fail", "fail"),
                flip("regression-0", "pass", "fail"),
                flip("regression-1", "pass", "fail"),
                flip("flaky", "fail", "flaky"),
                flip("fix-1", "fail", "pass"));
        assertEquals(
                List.of("regression-0", "regression-1", "fix-0", "fix-1", "flaky", "both-fail"),
                ids(DrillDown.pick(flips, 6)));
        assertEquals(List.of("regression-0", "regression-1", "fix-0"), ids(DrillDown.pick(flips, 3)));
        assertEquals(7, DrillDown.pick(flips, 20).size(), "never more items than the decision has");
    }
}
