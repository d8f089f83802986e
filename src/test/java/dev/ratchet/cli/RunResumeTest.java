package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ratchet run --resume} on campaigns that need nothing, that lost outputs, that never
 * started, or that do not exist.
 */
class RunResumeTest {

    @TempDir
    Path dir;

    private Path runs;

    @BeforeEach
    void files() throws IOException {
        runs = dir.resolve("runs");
        Files.writeString(dir.resolve("small.yaml"), LiveCampaign.config(3));
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS);
    }

    /** A command line over the test's config, models and runs folder. */
    static String[] args(Path dir, String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(
                "--config",
                dir.resolve("small.yaml").toString(),
                "--models",
                dir.resolve("models.yaml").toString(),
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--plugins",
                dir.resolve("no-plugins").toString(),
                "--no-report"));
        return all.toArray(String[]::new);
    }

    @Test
    void resumingAFinishedCampaignChangesNothingAndSaysSo() throws IOException {
        Cli first = Cli.run(args(dir, "run", "--campaign", "done"));
        assertEquals(0, first.exitCode(), first.all());
        Path db = runs.resolve("done/events.db");
        List<RecordedEvent> before = LiveCampaign.read(db);
        String summary = Files.readString(runs.resolve("done/summary.txt"));

        Cli again = Cli.run(args(dir, "run", "--resume", "done"));

        assertEquals(0, again.exitCode(), again.all());
        assertTrue(again.out().contains("campaign done already finished ("), again.out());
        assertTrue(again.out().contains("nothing to resume"), again.out());
        assertFalse(again.out().contains("resuming"), again.out());
        assertEquals(before.size(), LiveCampaign.read(db).size(), "no event appended");
        assertEquals(summary, Files.readString(runs.resolve("done/summary.txt")));
    }

    @Test
    void aFinishedCampaignWhoseSummaryWasNeverWrittenGetsItOnResume() throws IOException {
        assertEquals(0, Cli.run(args(dir, "run", "--campaign", "cut-short")).exitCode());
        Path summary = runs.resolve("cut-short/summary.txt");
        String written = Files.readString(summary);
        Files.delete(summary);
        int events = LiveCampaign.read(runs.resolve("cut-short/events.db")).size();

        Cli resumed = Cli.run(args(dir, "run", "--resume", "cut-short"));

        assertEquals(0, resumed.exitCode(), resumed.all());
        assertTrue(resumed.out().contains("written again from the log: summary.txt (it was missing)"), resumed.out());
        assertEquals(written, Files.readString(summary));
        assertEquals(
                events, LiveCampaign.read(runs.resolve("cut-short/events.db")).size());
    }

    /** A kill after summary.txt and before report.html: "finished" comes from the log, and the report follows. */
    @Test
    void aReportNeverWrittenOrCutShortIsWrittenAgainFromTheLog() throws IOException {
        Cli first = Cli.run(withReport(args(dir, "run", "--campaign", "no-report")));
        assertEquals(0, first.exitCode(), first.all());
        Path report = runs.resolve("no-report/report.html");
        byte[] whole = Files.readAllBytes(report);
        Files.delete(report);

        Cli resumed = Cli.run(withReport(args(dir, "run", "--resume", "no-report")));

        assertEquals(0, resumed.exitCode(), resumed.all());
        assertTrue(resumed.out().contains("already finished ("), resumed.out());
        assertTrue(resumed.out().contains("written again from the log: report.html (it was missing)"), resumed.out());
        assertArrayEquals(whole, Files.readAllBytes(report));

        Files.write(report, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path summary = runs.resolve("no-report/summary.txt");
        String text = Files.readString(summary);
        Files.writeString(summary, text.substring(0, text.length() / 3));
        Cli again = Cli.run(withReport(args(dir, "run", "--resume", "no-report")));
        assertEquals(0, again.exitCode(), again.all());
        assertTrue(again.out().contains("report.html (it was incomplete or did not match the log)"), again.out());
        assertTrue(again.out().contains("summary.txt (it was incomplete or did not match the log)"), again.out());
        assertArrayEquals(whole, Files.readAllBytes(report));
        assertEquals(text, Files.readString(summary));
        try (Stream<Path> left = Files.list(runs.resolve("no-report"))) {
            assertEquals(
                    List.of(),
                    left.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                            .toList());
        }
    }

    /** What a run killed between creating events.db and committing campaign.started leaves behind. */
    @Test
    void aLogKilledBeforeCampaignStartedIsStartedAfreshByResume() throws IOException {
        Path db = runs.resolve("unborn/events.db");
        SqliteEventLog.open(db, SqliteOptions.defaults(), Clock.systemUTC()).close();

        Cli resumed = Cli.run(args(dir, "run", "--resume", "unborn"));

        assertEquals(0, resumed.exitCode(), resumed.all());
        assertTrue(resumed.err().contains("campaign unborn never started (its log holds no event"), resumed.err());
        List<RecordedEvent> events = LiveCampaign.read(db);
        assertEquals("campaign.started", events.get(0).type());
        assertEquals("unborn", events.get(0).stream());
        assertEquals("campaign.stopped", events.get(events.size() - 1).type());
        assertTrue(Files.isRegularFile(runs.resolve("unborn/summary.txt")));
        assertEquals(0, Cli.run("verify", db.toString()).exitCode());
    }

    /** Killed even before SQLite wrote a byte: an empty file. Running the same id again starts it. */
    @Test
    void anEmptyLogFileIsStartedAfreshByRunningTheSameIdAgain() throws IOException {
        Path db = Files.createDirectories(runs.resolve("empty")).resolve("events.db");
        Files.createFile(db);

        Cli status = Cli.run("status", "empty", "--runs-dir", runs.toString());
        assertEquals(0, status.exitCode(), status.all());
        assertTrue(status.out().contains("status     never started"), status.out());
        Cli again = Cli.run(args(dir, "run", "--campaign", "empty"));

        assertEquals(0, again.exitCode(), again.all());
        assertTrue(again.err().contains("campaign empty never started"), again.err());
        assertEquals("campaign.started", LiveCampaign.read(db).get(0).type());
    }

    @Test
    void aLogWithEventsIsNeverStartedAgain() throws IOException {
        assertEquals(0, Cli.run(args(dir, "run", "--campaign", "taken")).exitCode());

        Cli again = Cli.run(args(dir, "run", "--campaign", "taken"));

        assertEquals(ExitCodes.BAD_INPUT, again.exitCode(), again.all());
        assertTrue(again.err().contains("campaign taken already exists"), again.err());
    }

    private static String[] withReport(String[] args) {
        return java.util.Arrays.stream(args)
                .filter(a -> !a.equals("--no-report"))
                .toArray(String[]::new);
    }

    @Test
    void resumingACampaignThatDoesNotExistIsBadInputAndWritesNothing() {
        Cli missing = Cli.run(args(dir, "run", "--resume", "never-started"));

        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode(), missing.all());
        assertTrue(missing.err().contains("no campaign log for 'never-started'"), missing.err());
        assertFalse(Files.exists(runs.resolve("never-started")));
    }
}
