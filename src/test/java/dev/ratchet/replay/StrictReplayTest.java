package dev.ratchet.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strict replay on copies of a recorded campaign (the demo golden) whose chain was rebuilt after a
 * change, so that only the content can give the change away, and on campaigns cut short.
 */
class StrictReplayTest {

    private static GoldenCampaign demo;
    private static List<RecordedEvent> events;

    @BeforeAll
    static void load() {
        demo = GoldenCampaign.load("demo");
        events = demo.events();
    }

    /** The first {@code count} recorded events, {@code change} applied to each, the chain recomputed. */
    private static GoldenCampaign copy(int count, UnaryOperator<Event> change) {
        InMemoryEventLog log = new InMemoryEventLog(GoldenLog.CLOCK);
        for (RecordedEvent e : events.subList(0, count)) {
            log.append(e.stream(), e.version() - 1, List.of(NewEvent.of(change.apply(e.event()))));
        }
        return new GoldenCampaign(log, demo.snapshot(), demo.catalog(), demo.start());
    }

    /** A one-call agent episode that passed, with its call. */
    private static EpisodeScored aPassedOneCallEpisode() {
        return events.stream()
                .map(RecordedEvent::event)
                .filter(e -> e instanceof EpisodeScored s
                        && s.outcome().equals("pass")
                        && s.callIds().size() == 1)
                .map(EpisodeScored.class::cast)
                .skip(5)
                .findFirst()
                .orElseThrow();
    }

    private static long seqOfEpisode(String episodeId) {
        return events.stream()
                .filter(e ->
                        e.event() instanceof EpisodeScored s && s.episodeId().equals(episodeId))
                .findFirst()
                .orElseThrow()
                .seq();
    }

    @Test
    void aChangedResponseDivergesAtItsFirstConsequenceEvenWithARecomputedChain() {
        EpisodeScored episode = aPassedOneCallEpisode();
        String callId = episode.callIds().get(0);
        GoldenCampaign changed = copy(
                events.size(),
                e -> e instanceof ModelCallRecorded c && c.callId().equals(callId)
                        ? withText(c, "Answer 1: 0\nAnswer 2: 0")
                        : e);

        Divergence d = changed.replay().divergence().orElseThrow();

        assertEquals(seqOfEpisode(episode.episodeId()), d.seq(), d.describe());
        assertEquals("episode.scored", d.recordedType());
        assertTrue(d.fields().contains("payload.answer"), d.describe());
        assertFalse(d.detail().contains("does not hash"), "the chain was recomputed: " + d.detail());
    }

    @Test
    void aRequestTheCodeNoLongerMakesDivergesAtThatCall() {
        RecordedEvent first = events.stream()
                .filter(e -> e.event() instanceof ModelCallRecorded)
                .findFirst()
                .orElseThrow();
        ModelCallRecorded call = (ModelCallRecorded) first.event();
        GoldenCampaign changed = copy(
                events.size(),
                e -> e instanceof ModelCallRecorded c && c.callId().equals(call.callId())
                        ? withHash(c, "0".repeat(64))
                        : e);

        Divergence d = changed.replay().divergence().orElseThrow();

        assertEquals(first.seq(), d.seq(), d.describe());
        assertEquals("model.call-recorded", d.recordedType());
        assertEquals(List.of("payload.requestHash"), d.fields());
        assertTrue(d.detail().contains(call.callId()), d.detail());
    }

    @Test
    void aRecordingThatEndsWithoutAStopIsComparedUpToItsLastEvent() {
        int cut = events.size() / 2;
        while (!(events.get(cut - 1).event() instanceof EpisodeScored)) {
            cut--;
        }
        ReplayOutcome outcome = copy(cut, e -> e).replay();

        assertTrue(
                outcome.identical(),
                outcome.divergence().map(Divergence::describe).orElse(""));
        assertEquals(cut, outcome.regenerated());
        assertEquals(cut, outcome.matched());
        assertTrue(outcome.ending().contains("without campaign.stopped"), outcome.ending());
    }

    @Test
    void aStopOnTheWallTimeBudgetReplaysAtTheSameSeq() {
        CampaignStarted recordedStart = (CampaignStarted) events.get(0).event();
        ObjectNode config = (ObjectNode) Json.frozen(recordedStart.config());
        ((ObjectNode) config.get("campaign").get("budgets")).put("wall-time", "PT1M");
        CampaignStarted started = new CampaignStarted(
                recordedStart.campaignId(),
                recordedStart.configName(),
                config,
                recordedStart.seed(),
                recordedStart.codeVersion(),
                recordedStart.libraryVersion());
        CampaignSnapshot snapshot = CampaignSnapshot.fromJson(config, "wall-time test");
        InMemoryEventLog live = new InMemoryEventLog(GoldenLog.CLOCK);
        live.append(recordedStart.campaignId(), 0, List.of(NewEvent.of(started)));
        try (CampaignSetup setup = CampaignSetup.live(
                snapshot.config(),
                snapshot.models(),
                demo.catalog(),
                demo.start(),
                name -> null,
                GoldenLog.CLOCK,
                d -> {})) {
            setup.runner(live, recordedStart.campaignId(), seq -> Duration.ofSeconds(seq >= 150 ? 75 : 1), e -> {})
                    .run();
        }
        RecordedEvent last =
                live.read(dev.ratchet.log.EventQuery.all()).reduce((a, b) -> b).orElseThrow();
        CampaignStopped stop = (CampaignStopped) last.event();
        assertEquals("budget-wall-time", stop.reason());
        assertTrue(stop.detail().startsWith("ran 75 s"), stop.detail());

        ReplayOutcome outcome = new GoldenCampaign(live, snapshot, demo.catalog(), demo.start()).replay();

        assertTrue(
                outcome.identical(),
                outcome.divergence().map(Divergence::describe).orElse(""));
        assertEquals(last.seq(), outcome.regenerated());
    }

    private static ModelCallRecorded withText(ModelCallRecorded c, String text) {
        ObjectNode response = (ObjectNode) Json.frozen(c.response());
        response.put("text", text);
        return new ModelCallRecorded(
                c.callId(),
                c.role(),
                c.model(),
                c.requestHash(),
                c.request(),
                response,
                c.usage(),
                c.latencyMillis(),
                c.attempts(),
                c.errorClass(),
                c.costUsd());
    }

    private static ModelCallRecorded withHash(ModelCallRecorded c, String hash) {
        return new ModelCallRecorded(
                c.callId(),
                c.role(),
                c.model(),
                hash,
                c.request(),
                c.response(),
                c.usage(),
                c.latencyMillis(),
                c.attempts(),
                c.errorClass(),
                c.costUsd());
    }
}
