package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ratchet.projection.IterationMetrics.Iteration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IterationMetricsTest {

    private final IterationMetrics metrics = IterationMetrics.of(SyntheticCampaign.events());

    private Iteration row(int n) {
        return metrics.iterations().stream()
                .filter(i -> i.iteration() == n)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void iteration_zero_holds_the_starting_confirm_score() {
        assertEquals(
                List.of(0, 1, 2, 3, 4),
                metrics.iterations().stream().map(Iteration::iteration).toList());
        assertEquals(new Rate(20, 40), row(0).confirm());
        assertEquals(Rate.NONE, row(0).train());
        assertNull(row(0).train().accuracy(), "no episodes means no accuracy, not zero");
    }

    @Test
    void train_accuracy_leaves_infrastructure_failures_out() {
        assertEquals(new Rate(6, 12), row(1).train());
        assertEquals(new Rate(6, 11), row(2).train());
        assertEquals(1, row(2).infraEpisodes());
    }

    @Test
    void probe_accuracy_counts_every_baseline_sample() {
        assertEquals(new Rate(8, 16), row(1).probe());
        assertEquals(Rate.NONE, row(4).probe(), "no candidate reached the gate in iteration 4");
    }

    @Test
    void confirm_appears_only_where_a_promotion_was_scored() {
        assertEquals(new Rate(24, 40), row(1).confirm());
        assertEquals(new Rate(23, 40), row(2).confirm());
        assertNull(row(3).confirm());
    }

    @Test
    void failure_kinds_and_decisions_are_counted_per_iteration() {
        assertEquals(Map.of("format", 2, "wrong-step", 2, "wrong-value", 2), row(1).failureKinds());
        assertEquals(1, row(2).failureKinds().get("infrastructure"));
        assertEquals(List.of("format", "infrastructure", "wrong-step", "wrong-value"), metrics.failureKinds());
        assertEquals(3, row(1).proposals());
        assertEquals(1, row(1).staticRejections());
        assertEquals(1, row(1).gateRejections());
        assertEquals(1, row(1).promotions());
        assertEquals(1, row(2).proposalFailures());
    }

    @Test
    void spend_is_charged_to_the_iteration_the_call_happened_in() {
        assertEquals(0, row(0).spend().calls());
        assertEquals(12 + 3 + 48, row(1).spend().calls());
        assertEquals(1, row(2).spend().failedCalls());
        Spend total = CampaignOverview.of(SyntheticCampaign.events()).spend();
        assertEquals(total.calls(), metrics.totalSpend().calls(), "iterations add up");
        assertEquals(total.tokens(), metrics.totalSpend().tokens());
        assertEquals(total.costUsd(), metrics.totalSpend().costUsd(), 1e-12);
    }
}
