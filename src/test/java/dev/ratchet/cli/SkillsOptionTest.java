package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --skills} must name a folder: a typo never runs a campaign on an empty library. */
class SkillsOptionTest {

    @TempDir
    Path dir;

    private SmallProject project;

    @BeforeEach
    void project() throws IOException {
        project = SmallProject.create(dir);
    }

    @Test
    void aMissingFolderIsBadInputNamingIt() {
        Path missing = dir.resolve("skils");
        Cli cli = project.withSkills(missing).run("--no-report");
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains("--skills " + missing + ": no such folder"), cli.err());
        assertFalse(Files.exists(project.runs()), "nothing is written");
    }

    @Test
    void aFileIsBadInputNamingIt() {
        Path file = project.skills().resolve("dates.md");
        Cli cli = project.withSkills(file).run("--no-report");
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains("--skills " + file + ": not a folder"), cli.err());
        assertFalse(Files.exists(project.runs()), "nothing is written");
    }

    @Test
    void evalRefusesAMissingFolderToo() {
        Path missing = dir.resolve("skils");
        Cli cli = Cli.run(
                "eval",
                "--config",
                project.config().toString(),
                "--models",
                project.models().toString(),
                "--skills",
                missing.toString(),
                "--prompts",
                project.prompts().toString(),
                "--eval-dir",
                project.eval().toString(),
                "--runs-dir",
                project.runs().toString());
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains("--skills " + missing), cli.err());
        assertFalse(Files.exists(project.runs()), "nothing is written");
    }

    @Test
    void anEmptyFolderIsAnEmptyLibrary() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("none-yet"));
        Cli cli = project.withSkills(empty).run("--no-report");
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
    }
}
