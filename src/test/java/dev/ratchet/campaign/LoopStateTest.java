package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventType;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.skill.LibrarySnapshots;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopStateTest {

    private static final String V0 = CampaignHarness.START.version();

    private static List<Event> started() {
        List<Event> events = new ArrayList<>();
        events.add(LibrarySnapshots.snapshot(CampaignHarness.START, null));
        events.add(new ConfirmScored(0, V0, 20, 30));
        return events;
    }

    @Test
    void theStartingSnapshotSetsTheStartAndCurrentVersions() {
        LoopState s = LoopState.of(started().subList(0, 1));

        assertEquals(V0, s.startVersion());
        assertEquals(V0, s.currentVersion());
        assertEquals(CampaignHarness.START, s.library(V0).orElseThrow());
        assertFalse(s.current().finished(), "iteration 0 waits for its confirm evaluation");
        assertTrue(LoopState.of(started()).current().finished());
        assertEquals(0, LoopState.of(started()).progress().completedIterations(), "iteration 0 is not counted");
    }

    @Test
    void spendCountsEveryCallButOnlyProposerResponsesAreKept() {
        List<Event> events = started();
        events.add(FakeWorld.call("i1/batch/x/s0/call1", "agent", "42"));
        events.add(FakeWorld.call("i1/propose/c1/a1", "proposer", "{}"));
        events.add(FakeWorld.call("i1/propose/c2/a1", "proposer", null));

        LoopState s = LoopState.of(events);

        assertEquals(new LoopState.Spend(3, 360, 0.003), s.spend());
        assertEquals(
                List.of("i1/propose/c1/a1", "i1/propose/c2/a1"),
                List.copyOf(s.proposerCalls().keySet()));
    }

    @Test
    void iterationsWithoutPromotionAreCountedAsDiscardsInARow() {
        List<Event> events = started();
        events.add(new IterationStarted(1, V0, List.of()));
        events.add(new CandidateDiscarded(1, null, "nothing to learn"));
        events.add(new IterationStarted(2, V0, List.of()));
        events.add(new GateDecided(2, null, List.of()));

        LoopState s = LoopState.of(events);

        assertEquals(2, s.progress().consecutiveDiscards());
        assertEquals(2, s.progress().completedIterations());
        assertTrue(s.current().finished());
        events.add(new CampaignStopped("consecutive-discards", "2 in a row", 2));
        assertTrue(LoopState.of(events).isStopped());
    }

    @Test
    void aPromotionResetsTheDiscardsAndMovesTheCurrentVersion() {
        CampaignHarness h = CampaignHarness.of("iterations: 4\n", FakeWorld.standard(0.02, 0));
        List<Event> events = h.run();
        List<Event> upToPromotion = new ArrayList<>();
        for (Event e : events) {
            upToPromotion.add(e);
            if (e instanceof CandidatePromoted) {
                break;
            }
        }
        CandidatePromoted promoted = (CandidatePromoted) upToPromotion.get(upToPromotion.size() - 1);

        LoopState s = LoopState.of(upToPromotion);

        assertEquals(promoted.toVersion(), s.currentVersion());
        assertEquals(0, s.progress().consecutiveDiscards());
        assertFalse(s.current().finished(), "the promoted version is still to be confirmed");
        assertTrue(s.standings()
                .containsKey(s.current()
                        .proposal(promoted.candidateId())
                        .orElseThrow()
                        .edit()
                        .target()));
    }

    @Test
    void foldingTheDecodedLogGivesTheSameStateAsFoldingTheEvents() {
        CampaignHarness h = CampaignHarness.of("iterations: 3\n", FakeWorld.standard(0.05, 0.03));
        List<Event> events = h.run();
        List<Event> decoded;
        try (var stream = h.log.read(EventQuery.all())) {
            decoded = stream.map(RecordedEvent::event).toList();
        }

        assertEquals(LoopState.of(events), LoopState.of(decoded));
        assertEquals(events.size(), decoded.size());
    }

    @Test
    void everyEventTypeHasABranchInTheFold() {
        List<Event> events = new ArrayList<>();
        events.add(new CampaignStarted("c1", "test", Json.parse("{}"), 1, "dev", V0));
        events.addAll(CampaignHarness.of("iterations: 4\n", FakeWorld.standard(0.03, 0.02))
                .run());
        events.add(new ProposalFailed(5, "format in alpha", "malformed twice", "i5/propose/c1/a2"));
        // Logs of the single-probe gate still fold: its probe and scoring events come from the samples.
        dev.ratchet.log.event.EventSamples.all().stream()
                .filter(e -> e.type() == EventType.PROBE_BUILT
                        || e.type() == EventType.BASELINE_PROBE_SCORED
                        || e.type() == EventType.CANDIDATE_PROBE_SCORED
                        // after the decisions: a rollback and an audit's start, comparison and end
                        || e.type() == EventType.LIBRARY_ROLLED_BACK
                        || e.type() == EventType.AUDIT_STARTED
                        || e.type() == EventType.AUDIT_COMPARED
                        || e.type() == EventType.AUDIT_FINISHED)
                .forEach(events::add);

        LoopState.of(events);

        Set<EventType> seen = new HashSet<>();
        events.forEach(e -> seen.add(e.type()));
        Set<EventType> missing = EnumSet.allOf(EventType.class);
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), "not exercised: " + missing);
    }
}
