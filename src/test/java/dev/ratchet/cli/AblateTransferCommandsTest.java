package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.CandidatePromoted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ablate and transfer through the command line, and the transfer figure {@code run} gives a campaign
 * with {@code holdout-environments}, on a small simulated campaign.
 */
class AblateTransferCommandsTest {

    private static final String HELD_OUT =
            "holdout-environments: [lists.mean, \"par(seq(arith.add,nt.digit-sum),units.roman)\"]\n";

    @TempDir
    static Path runs;

    private static Path db;
    private static Cli run;

    /** The first of a fixed list of seeds whose small campaign promoted something: deterministic. */
    @BeforeAll
    static void runASmallCampaignWithHeldOutEnvironmentsThatPromotes() throws IOException {
        LiveCampaign.in(runs.resolve("inputs"), LiveCampaign.config(1));
        Path models = runs.resolve("inputs/models.yaml");
        for (long seed = 1; seed <= 12; seed++) {
            Path config =
                    Files.writeString(runs.resolve("held-" + seed + ".yaml"), LiveCampaign.config(seed) + HELD_OUT);
            String id = "held-" + seed;
            run = Cli.run(
                    "run",
                    "--config",
                    config.toString(),
                    "--models",
                    models.toString(),
                    "--runs-dir",
                    runs.toString(),
                    "--campaign",
                    id,
                    "--no-report");
            assertEquals(0, run.exitCode(), run.all());
            db = runs.resolve(id).resolve("events.db");
            if (LiveCampaign.read(db).stream().anyMatch(e -> e.event() instanceof CandidatePromoted)) {
                return;
            }
        }
        throw new AssertionError("no seed from 1 to 12 gave a promotion");
    }

    @Test
    void runReportsTransferToTheHeldOutEnvironmentsAndItReplays() throws IOException {
        String summary = Files.readString(db.resolveSibling("summary.txt"));
        assertTrue(summary.contains("transfer to held-out environments (transfer-1"), summary);
        assertTrue(summary.contains("  lists.mean: "), summary);
        assertTrue(summary.contains("  par(seq(arith.add,nt.digit-sum),units.roman): "), summary);
        assertTrue(run.out().contains("transfer to held-out environments"), run.out());
        Cli replay = Cli.run("replay", id(), "--runs-dir", runs.toString(), "--strict");
        assertEquals(0, replay.exitCode(), replay.all());
    }

    @Test
    void ablateAndTransferPrintJsonAndARerunWritesNothing() {
        Cli ablate = Cli.run("ablate", id(), "--runs-dir", runs.toString(), "--json");
        assertEquals(0, ablate.exitCode(), ablate.all());
        assertTrue(ablate.out().contains("\"kind\" : \"ablate\""), ablate.out());
        assertTrue(ablate.out().contains("\"pruningCandidate\""), ablate.out());
        assertTrue(ablate.err().contains("starting ablate-1"), ablate.err());
        Cli transfer = Cli.run("transfer", id(), "--runs-dir", runs.toString(), "--envs", "lists.sum,lists.rotate");
        assertEquals(0, transfer.exitCode(), transfer.all());
        assertTrue(transfer.out().contains("lists.sum") && transfer.out().contains("lists.rotate"), transfer.out());
        long after = LiveCampaign.read(db).size();
        Cli again = Cli.run("ablate", id(), "--runs-dir", runs.toString(), "--json");
        assertEquals(ablate.out(), again.out());
        assertEquals(after, LiveCampaign.read(db).size(), "a rerun of a finished ablation writes nothing");
        List<String> kinds = LiveCampaign.read(db).stream()
                .map(RecordedEvent::event)
                .filter(AuditStarted.class::isInstance)
                .map(e -> ((AuditStarted) e).kind())
                .toList();
        assertTrue(kinds.containsAll(List.of("transfer", "ablate")), kinds.toString());
    }

    @Test
    void badArgumentsAreExit2WithNothingWritten() throws IOException {
        long before = LiveCampaign.read(db).size();
        Cli version = Cli.run("ablate", id(), "zzzz", "--runs-dir", runs.toString());
        Cli env = Cli.run("transfer", id(), "--envs", "arith.addd", "--runs-dir", runs.toString());
        Cli twice = Cli.run("transfer", id(), "--envs", "lists.sort,lists.sort", "--runs-dir", runs.toString());
        Path bad = Files.writeString(
                runs.resolve("bad.yaml"), LiveCampaign.config(1) + "holdout-environments: [units.roman]\n");
        Cli config = Cli.run(
                "run",
                "--config",
                bad.toString(),
                "--models",
                runs.resolve("inputs/models.yaml").toString(),
                "--runs-dir",
                runs.toString(),
                "--campaign",
                "bad");

        assertEquals(2, version.exitCode(), version.all());
        assertTrue(version.err().contains("unknown version 'zzzz'"), version.err());
        assertEquals(2, env.exitCode(), env.all());
        assertTrue(env.err().contains("--envs: unknown environment 'arith.addd'"), env.err());
        assertEquals(2, twice.exitCode(), twice.all());
        assertEquals(2, config.exitCode(), config.all());
        assertTrue(
                config.err().contains("bad.yaml:15: holdout-environments: units.roman is also among environments"),
                config.err());
        assertEquals(before, LiveCampaign.read(db).size(), "nothing written");
        assertTrue(Files.notExists(runs.resolve("bad")), "no campaign folder for a bad config");
    }

    private static String id() {
        return db.getParent().getFileName().toString();
    }
}
