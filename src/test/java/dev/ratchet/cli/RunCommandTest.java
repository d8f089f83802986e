package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private Path config(String environments) throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(
                file,
                """
                name: small
                models: {agent: simulated-agent, proposer: simulated-proposer}
                environments: [%s]
                splits: {train: 32, probe: 48, confirm: 24}
                batch-size: 16
                candidates: 2
                gate: {min-env-items: 0, screen-items: 24, min-items: 48, max-items: 192, chunk-items: 48, alpha: 0.2}
                iterations: 2
                seed: 3
                """
                        .formatted(environments));
        return file;
    }

    @Test
    void aCampaignLeavesAVerifiedLogALibraryASummaryAndAReport() throws IOException {
        Path runs = dir.resolve("runs");
        Cli cli = Cli.run(
                "run",
                "--config",
                config("{id: \"seq(arith.add,nt.digit-sum)\"}, {id: units.roman}")
                        .toString(),
                "--campaign",
                "small-1",
                "--runs-dir",
                runs.toString());
        assertEquals(0, cli.exitCode(), cli.all());
        Path folder = runs.resolve("small-1");
        assertTrue(cli.err().contains("simulated world"), "the simulator is named as such: " + cli.err());
        String summary = Files.readString(folder.resolve("summary.txt"));
        assertEquals(
                summary + "report: " + folder.resolve("report.html") + System.lineSeparator(),
                cli.out(),
                "standard output is the summary alone; progress goes to standard error");
        assertTrue(cli.err().contains("stopped: iterations"), cli.err());
        assertTrue(summary.contains("iterations: 2"), summary);
        int named = summary.indexOf("models: simulated world (simulator)");
        assertTrue(
                named >= 0 && named < summary.indexOf("accuracy"),
                "the summary names the simulator before its first figure: " + summary);
        assertTrue(summary.contains("simulated world ground truth"), summary);
        assertTrue(Files.isDirectory(folder.resolve("library/skills")));
        assertTrue(Files.readString(folder.resolve("report.html")).contains("<canvas"));
        assertEquals(
                0, Cli.run("verify", folder.resolve("events.db").toString()).exitCode());
        Cli status = Cli.run("status", "small-1", "--runs-dir", runs.toString());
        assertTrue(status.out().contains("stopped (iterations)"), status.out());

        Cli again = Cli.run(
                "run",
                "--config",
                dir.resolve("small.yaml").toString(),
                "--campaign",
                "small-1",
                "--runs-dir",
                runs.toString());
        assertEquals(2, again.exitCode(), "an existing campaign is never overwritten: " + again.all());
        assertTrue(again.err().contains("--resume small-1"), again.err());
    }

    /** A temporary file is created 0600 whatever the umask; the report must be as readable as the summary. */
    @Test
    void theReportIsAsReadableAsTheSummary() throws IOException {
        SmallProject project = SmallProject.create(dir);
        Cli cli = project.run();
        assertEquals(0, cli.exitCode(), cli.all());
        Path folder = project.runs().resolve("c");
        Set<PosixFilePermission> summary = Files.getPosixFilePermissions(folder.resolve("summary.txt"));
        Set<PosixFilePermission> report = Files.getPosixFilePermissions(folder.resolve("report.html"));
        assertTrue(report.containsAll(summary), "report.html " + report + ", summary.txt " + summary);
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws IOException {
        Path runs = dir.resolve("runs");
        Cli unknownEnv = Cli.run(
                "run",
                "--config",
                config("{id: arith.addd}").toString(),
                "--campaign",
                "bad",
                "--runs-dir",
                runs.toString());
        assertEquals(2, unknownEnv.exitCode(), unknownEnv.all());
        assertTrue(unknownEnv.err().contains("did you mean arith.add"), unknownEnv.err());
        assertFalse(Files.exists(runs.resolve("bad")), "nothing is written for bad input");

        Path typo = dir.resolve("typo.yaml");
        Files.writeString(
                typo,
                "name: t\nmodels: {agent: simulated-agent, proposer: simulated-proposer}\n"
                        + "environments: [{id: arith.add}]\nbatch-sise: 4\n");
        Cli unknownKey = Cli.run("run", "--config", typo.toString(), "--runs-dir", runs.toString());
        assertEquals(2, unknownKey.exitCode(), unknownKey.all());
        assertTrue(unknownKey.err().contains("batch-sise"), unknownKey.err());
        assertFalse(Files.exists(runs));
    }
}
