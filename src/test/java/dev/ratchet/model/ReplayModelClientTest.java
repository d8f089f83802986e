package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.event.ModelCallRecorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReplayModelClientTest {

    private final FakeClock clock = FakeClock.at2026();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ModelConfig config = ModelConfig.builder("agent", ModelConfig.Provider.OPENAI)
            .model("gpt-test")
            .retry(new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(4), 2.0, 0.5, Duration.ofMinutes(1)))
            .build();

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().messages(UserMessage.from(text)).build();
    }

    /** A live run: the second question fails once before its answer; the third always fails. */
    private List<ModelCall> liveRun() {
        int[] tries = new int[1];
        ScriptedChatModel model = new ScriptedChatModel(r -> {
            String q = ((UserMessage) r.messages().get(0)).singleText();
            if (q.equals("q2") && tries[0]++ == 0) {
                throw new InternalServerException("flaky");
            }
            if (q.equals("q3")) {
                throw new InternalServerException("down");
            }
            return "answer to " + q;
        });
        ResilientModelClient live = new ResilientModelClient(config, model, clock, sleeper, Redactor.none());
        List<ModelCall> calls = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            calls.add(live.call(new CallContext("call-" + i, "agent"), ask("q" + i)));
        }
        return calls;
    }

    private static EventLog logOf(List<ModelCall> calls) {
        EventLog log = new InMemoryEventLog(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        log.append(
                "campaign",
                EventLog.ANY_VERSION,
                calls.stream().map(c -> NewEvent.of(c.record())).collect(Collectors.toList()));
        return log;
    }

    /** As a replayed campaign does: from the calls read back out of the log, not the live objects. */
    private ReplayModelClient replayOf(EventLog log) {
        try (Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            return new ReplayModelClient(
                    config, events.map(e -> (ModelCallRecorded) e.event()).collect(Collectors.toList()));
        }
    }

    @Test
    void replayAnswersFromTheLogWithTheRecordUnchanged() {
        List<ModelCall> live = liveRun();
        EventLog log = logOf(live);
        ReplayModelClient replay = replayOf(log);
        for (int i = 1; i <= 3; i++) {
            ModelCall replayed = replay.call(new CallContext("call-" + i, "agent"), ask("q" + i));
            ModelCallRecorded recorded = live.get(i - 1).record();
            assertArrayEquals(EventCodec.encode(recorded), EventCodec.encode(replayed.record()), "call-" + i);
            if (recorded.response() == null) {
                assertNull(replayed.response());
            } else {
                assertEquals(
                        live.get(i - 1).response().aiMessage().text(),
                        replayed.response().aiMessage().text());
            }
        }
        assertEquals(
                "answer to q2",
                replay.call(new CallContext("call-2", "agent"), ask("q2"))
                        .response()
                        .aiMessage()
                        .text());
        assertEquals(2, live.get(1).record().attempts().size(), "the flaky call's attempts are replayed as recorded");
    }

    @Test
    void aChangedRequestIsADivergenceNamingTheCallAndBothHashes() {
        List<ModelCall> live = liveRun();
        ReplayModelClient replay = replayOf(logOf(live));
        ReplayDivergence e =
                assertThrows(ReplayDivergence.class, () -> replay.call(new CallContext("call-1", "agent"), ask("q1!")));
        assertEquals("call-1", e.callId());
        assertEquals(live.get(0).record().requestHash(), e.expectedHash());
        assertEquals(RequestCanon.hash(config, ask("q1!")), e.actualHash());
        assertTrue(e.getMessage().contains("call-1"), e.getMessage());
    }

    @Test
    void aCallTheLogDoesNotHoldIsADivergence() {
        ReplayModelClient replay = replayOf(logOf(liveRun()));
        ReplayDivergence e =
                assertThrows(ReplayDivergence.class, () -> replay.call(new CallContext("call-9", "agent"), ask("q9")));
        assertNull(e.expectedHash());
        assertEquals("call-9", e.callId());
    }

    @Test
    void recordsSurviveTheLogByteForByte() {
        List<ModelCall> live = liveRun();
        EventLog log = logOf(live);
        List<RecordedEvent> events = log.read(EventQuery.all()).collect(Collectors.toList());
        for (int i = 0; i < live.size(); i++) {
            ModelCallRecorded back = (ModelCallRecorded) events.get(i).event();
            assertEquals(live.get(i).record(), back);
        }
        assertSame(null, live.get(2).response());
    }
}
