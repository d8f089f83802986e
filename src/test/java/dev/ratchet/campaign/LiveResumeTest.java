package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign on the real simulator and the real shell, interrupted in-process at seeded points
 * that cover every phase and resumed on the same log, writes exactly the log an uninterrupted run
 * writes: same events, same payload bytes, same hash chain. Latencies are part of those bytes: the
 * fixed clock of {@link LiveCampaign} makes each one 0, so nothing is left out of the comparison.
 */
class LiveResumeTest {

    private static final String ID = "resume-test";
    private static final long SEED = 5;

    @TempDir
    Path dir;

    /** What the listener throws to cut a run short after an append, as a crash would. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(int n) {
            super("interrupted after event " + n, null, false, false);
        }
    }

    @Test
    void interruptedAtSeededPointsInEveryPhaseAndResumedItWritesTheSameLogByteForByte() {
        LiveCampaign campaign = LiveCampaign.in(dir.resolve("config"), LiveCampaign.config(SEED));
        Path reference = dir.resolve("reference.db");
        List<Event> seen = new ArrayList<>();
        campaign.run(reference, ID, seen::add);
        List<RecordedEvent> full = LiveCampaign.read(reference);
        assertTrue(
                seen.stream().anyMatch(CandidatePromoted.class::isInstance),
                "the campaign promotes something, so every phase is reached");

        Map<String, List<Integer>> phases = phases(seen);
        assertTrue(
                phases.keySet()
                        .containsAll(List.of(
                                "episode:baseline:screen",
                                "episode:candidate:screen",
                                "episode:baseline:stage-2",
                                "episode:candidate:stage-2")),
                "both gate stages are phases to interrupt: " + phases.keySet());
        List<Integer> cuts = cuts(phases);
        assertEquals(phases.size() - 1, cuts.size(), "every phase has an interruption point: " + phases.keySet());
        for (int n : cuts) {
            Path db = dir.resolve("cut-" + n + ".db");
            int[] appended = {0};
            assertThrows(
                    Crash.class,
                    () -> campaign.run(db, ID, e -> {
                        if (++appended[0] == n) {
                            throw new Crash(n);
                        }
                    }));
            int kept = LiveCampaign.read(db).size();
            assertTrue(kept < full.size(), "interrupted after event " + n + " with " + kept + " recorded");

            campaign.run(db, ID, e -> {});
            assertSameLog(full, LiveCampaign.read(db), "interrupted after event " + n + " (" + kept + " kept)");
        }
    }

    /**
     * The positions (1-based, in the order the shell appended them) of each phase's events: an
     * episode's calls and score by its phase, proposer calls, and every other event by type.
     */
    /** A gate episode's stage, screen or stage 2 (its chunks alike), so each is a phase to cut in. */
    private static String gateStage(EpisodeScored s) {
        if (!"gate".equals(s.split())) {
            return "";
        }
        return s.episodeId().contains("@screen") ? ":screen" : s.episodeId().contains("@confirm-") ? ":stage-2" : "";
    }

    private static Map<String, List<Integer>> phases(List<Event> events) {
        String[] labels = new String[events.size()];
        String episodePhase = "episode:end";
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (e instanceof EpisodeScored s) {
                episodePhase = "episode:" + s.phase() + gateStage(s);
                labels[i] = episodePhase;
            } else if (e instanceof ModelCallRecorded c) {
                labels[i] = "proposer".equals(c.role()) ? "proposer call" : episodePhase;
            } else {
                labels[i] = e.type().typeName();
            }
        }
        Map<String, List<Integer>> phases = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            phases.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i + 1);
        }
        return phases;
    }

    /** One seeded point per phase but the last (after it there is nothing to resume). */
    private static List<Integer> cuts(Map<String, List<Integer>> phases) {
        SplittableRandom random = new SplittableRandom(20_260_101L);
        TreeSet<Integer> cuts = new TreeSet<>();
        for (Map.Entry<String, List<Integer>> phase : phases.entrySet()) {
            List<Integer> positions = phase.getValue();
            int n = positions.get(random.nextInt(positions.size()));
            if (!"campaign.stopped".equals(phase.getKey())) {
                cuts.add(n);
            }
        }
        return List.copyOf(cuts);
    }

    /** Fails at the first event whose envelope, payload bytes or hash differ. */
    static void assertSameLog(List<RecordedEvent> expected, List<RecordedEvent> actual, String context) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            RecordedEvent x = expected.get(i);
            RecordedEvent y = actual.get(i);
            String where = context + ": event " + x.seq() + " (" + x.type() + ")";
            assertEquals(envelope(x), envelope(y), where);
            assertTrue(
                    x.payloadText().equals(y.payloadText()),
                    where + ": " + difference(x.payloadText(), y.payloadText()));
            assertTrue(Arrays.equals(x.prevHash(), y.prevHash()) && Arrays.equals(x.hash(), y.hash()), where);
        }
        assertEquals(expected.size(), actual.size(), context + ": events recorded");
    }

    /** The first differing stretch of two payloads, short enough to read in a failure message. */
    static String difference(String expected, String actual) {
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "expected ..." + expected.substring(from, Math.min(expected.length(), i + 60)) + "... but was ..."
                + actual.substring(from, Math.min(actual.length(), i + 60)) + "...";
    }

    private static String envelope(RecordedEvent e) {
        return e.seq() + " " + e.stream() + " " + e.version() + " " + e.type() + " " + e.schemaVersion() + " "
                + e.idempotencyKey();
    }
}
