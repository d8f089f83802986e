package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.NewEvent;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.projection.SyntheticCampaign;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private Path log() {
        Path db = dir.resolve("night/events.db");
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (SqliteEventLog log = SqliteEventLog.open(db, SqliteOptions.defaults(), clock)) {
            log.append(
                    SyntheticCampaign.ID,
                    0,
                    SyntheticCampaign.events().stream().map(NewEvent::of).toList());
        }
        return db;
    }

    @Test
    void aFailingVerifyPrintsNothingReassuringFirst() {
        Path db = log();
        String head = Cli.run("verify", db.toString()).out().replaceAll("(?s).*head hash: ([0-9a-f]{64}).*", "$1");

        Cli wrong = Cli.run("verify", db.toString(), "--expect-head", "0".repeat(64));

        assertEquals(ExitCodes.CHECK_FAILED, wrong.exitCode());
        assertEquals("", wrong.out(), "no 'ok' before the failure");
        assertTrue(wrong.err().contains("differs from the expected"), wrong.err());
        Cli right = Cli.run("verify", db.toString(), "--expect-head", head);
        assertEquals(ExitCodes.OK, right.exitCode(), right.all());
        assertTrue(right.out().startsWith("ok: "), right.out());
    }
}
