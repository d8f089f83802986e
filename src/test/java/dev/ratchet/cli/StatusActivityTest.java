package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.LockHolder;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ratchet status} of a campaign without campaign.stopped: running while a process holds its
 * writer lock, interrupted once none does (the OS drops the lock of a killed process), and then it
 * prints the command that continues it.
 */
class StatusActivityTest {

    @TempDir
    Path dir;

    private Path runs;
    private Path db;

    /** The first events of a finished campaign, as a run killed after them leaves its log. */
    @BeforeEach
    void anInterruptedCampaign() throws IOException {
        runs = dir.resolve("runs");
        Files.writeString(dir.resolve("small.yaml"), LiveCampaign.config(2));
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS);
        Cli whole = Cli.run(RunResumeTest.args(dir, "run", "--campaign", "whole"));
        assertEquals(0, whole.exitCode(), whole.all());
        List<RecordedEvent> events = LiveCampaign.read(runs.resolve("whole/events.db"));
        db = runs.resolve("cut/events.db");
        try (SqliteEventLog log = SqliteEventLog.open(db, SqliteOptions.defaults(), Clock.systemUTC())) {
            log.append(
                    "cut",
                    0,
                    events.subList(0, events.size() / 2).stream()
                            .map(e -> NewEvent.of(e.event()))
                            .toList());
        }
    }

    @Test
    void aCampaignNothingWritesIsInterruptedAndSaysHowToContinue() {
        Cli status = Cli.run("status", "cut", "--runs-dir", runs.toString());

        assertEquals(0, status.exitCode(), status.all());
        assertTrue(status.out().contains("status     interrupted"), status.out());
        assertTrue(status.out().contains("continue   ratchet run --resume cut --runs-dir " + runs), status.out());
        Cli all = Cli.run("status", "--runs-dir", runs.toString());
        assertTrue(all.out().matches("(?s).*cut +interrupted .*\\(continue: ratchet run --resume cut .*"), all.out());
        assertTrue(all.out().matches("(?s).*whole +stopped \\(.*"), all.out());
    }

    @Test
    void aCampaignWhoseWriterHoldsTheLockIsRunningUntilTheWriterIsKilled() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        db.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", said.readLine());

            Cli running = Cli.run("status", "cut", "--runs-dir", runs.toString());
            assertEquals(0, running.exitCode(), running.all());
            assertTrue(running.out().contains("status     running"), running.out());
            assertFalse(running.out().contains("continue"), running.out());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }

        Cli killed = Cli.run("status", "cut", "--runs-dir", runs.toString());
        assertTrue(killed.out().contains("status     interrupted"), killed.out());
        assertTrue(killed.out().contains("continue   ratchet run --resume cut"), killed.out());
    }
}
