package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventSamples;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.log.event.StaticCheckFailed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignStateTest {

    private static <T extends Event> T sample(Class<T> type) {
        return EventSamples.all().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    private static EpisodeScored episode(String outcome) {
        EpisodeScored e = sample(EpisodeScored.class);
        return new EpisodeScored(
                e.episodeId(),
                e.iteration(),
                e.phase(),
                e.split(),
                e.instanceId(),
                e.envId(),
                e.libraryVersion(),
                e.sample(),
                outcome,
                e.failureKind(),
                e.failedStep(),
                e.answer(),
                e.finishReason(),
                e.steps(),
                e.callIds());
    }

    private static ModelCallRecorded unanswered(ModelCallRecorded c) {
        return new ModelCallRecorded(
                c.callId(),
                c.role(),
                c.model(),
                c.requestHash(),
                c.request(),
                null,
                c.usage(),
                c.latencyMillis(),
                c.attempts(),
                "server-error",
                c.costUsd());
    }

    /** Every counter gets its own value, so a fold that credits the wrong counter is caught. */
    @Test
    void foldsStatusVersionCountsAndSpendFromTheCatalogue() {
        List<Event> events = new ArrayList<>();
        events.add(sample(CampaignStarted.class));
        events.add(sample(IterationStarted.class));
        events.addAll(Collections.nCopies(2, episode("pass")));
        events.addAll(Collections.nCopies(3, episode("infra")));
        events.addAll(Collections.nCopies(4, episode("fail")));
        events.addAll(Collections.nCopies(4, sample(CandidateProposed.class)));
        events.addAll(Collections.nCopies(5, sample(ProposalFailed.class)));
        events.addAll(Collections.nCopies(6, sample(StaticCheckFailed.class)));
        events.addAll(Collections.nCopies(7, sample(GateDecided.class)));
        events.add(sample(CandidatePromoted.class));
        events.addAll(Collections.nCopies(8, sample(CandidateDiscarded.class)));
        ModelCallRecorded call = sample(ModelCallRecorded.class);
        events.addAll(List.of(call, call, unanswered(call)));
        events.add(new IterationStarted(2, EventSamples.LIB1, List.of()));
        events.add(sample(CampaignStopped.class));

        CampaignState s = CampaignState.initial();
        for (Event e : events) {
            s = s.evolve(e);
        }

        assertEquals("demo-0001", s.campaignId());
        assertEquals("stopped", s.status());
        assertEquals("consecutive-discards", s.stopReason());
        assertEquals(EventSamples.LIB1, s.libraryVersion(), "promotion moves the current version");
        assertEquals(2, s.iteration());
        assertEquals(new CampaignState.Counts(9, 2, 3, 4, 5, 6, 7, 1, 8), s.counts());
        CampaignState.Spend spend = s.spend();
        assertEquals(
                List.of(3L, 1L, 36L, 9L, 123L),
                List.of(
                        spend.calls(),
                        spend.failedCalls(),
                        spend.inputTokens(),
                        spend.outputTokens(),
                        spend.latencyMillis()));
        assertEquals(3 * call.costUsd(), spend.costUsd(), 1e-12);
    }

    @Test
    void anEmptyLogHasNotStarted() {
        assertEquals("not-started", CampaignState.initial().status());
    }
}
