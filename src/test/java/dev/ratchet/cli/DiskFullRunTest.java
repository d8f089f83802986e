package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.FullDisk;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ratchet run} on a disk that fills up mid-campaign: says so, where, and how to continue. */
class DiskFullRunTest {

    @TempDir
    Path dir;

    @Test
    void aCampaignThatFillsTheDiskStopsResumablyNamingTheDiskAndTheResumeCommand() throws IOException {
        Files.writeString(dir.resolve("small.yaml"), LiveCampaign.config(4));
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS);
        Path runs = dir.resolve("runs");

        Cli full = runOnAFullDisk(RunResumeTest.args(dir, "--campaign", "full"));

        assertEquals(ExitCodes.RUNTIME_FAILURE, full.exitCode(), full.all());
        Path folder = runs.resolve("full").toAbsolutePath();
        assertTrue(full.err().contains("the disk is full: no space left on the device holding " + folder), full.err());
        assertTrue(full.err().contains("continue it with: ratchet run --resume full --runs-dir " + runs), full.err());
        List<RecordedEvent> kept = LiveCampaign.read(runs.resolve("full/events.db"));
        assertEquals(
                0, Cli.run("verify", runs.resolve("full/events.db").toString()).exitCode());

        Cli resumed = Cli.run(RunResumeTest.args(dir, "run", "--resume", "full"));

        assertEquals(0, resumed.exitCode(), resumed.all());
        assertTrue(resumed.err().contains("resuming campaign full from " + kept.size() + " events"), resumed.err());
        List<RecordedEvent> all = LiveCampaign.read(runs.resolve("full/events.db"));
        assertEquals("campaign.stopped", all.get(all.size() - 1).type());
    }

    /** The run's tenth commit and every one after it meet a full disk. */
    private static Cli runOnAFullDisk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunCommand run = new RunCommand(
                Host.of(Map.of(), Clock.systemUTC()),
                d -> {},
                (db, options, clock) -> FullDisk.open(db, options, clock, n -> n >= 10));
        CommandLine cli = new CommandLine(run);
        cli.setExitCodeExceptionMapper(Failures::exitCode);
        cli.setExecutionExceptionHandler(Failures::handle);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
