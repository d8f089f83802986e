package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ratchet run --resume} on campaigns that need nothing, or do not exist. */
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
        assertTrue(resumed.out().contains("its summary was never written"), resumed.out());
        assertEquals(written, Files.readString(summary));
        assertEquals(
                events, LiveCampaign.read(runs.resolve("cut-short/events.db")).size());
    }

    @Test
    void resumingACampaignThatDoesNotExistIsBadInputAndWritesNothing() {
        Cli missing = Cli.run(args(dir, "run", "--resume", "never-started"));

        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode(), missing.all());
        assertTrue(missing.err().contains("no campaign log for 'never-started'"), missing.err());
        assertFalse(Files.exists(runs.resolve("never-started")));
    }
}
