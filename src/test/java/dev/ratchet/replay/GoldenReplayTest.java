package dev.ratchet.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.cli.GoldenRecorder;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded campaigns on the simulated world, kept as text under {@code golden/replays/}, replayed
 * strictly on every build: any change to the code that would decide, score or ask differently
 * shows up here as the first divergent event. Regenerate them deliberately with {@code
 * -Dgolden.update=true} (this test then re-records every campaign and rewrites the files) and review
 * the diff.
 */
class GoldenReplayTest {

    /** What each golden campaign must show it covers, checked on its recorded events. */
    private static final Map<String, Predicate<List<Event>>> COVERS = Map.of(
            "demo", events -> has(events, "candidate.promoted") && has(events, "confirm.scored"),
            "resumed", events -> has(events, "campaign.stopped"),
            "faults",
                    events -> events.stream()
                                    .anyMatch(e -> e instanceof ModelCallRecorded c
                                            && c.attempts().size() > 1)
                            // An episode that failed for the provider's reasons is run again, never scored.
                            && events.stream().anyMatch(dev.ratchet.log.event.InterruptedCalls::is)
                            && events.stream()
                                    .noneMatch(e -> e instanceof EpisodeScored s
                                            && s.outcome().equals("infra")),
            "suite",
                    events -> events.stream()
                            .anyMatch(e ->
                                    e instanceof EpisodeScored s && s.envId().startsWith("golden-tasks/")),
            "samples",
                    events -> events.stream().anyMatch(e -> e instanceof EpisodeScored s && s.sample() == 2)
                            && events.stream()
                                    .anyMatch(e -> e instanceof GateDecided g
                                            && g.verdicts().stream().anyMatch(v -> v.gain() != null)));

    private static final List<String> NAMES = List.of("demo", "resumed", "faults", "suite", "samples");
    // The two-stage gate records a few hundred episodes a decision; a golden still stays under 3 MB.
    private static final long MAX_BYTES = 3_000_000;

    @BeforeAll
    static void regenerateOnlyWhenAsked(@TempDir Path tmp) throws IOException, InterruptedException {
        if (!Boolean.getBoolean("golden.update")) {
            return;
        }
        for (String name : NAMES) {
            Path runs = tmp.resolve(name);
            Path db;
            if (name.equals("resumed")) {
                long killedAt = GoldenRecorder.recordKilledAndResumed(GoldenCampaign.DIR, runs, name, 150);
                db = runs.resolve("golden-" + name).resolve("events.db");
                assertResumedEqualsUninterrupted(
                        db, GoldenRecorder.record(GoldenCampaign.DIR, tmp.resolve("whole"), name));
                System.out.println("golden/replays/resumed.jsonl: killed at seq " + killedAt + ", then resumed");
            } else {
                db = GoldenRecorder.record(GoldenCampaign.DIR, runs, name);
            }
            try (SqliteEventLog log = SqliteEventLog.openReadOnly(db)) {
                GoldenLog.write(log, GoldenCampaign.DIR.resolve(name + ".jsonl"));
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyGoldenCampaignReplaysByteForByte() {
        return NAMES.stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> replaysIdentically(name)))
                .toList();
    }

    private static void replaysIdentically(String name) throws IOException {
        Path file = GoldenCampaign.DIR.resolve(name + ".jsonl");
        assertTrue(Files.isRegularFile(file), file + " is missing; regenerate with -Dgolden.update=true");
        assertTrue(Files.size(file) < MAX_BYTES, file + " holds " + Files.size(file) + " bytes; keep goldens small");
        GoldenCampaign campaign = GoldenCampaign.load(name);
        List<RecordedEvent> recorded = campaign.events();
        List<Event> events = recorded.stream().map(RecordedEvent::event).toList();
        assertTrue(COVERS.get(name).test(events), name + ": the recording no longer shows what it is kept for");

        ReplayOutcome outcome = campaign.replay();

        assertTrue(
                outcome.identical(),
                name + ": " + outcome.divergence().map(Divergence::describe).orElse(""));
        assertEquals(recorded.size(), outcome.regenerated(), name);
        assertEquals(recorded.get(recorded.size() - 1).hashHex(), outcome.headHash(), name);
        assertTrue(outcome.ending().startsWith("the campaign stopped: iterations"), outcome.ending());
    }

    private static void assertResumedEqualsUninterrupted(Path resumed, Path whole) {
        try (SqliteEventLog a = SqliteEventLog.openReadOnly(resumed);
                SqliteEventLog b = SqliteEventLog.openReadOnly(whole);
                Stream<RecordedEvent> x = a.read(EventQuery.all());
                Stream<RecordedEvent> y = b.read(EventQuery.all())) {
            assertEquals(
                    java.util.Optional.empty(),
                    StreamComparison.firstDivergence(x.iterator(), y.iterator()).map(Divergence::describe),
                    "a resumed campaign records what an uninterrupted one does");
        }
    }

    private static boolean has(List<Event> events, String type) {
        return events.stream().anyMatch(e -> e.type().typeName().equals(type));
    }
}
