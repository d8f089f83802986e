package dev.ratchet.cli;

import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** What resume and replay need from a recorded campaign's first events. */
record RecordedCampaign(
        CampaignStarted started, CampaignSnapshot snapshot, LibrarySnapshotted firstSnapshot, String source) {

    static RecordedCampaign read(Path db) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db)) {
            return read(log, db.toString());
        }
    }

    static RecordedCampaign read(dev.ratchet.log.EventLog log, String source) {
        CampaignStarted started = null;
        LibrarySnapshotted first = null;
        try (Stream<RecordedEvent> events =
                log.read(EventQuery.all().types(Set.of("campaign.started", "library.snapshotted")))) {
            for (RecordedEvent e : (Iterable<RecordedEvent>) events::iterator) {
                if (e.event() instanceof CampaignStarted s && started == null) {
                    started = s;
                } else if (e.event() instanceof LibrarySnapshotted l && first == null) {
                    first = l;
                }
            }
        }
        if (started == null) {
            throw new UsageException(source + ": not a campaign log (it has no campaign.started event)");
        }
        return new RecordedCampaign(started, CampaignSnapshot.fromJson(started.config(), source), first, source);
    }

    /**
     * The starting library: from the log when it got that far, else from disk, checked against the
     * version the campaign recorded so that a resume never starts from different skills.
     */
    Library startLibrary(ProjectPaths paths, PrintWriter err) {
        if (firstSnapshot != null) {
            return LibrarySnapshots.library(firstSnapshot);
        }
        Library disk = paths.library(err);
        if (!disk.version().equals(started.libraryVersion())) {
            throw new UsageException(source + ": the campaign started from library " + started.libraryVersion()
                    + " but " + paths.skillsDir() + " and " + paths.prompts + " now hold " + disk.version()
                    + "; restore them to resume");
        }
        return disk;
    }
}
