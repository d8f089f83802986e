package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ratchet run} in a child JVM, killed with SIGKILL when its log reaches seeded sizes, then
 * continued with {@code ratchet run --resume}: the log ends as an uninterrupted run's, with nothing
 * repeated. The child measures latency with the real clock, so each model call's latency is the
 * one field left out of the comparison; every other byte of every event must match.
 */
class KilledRunTest {

    private static final String ID = "killed";

    @TempDir
    Path dir;

    @Test
    void aCampaignKilledAtSeededPointsAndResumedDecidesLikeAnUninterruptedOne() throws Exception {
        Files.writeString(dir.resolve("small.yaml"), LiveCampaign.config(5));
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS);
        Path reference = dir.resolve("reference");
        Cli whole = Cli.run(withRuns(RunResumeTest.args(dir, "run", "--campaign", ID), reference));
        assertEquals(0, whole.exitCode(), whole.all());
        List<String> expected =
                decisions(LiveCampaign.read(reference.resolve(ID).resolve("events.db")));

        SplittableRandom random = new SplittableRandom(9);
        for (int k = 0; k < 3; k++) {
            int size = (int) (expected.size() * (0.1 + 0.6 * random.nextDouble()));
            Path runs = dir.resolve("killed-at-" + size);
            long kept = killAt(runs, size);
            assertTrue(kept >= size && kept < expected.size(), "killed with " + kept + " of " + expected.size());

            Cli resumed = Cli.run(withRuns(RunResumeTest.args(dir, "run", "--resume", ID), runs));
            assertEquals(0, resumed.exitCode(), resumed.all());
            assertTrue(resumed.err().contains("resuming campaign " + ID + " from " + kept + " events"), resumed.err());
            List<String> actual = decisions(LiveCampaign.read(runs.resolve(ID).resolve("events.db")));
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                assertEquals(expected.get(i), actual.get(i), "killed at " + kept + " events: event " + (i + 1));
            }
            assertEquals(expected.size(), actual.size(), "killed at " + kept + ": nothing repeated, nothing missing");
        }
    }

    /** Runs the campaign in a child JVM and kills it once its log holds at least {@code size} events. */
    private long killAt(Path runs, int size) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(withRuns(RunResumeTest.args(dir, "run", "--campaign", ID), runs)));
        Path output = Files.createDirectories(runs).resolve("child.out");
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Path db = runs.resolve(ID).resolve("events.db");
        SqliteEventLog reader = null;
        try (DirectoryWatch watch = new DirectoryWatch(db.getParent())) {
            long seen = 0;
            while (seen < size) {
                assertTrue(child.isAlive(), "the child ended before the kill: " + Files.readString(output));
                reader = reader != null ? reader : reader(db);
                seen = reader == null ? 0 : reader.head().map(h -> h.seq()).orElse(0L);
                if (seen < size) {
                    watch.awaitChange(Duration.ofSeconds(1));
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        } finally {
            child.destroyForcibly();
            if (reader != null) {
                reader.close();
            }
        }
        assertFalse(Files.readString(output).contains("campaign " + ID + ": "), "it never got to its summary");
        return LiveCampaign.read(db).size();
    }

    /** A reader of the child's log, or null while the child has not created it yet. */
    private static SqliteEventLog reader(Path db) {
        if (!Files.isRegularFile(db)) {
            return null;
        }
        SqliteEventLog log = null;
        try {
            log = SqliteEventLog.openReadOnly(db);
            log.head();
            return log;
        } catch (RuntimeException schemaNotYetWritten) {
            if (log != null) {
                log.close();
            }
            return null;
        }
    }

    private static String[] withRuns(String[] args, Path runs) {
        String[] copy = args.clone();
        for (int i = 0; i < copy.length - 1; i++) {
            if (copy[i].equals("--runs-dir")) {
                copy[i + 1] = runs.toString();
            }
        }
        return copy;
    }

    /** Each event's type and payload bytes, with a model call's measured latency set to 0. */
    private static List<String> decisions(List<RecordedEvent> events) {
        return events.stream()
                .map(e -> e.type() + " "
                        + (e.event() instanceof ModelCallRecorded c
                                ? new String(EventCodec.encode(withoutLatency(c)), StandardCharsets.UTF_8)
                                : e.payloadText()))
                .toList();
    }

    private static ModelCallRecorded withoutLatency(ModelCallRecorded c) {
        return new ModelCallRecorded(
                c.callId(),
                c.role(),
                c.model(),
                c.requestHash(),
                c.request(),
                c.response(),
                c.usage(),
                0,
                c.attempts(),
                c.errorClass(),
                c.costUsd());
    }
}
