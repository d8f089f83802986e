package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private Path config;
    private Path models;
    private Path skills;
    private Path prompts;
    private Path eval;

    private void project() throws IOException {
        config = Files.writeString(
                dir.resolve("small.yaml"),
                """
                name: small
                models: {agent: simulated-agent, proposer: simulated-proposer}
                environments: [{id: arith.add}]
                suites: [{name: quiz}]
                splits: {train: 8, probe: 8, confirm: 8}
                batch-size: 4
                candidates: 1
                gate: {probe-size: 4}
                iterations: 1
                """);
        models = Files.writeString(
                dir.resolve("models.yaml"),
                """
                models:
                  simulated-agent: {provider: simulated, seed: 7, options: {role: agent}}
                  simulated-proposer: {provider: simulated, seed: 7, options: {role: proposer}}
                """);
        skills = Files.createDirectories(dir.resolve("skills"));
        Files.writeString(
                skills.resolve("dates.md"),
                "---\nname: dates\ndescription: Dates\ntrigger: a date\n---\n\nWrite dates as YYYY-MM-DD.\n");
        prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("10-role.md"), "You solve small tasks.\n");
        eval = Files.createDirectories(dir.resolve("eval"));
        Files.writeString(
                eval.resolve("quiz.jsonl"),
                "{\"id\":\"a\",\"prompt\":\"2+2?\",\"expected\":\"4\",\"verifier\":\"exact\"}\n");
    }

    private Cli run() {
        return Cli.run(
                "run",
                "--config",
                config.toString(),
                "--models",
                models.toString(),
                "--skills",
                skills.toString(),
                "--prompts",
                prompts.toString(),
                "--eval-dir",
                eval.toString(),
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--campaign",
                "c",
                "--no-report");
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
        assertFalse(Files.exists(dir.resolve("runs")), "nothing is written");
    }

    @Test
    void theProjectRunsWhenEveryFileIsText() throws IOException {
        project();
        Cli cli = run();
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
    }

    @Test
    void aCampaignConfigInLatin1() throws IOException {
        project();
        int offset = spoil(config, "# notes\nname: small\n# ", "\n" + Files.readString(config));
        assertRefused(config, 3, offset);
    }

    @Test
    void aModelsFileInLatin1() throws IOException {
        project();
        int offset = spoil(models, "# ", "\n" + Files.readString(models));
        assertRefused(models, 1, offset);
    }

    @Test
    void aSkillInLatin1() throws IOException {
        project();
        Path skill = skills.resolve("dates.md");
        int offset = spoil(skill, "---\nname: dates\ndescription: Dates\ntrigger: a date\n---\n\nAt the ", "\n");
        assertRefused(skill, 7, offset);
    }

    @Test
    void aPromptSectionInLatin1() throws IOException {
        project();
        Path section = prompts.resolve("10-role.md");
        int offset = spoil(section, "You solve small tasks.\nLike a ", "\n");
        assertRefused(section, 2, offset);
    }

    @Test
    void aSuiteInLatin1() throws IOException {
        project();
        Path suite = eval.resolve("quiz.jsonl");
        String good = Files.readString(suite);
        int offset =
                spoil(suite, good + "{\"id\":\"b\",\"prompt\":\"", "?\",\"expected\":\"x\",\"verifier\":\"exact\"}\n");
        assertRefused(suite, 2, offset);
    }

    @Test
    void aBinaryFileWithNulBytes() throws IOException {
        project();
        Path skill = skills.resolve("dates.md");
        Files.write(skill, new byte[] {'a', 'b', 0, 0, 'c'});
        Cli cli = run();
        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains(skill + ":1: "), cli.err());
        assertTrue(cli.err().contains("offset 2"), cli.err());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing is written");
    }
}
