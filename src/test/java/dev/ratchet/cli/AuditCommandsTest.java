package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.EpisodeScored;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recheck, bisect and rollback on a small simulated campaign, through the command line. */
class AuditCommandsTest {

    @TempDir
    static Path runs;

    private static Path db;

    /** The first of a fixed list of seeds whose small campaign promoted something: deterministic. */
    @BeforeAll
    static void runASmallCampaignThatPromotes() throws java.io.IOException {
        for (long seed = 1; seed <= 12; seed++) {
            Path folder = runs.resolve("small");
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> deleteRecursively(folder));
            db = folder.resolve("events.db");
            java.nio.file.Files.createDirectories(folder);
            LiveCampaign.in(runs.resolve("inputs"), LiveCampaign.config(seed)).run(db, "small", e -> {});
            if (LiveCampaign.read(db).stream().anyMatch(e -> e.event() instanceof CandidatePromoted)) {
                return;
            }
        }
        throw new AssertionError("no seed from 1 to 12 gave a promotion");
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (java.nio.file.Files.exists(folder)) {
            try (var paths = java.nio.file.Files.walk(folder)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    @Test
    void badArgumentsAreExit2WithNothingWritten() {
        long before = LiveCampaign.read(db).size();
        Cli unknown = Cli.run("bisect", "small", "--runs-dir", runs.toString(), "--good", "initial", "--bad", "zzzz");
        Cli env = Cli.run(
                "bisect",
                "small",
                "--runs-dir",
                runs.toString(),
                "--good",
                "initial",
                "--bad",
                "current",
                "--env",
                "x");
        Cli noReason = Cli.run("rollback", "small", "initial", "--runs-dir", runs.toString());
        Cli same = Cli.run("rollback", "small", "current", "--reason", "r", "--runs-dir", runs.toString());

        assertEquals(2, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("unknown version 'zzzz'"), unknown.err());
        assertEquals(2, env.exitCode(), env.all());
        assertTrue(env.err().contains("--env x: not one of the campaign's environments"), env.err());
        assertEquals(2, noReason.exitCode(), noReason.all());
        assertEquals(2, same.exitCode(), same.all());
        assertEquals(before, LiveCampaign.read(db).size(), "nothing written");
    }

    @Test
    void aRecheckDrawsItemsTheCampaignNeverUsedAndARerunWritesNothingAndItReplays() {
        Cli first = Cli.run("recheck", "small", "--runs-dir", runs.toString(), "--json");
        assertEquals(0, first.exitCode(), first.all());
        List<RecordedEvent> after = LiveCampaign.read(db);
        Cli again = Cli.run("recheck", "small", "--runs-dir", runs.toString(), "--json");

        assertEquals(first.out(), again.out());
        assertEquals(after.size(), LiveCampaign.read(db).size(), "a rerun of a finished recheck writes nothing");
        Set<String> campaignItems = instances(after, false);
        Set<String> auditItems = instances(after, true);
        assertTrue(auditItems.size() > 100, "the recheck ran: " + auditItems.size());
        assertTrue(auditItems.stream().noneMatch(campaignItems::contains), "fresh items only");
        Cli replay = Cli.run("replay", "small", "--runs-dir", runs.toString(), "--strict");
        assertEquals(0, replay.exitCode(), replay.all());
    }

    private static Set<String> instances(List<RecordedEvent> events, boolean audit) {
        return events.stream()
                .map(RecordedEvent::event)
                .filter(EpisodeScored.class::isInstance)
                .map(EpisodeScored.class::cast)
                .filter(e -> "audit".equals(e.split()) == audit)
                .map(EpisodeScored::instanceId)
                .collect(Collectors.toSet());
    }
}
