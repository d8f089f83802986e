package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate that would draw a suite's tasks more often than the limit: the run says so on stderr and
 * goes on, or, with {@code gate.suite-reuse: refuse}, stops at load with the key's line and writes
 * nothing.
 */
class SuiteReuseTest {

    @TempDir
    Path dir;

    @Test
    void aRunWarnsWhenTheGateWouldRedrawSuiteTasks() throws IOException {
        SmallProject project = SmallProject.create(dir);
        project.editConfig(", suite-reuse-limit: 3}", "}");

        Cli cli = project.run();

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
        assertTrue(
                cli.err()
                        .contains("warning: " + dir.resolve("small.yaml") + ": each suite task may be drawn about 2.5"
                                + " times per library version"),
                cli.err());
        assertFalse(cli.out().contains("each suite task"), "the warning stays off stdout");
    }

    @Test
    void refusingStopsBeforeAnythingIsWritten() throws IOException {
        SmallProject project = SmallProject.create(dir);
        project.editConfig(", suite-reuse-limit: 3}", ", suite-reuse: refuse}");

        Cli cli = project.run();

        assertEquals(ExitCodes.BAD_INPUT, cli.exitCode(), cli.all());
        assertTrue(cli.err().contains("small.yaml:8: gate.suite-reuse: refused: each suite task"), cli.err());
        assertFalse(Files.exists(project.runs().resolve("c")), "nothing written");
    }
}
