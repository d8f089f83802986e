package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task ids in any script go through a whole campaign: the log, its chain and strict replay. */
class SuiteIdsTest {

    @TempDir
    Path dir;

    @Test
    void aCampaignOnTasksWithNonAsciiIdsRunsVerifiesAndReplays() throws IOException {
        SmallProject project = SmallProject.create(dir);
        Path suite = project.eval().resolve("quiz.jsonl");
        Files.writeString(
                suite,
                """
                {"id":"unicode-é","prompt":"2+2?","expected":"4","verifier":"exact"}
                {"id":"日本語","prompt":"3+3?","expected":"6","verifier":"exact"}
                {"id":"हिंदी","prompt":"4+4?","expected":"8","verifier":"exact"}
                """);
        Cli validate = Cli.run("envs", "validate", suite.toString());
        assertEquals(ExitCodes.OK, validate.exitCode(), validate.all());

        Cli run = project.run("--no-report");
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        Cli shown = Cli.run("log", "c", "--runs-dir", project.runs().toString(), "--json");
        assertTrue(shown.out().matches("(?s).*\"quiz/(unicode-é|日本語|हिंदी)@0/d1\".*"), shown.all());
        Cli replay = Cli.run(
                "replay",
                "c",
                "--strict",
                "--runs-dir",
                project.runs().toString(),
                "--eval-dir",
                project.eval().toString());
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.all());
    }
}
