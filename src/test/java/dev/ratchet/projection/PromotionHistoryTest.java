package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.projection.Decision.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionHistoryTest {

    private final PromotionHistory history = PromotionHistory.of(SyntheticCampaign.events());

    @Test
    void every_candidate_and_empty_step_appears_in_log_order_with_its_outcome() {
        List<String> rows = history.decisions().stream()
                .map(d ->
                        d.iteration() + " " + d.candidateId() + " " + d.status().label())
                .toList();
        assertEquals(
                List.of(
                        "1 c-1-1 promoted",
                        "1 c-1-2 static-rejected",
                        "1 c-1-3 rejected",
                        "2 c-2-1 promoted",
                        "2 null proposal-failed",
                        "3 c-3-1 rejected",
                        "3 c-3-2 rejected",
                        "4 c-4-1 static-rejected",
                        "4 null no-candidate"),
                rows);
    }

    @Test
    void a_promotion_carries_its_gate_evidence_budget_and_confirm_delta() {
        Decision d = history.candidate("c-1-1").orElseThrow();
        assertEquals("carry-digits", d.edit().target());
        assertEquals(3, d.gate().fixes());
        assertEquals(0, d.gate().regressions());
        assertEquals(3, d.gate().net());
        assertEquals(2, d.gate().flaky(), "items 3 and 5 are flaky on the baseline");
        assertEquals(0, d.gate().regressionBudget());
        assertEquals(0.5, d.gate().alpha());
        assertEquals(0.125, d.gate().pValue(), 1e-12);
        assertEquals(0.6 - 0.5, d.promotion().confirmDelta(), 1e-12, "confirm went from 20/40 to 24/40");
        assertEquals(
                -0.025, history.candidate("c-2-1").orElseThrow().promotion().confirmDelta(), 1e-12);
    }

    @Test
    void rejections_say_why() {
        assertTrue(history.candidate("c-1-2").orElseThrow().reason().contains("generic-advice"));
        Decision gateRejected = history.candidate("c-1-3").orElseThrow();
        assertEquals("1 new regression(s) exceed budget 0", gateRejected.reason());
        assertNull(gateRejected.promotion());
        assertTrue(history.iteration(4).get(1).reason().startsWith("no candidate reached the gate"));
    }

    @Test
    void each_decision_carries_the_cost_of_its_iteration() {
        Spend spend = history.candidate("c-1-1").orElseThrow().iterationSpend();
        // 12 batch episodes, 3 proposals, 8 probe items x 2 samples for the baseline and 2 candidates
        assertEquals(12 + 3 + 16 * 3, spend.calls());
        assertTrue(spend.costUsd() > 0);
        assertEquals(spend, history.candidate("c-1-3").orElseThrow().iterationSpend());
    }

    @Test
    void a_gate_acceptance_without_a_recorded_promotion_stays_pending() {
        List<Event> truncated = new ArrayList<>();
        for (Event e : SyntheticCampaign.events()) {
            if (e instanceof CandidatePromoted) {
                break;
            }
            truncated.add(e);
        }
        Decision d = PromotionHistory.of(truncated).candidate("c-1-1").orElseThrow();
        assertEquals(Status.PENDING, d.status());
        assertTrue(d.reason().startsWith("net +3"));
    }
}
