package dev.ratchet.cli;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.projection.Fold;
import dev.ratchet.report.CampaignView;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Opens a campaign's event log for reading. The audit commands take one so that tests can hand
 * them an in-memory log; {@link #DEFAULT} is the on-disk log.
 */
@FunctionalInterface
interface EventLogOpener {

    /** The on-disk log, read-only: auditing never takes the writer lock. */
    EventLogOpener DEFAULT = SqliteEventLog::openReadOnly;

    EventLog open(Path dbFile);

    /** Reads the whole campaign at {@code dbFile}, feeding every event to {@code folds} as well. */
    default CampaignView view(Path dbFile, Fold<?>... folds) {
        try (EventLog log = open(dbFile)) {
            CampaignView view = CampaignView.read(log, folds);
            if (view.overview().campaignId() == null) {
                throw new UsageException(dbFile + ": not a campaign log (it has no campaign.started event)");
            }
            return view;
        }
    }

    /**
     * The events.db of {@code campaign}: a path to an events.db file, a campaign folder holding one,
     * or a campaign id, looked up as {@code <runsDir>/<id>/events.db}.
     *
     * @throws UsageException naming both places looked at when neither exists
     */
    /** Whether the file starts with SQLite's header, or is empty (which SQLite opens as a new database). */
    private static boolean isSqlite(Path file) {
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return head.length == 0 || java.util.Arrays.equals(head, magic);
        } catch (java.io.IOException e) {
            return true; // let the open report what is wrong with it
        }
    }

    static Path locate(String campaign, Path runsDir) {
        try {
            Path given = Path.of(campaign);
            if (Files.isRegularFile(given)) {
                if (!given.getFileName().toString().equals("events.db") && !isSqlite(given)) {
                    // A file named by hand that is no database at all is a wrong argument, not a damaged log.
                    throw new UsageException(given + ": not a campaign log (not an SQLite database); give a campaign"
                            + " id under " + runsDir + "/ or the path to an events.db");
                }
                return given;
            }
            if (Files.isRegularFile(given.resolve("events.db"))) {
                return given.resolve("events.db");
            }
            Path byId = runsDir.resolve(campaign).resolve("events.db");
            if (Files.isRegularFile(byId)) {
                return byId;
            }
            throw new UsageException("no campaign log for '" + campaign + "': neither " + byId + " nor a file " + given
                    + " exists (give a campaign id under " + runsDir + "/ or the path to an events.db)");
        } catch (InvalidPathException e) {
            throw new UsageException("'" + campaign + "' is neither a campaign id nor a path: " + e.getMessage(), e);
        }
    }
}
