package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs past explicit bounds (a campaign id, the size of a config or models file, the nesting of a
 * YAML document, aliases) are bad input: exit 2, a message naming the file or option, and nothing
 * written, not even the runs folder.
 */
class InputLimitsTest {

    @TempDir
    Path dir;

    private Path runs;

    @BeforeEach
    void files() throws IOException {
        runs = dir.resolve("runs");
        Files.writeString(dir.resolve("small.yaml"), LiveCampaign.config(1));
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS);
    }

    @Test
    void aCampaignIdTooLongForAFolderName() {
        String id = "c".repeat(300);

        Cli run = Cli.run(RunResumeTest.args(dir, "run", "--campaign", id));

        refused(run, "--campaign " + "c".repeat(37) + "...: 300 characters; an id may have at most 100");
    }

    @Test
    void aConfigOfOneHugeCommentLine() throws IOException {
        Files.writeString(dir.resolve("small.yaml"), "# " + "x".repeat(5_000_000) + "\n");

        Cli run = Cli.run(RunResumeTest.args(dir, "run", "--campaign", "big"));

        refused(run, dir.resolve("small.yaml") + ": 5,000,003 bytes, more than the 262,144 a config file may hold");
    }

    @Test
    void aModelsFileTooLarge() throws IOException {
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS + "#" + "x".repeat(300_000) + "\n");

        Cli run = Cli.run(RunResumeTest.args(dir, "run", "--campaign", "big"));

        refused(run, dir.resolve("models.yaml") + ": ");
        assertTrue(run.err().contains("bytes, more than the 262,144"), run.err());
    }

    @Test
    void aConfigNestedDeeperThanAnyConfigNeeds() throws IOException {
        Files.writeString(
                dir.resolve("small.yaml"), LiveCampaign.config(1) + "extra: " + "[".repeat(40) + "]".repeat(40) + "\n");

        Cli run = Cli.run(RunResumeTest.args(dir, "run", "--campaign", "deep"));

        refused(run, dir.resolve("small.yaml") + ":");
        assertTrue(run.err().contains("nesting depth (33) exceeds the maximum allowed (32"), run.err());
    }

    /** An alias would be read as the anchor's name, silently; it is refused instead. */
    @Test
    void aConfigWithAnAlias() throws IOException {
        Files.writeString(
                dir.resolve("small.yaml"),
                LiveCampaign.config(1).replace("batch-size: 16", "batch-size: &b 16\ncandidates-copy: *b"));

        Cli run = Cli.run(RunResumeTest.args(dir, "run", "--campaign", "alias"));

        refused(run, dir.resolve("small.yaml") + ":9: *b: aliases are not supported");
    }

    @Test
    void aModelsFileWithAnAlias() throws IOException {
        Files.writeString(
                dir.resolve("models.yaml"),
                LiveCampaign.MODELS
                        .replace("seed: 11, options: {role: agent}", "seed: &s 11, options: {role: agent}")
                        .replace("seed: 11, options: {role: proposer}", "seed: *s, options: {role: proposer}"));

        Cli run = Cli.run(RunResumeTest.args(dir, "run", "--campaign", "alias"));

        refused(run, dir.resolve("models.yaml") + ":3: *s: aliases are not supported");
    }

    private void refused(Cli run, String message) {
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.all());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(Files.exists(runs), "nothing written");
    }
}
