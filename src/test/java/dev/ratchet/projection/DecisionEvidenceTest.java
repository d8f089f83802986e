package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.Event;
import dev.ratchet.projection.DecisionEvidence.CandidateRun;
import dev.ratchet.projection.DecisionEvidence.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionEvidenceTest {

    private final List<Event> events = SyntheticCampaign.events();

    @Test
    void an_iteration_number_gives_the_baseline_and_every_candidate_with_trajectories() {
        DecisionEvidence e = DecisionEvidence.of(events, "1").orElseThrow();
        assertEquals(SyntheticCampaign.PROBE, e.probe().items().size());
        assertEquals(
                List.of("c-1-1", "c-1-2", "c-1-3"),
                e.candidates().stream().map(CandidateRun::candidateId).toList());
        assertEquals(16, e.baseline().size());
        String item = e.probe().items().get(0).instanceId();
        List<Trace> fixed = e.candidates().get(0).episodes(item);
        assertEquals(
                List.of("pass", "pass"),
                fixed.stream().map(t -> t.episode().outcome()).toList());
        assertEquals(
                List.of("fail", "fail"),
                e.baseline(item).stream().map(t -> t.episode().outcome()).toList());
        Trace trace = fixed.get(0);
        assertEquals("42", trace.calls().get(0).response().get("text").asText());
        assertTrue(trace.calls().get(0).request().toString().contains("carry-digits"), "the candidate's prompt");
    }

    @Test
    void a_statically_rejected_candidate_has_no_run() {
        CandidateRun run =
                DecisionEvidence.of(events, "1").orElseThrow().candidates().get(1);
        assertNull(run.libraryVersion());
        assertTrue(run.episodes().isEmpty());
    }

    @Test
    void a_candidate_id_narrows_the_evidence_to_that_candidate() {
        DecisionEvidence e = DecisionEvidence.of(events, "c-1-3").orElseThrow();
        assertEquals(1, e.iteration());
        assertEquals(
                List.of("c-1-3"),
                e.candidates().stream().map(CandidateRun::candidateId).toList());
        assertEquals(16, e.candidates().get(0).episodes().size());
    }

    @Test
    void the_last_iteration_is_found_too_and_unknown_decisions_are_empty() {
        DecisionEvidence last = DecisionEvidence.of(events, "4").orElseThrow();
        assertNull(last.probe());
        assertEquals("c-4-1", last.candidates().get(0).candidateId());
        assertTrue(DecisionEvidence.of(events, "99").isEmpty());
        assertTrue(DecisionEvidence.of(events, "c-9-9").isEmpty());
    }
}
