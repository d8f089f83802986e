package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential pasted into a hand-written skill or prompt section is warned about at load, naming
 * the file, and masked: neither the models nor the log, the exported library or the report see it.
 */
class SkillSecretsTest {

    private static final String KEY = "sk-live0123456789abcdefXYZ";
    private static final String PASSWORD = "hunter2hunter2hunter2";

    @TempDir
    Path dir;

    private SmallProject project;

    @BeforeEach
    void project() throws IOException {
        project = SmallProject.create(dir);
    }

    @Test
    void aKeyInASkillIsWarnedAboutAndNeverRecorded() throws IOException {
        Path skill = project.skills().resolve("dates.md");
        Files.writeString(skill, SmallProject.skill("Write dates as YYYY-MM-DD. Our key is " + KEY + "."));

        Cli cli = project.run();

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains("warning: " + skill + ": "), cli.err());
        assertTrue(cli.err().contains("key"), "the warning says what it found: " + cli.err());
        assertFalse(cli.all().contains(KEY), cli.all());
        assertNowhereInTheCampaign(KEY);
        Cli log = Cli.run("log", "c", "--runs-dir", project.runs().toString(), "--json");
        assertTrue(log.out().contains("Our key is [REDACTED]."), "masked where it stood");
    }

    @Test
    void aKeyInASkillMdIsWarnedAboutNamingThatFile() throws IOException {
        Files.delete(project.skills().resolve("dates.md"));
        Path skill = Files.createDirectories(project.skills().resolve("dates")).resolve("SKILL.md");
        Files.writeString(skill, "---\nname: dates\ndescription: Dates\n---\n\nOur key is " + KEY + ".\n");

        Cli cli = project.run();

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains("warning: " + skill + ": "), cli.err());
        assertNowhereInTheCampaign(KEY);
    }

    @Test
    void aPasswordInAPromptSectionIsWarnedAboutAndNeverRecorded() throws IOException {
        Path section = project.prompts().resolve("10-role.md");
        Files.writeString(section, "You solve small tasks.\npassword: " + PASSWORD + "\n");

        Cli cli = project.run();

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains("warning: " + section + ": "), cli.err());
        assertFalse(cli.all().contains(PASSWORD), cli.all());
        assertNowhereInTheCampaign(PASSWORD);
    }

    @Test
    void ordinarySkillsRaiseNoWarning() {
        Cli cli = project.run();
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
        assertFalse(cli.err().contains("warning"), cli.err());
    }

    /** Every byte the campaign left: the log (and its WAL), the exported library, summary and report. */
    private void assertNowhereInTheCampaign(String secret) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project.runs())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("events.db")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.endsWith("report.html")), files.toString());
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        for (Path file : files) {
            assertFalse(contains(Files.readAllBytes(file), needle), secret + " is in " + file);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
