package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config, models, skill, prompt or suite file that is not UTF-8 text is bad input: exit 2, a
 * message naming the file, its line and the offset of the first bad byte, and no campaign folder.
 */
class UndecodableInputTest {

    /** "café" in Latin-1: the 0xE9 is not UTF-8. */
    private static final byte[] LATIN1_CAFE = "café".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private SmallProject project;

    @BeforeEach
    void project() throws IOException {
        project = SmallProject.create(dir);
    }

    private Cli run() {
        return project.run("--no-report");
    }

    /** Replaces {@code file} with {@code head}, Latin-1 "café", then {@code tail}; returns the bad byte's offset. */
    private static int spoil(Path file, String head, String tail) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(LATIN1_CAFE);
        bytes.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        return head.getBytes(StandardCharsets.UTF_8).length + 3;
    }

    private void assertRefused(Path file, int line, int offset) {
        Cli cli = run();
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains(file + ":" + line + ": "), cli.err());
        assertTrue(cli.err().contains("offset " + offset), cli.err());
        assertTrue(cli.err().contains("UTF-8"), cli.err());
        assertFalse(cli.err().contains("Input length"), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        assertFalse(Files.exists(project.runs()), "nothing is written");
    }

    @Test
    void theProjectRunsWhenEveryFileIsText() {
        Cli cli = run();
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
    }

    @Test
    void aCampaignConfigInLatin1() throws IOException {
        int offset = spoil(project.config(), "# notes\nname: small\n# ", "\n" + Files.readString(project.config()));
        assertRefused(project.config(), 3, offset);
    }

    @Test
    void aModelsFileInLatin1() throws IOException {
        int offset = spoil(project.models(), "# ", "\n" + Files.readString(project.models()));
        assertRefused(project.models(), 1, offset);
    }

    @Test
    void aSkillInLatin1() throws IOException {
        Path skill = project.skills().resolve("dates.md");
        int offset = spoil(skill, "---\nname: dates\ndescription: Dates\ntrigger: a date\n---\n\nAt the ", "\n");
        assertRefused(skill, 7, offset);
    }

    @Test
    void aPromptSectionInLatin1() throws IOException {
        Path section = project.prompts().resolve("10-role.md");
        int offset = spoil(section, "You solve small tasks.\nLike a ", "\n");
        assertRefused(section, 2, offset);
    }

    @Test
    void aSuiteInLatin1() throws IOException {
        Path suite = project.eval().resolve("quiz.jsonl");
        String good = Files.readString(suite);
        int offset =
                spoil(suite, good + "{\"id\":\"b\",\"prompt\":\"", "?\",\"expected\":\"x\",\"verifier\":\"exact\"}\n");
        assertRefused(suite, (int) good.lines().count() + 1, offset);
    }

    @Test
    void aBinaryFileWithNulBytes() throws IOException {
        Path skill = project.skills().resolve("dates.md");
        Files.write(skill, new byte[] {'a', 'b', 0, 0, 'c'});
        Cli cli = run();
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains(skill + ":1: "), cli.err());
        assertTrue(cli.err().contains("offset 2"), cli.err());
        assertFalse(Files.exists(project.runs()), "nothing is written");
    }
}
