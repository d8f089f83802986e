package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.LoopState;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.model.Sleeper;
import dev.ratchet.projection.AuditTrail;
import dev.ratchet.projection.Fold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A recorded campaign opened for an audit command: first read, to check the arguments against its
 * folded state with nothing opened for writing; then, only when there is something to do, rebuilt
 * from its {@code campaign.started} (config and models as recorded, never as the files are now) and
 * opened under the writer lock.
 */
final class AuditSession {

    private final Path db;
    private final String id;
    private final RecordedCampaign recorded;
    private final LoopState state;

    private AuditSession(Path db, String id, RecordedCampaign recorded, LoopState state) {
        this.db = db;
        this.id = id;
        this.recorded = recorded;
        this.state = state;
    }

    static AuditSession read(RunsDir runsDir, String campaign) {
        Path db = runsDir.logFile(campaign);
        RecordedCampaign recorded = RecordedCampaign.read(db);
        LoopState state = LoopState.initial();
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            for (RecordedEvent e : (Iterable<RecordedEvent>) events::iterator) {
                state = state.evolve(e.event());
            }
        }
        return new AuditSession(
                db, db.toAbsolutePath().getParent().getFileName().toString(), recorded, state);
    }

    LoopState state() {
        return state;
    }

    CampaignConfig config() {
        return recorded.snapshot().config();
    }

    /** Opens the log for writing and the campaign's models, and runs {@code work} on its auditor. */
    <T> T write(Host host, RunsDir runsDir, ProjectPaths paths, PrintWriter err, Function<Auditor, T> work) {
        Progress progress = new Progress(err, host.clock(), System.console() != null);
        try (CampaignSetup setup = CampaignSetup.live(
                        config(),
                        recorded.snapshot().models(),
                        paths.catalog(config()),
                        recorded.startLibrary(paths, err),
                        host.env(),
                        host.clock(),
                        Sleeper.system(),
                        Optional.of(runsDir.responseCache(id)),
                        notice -> err.println("ratchet: " + notice));
                EventLog log = SqliteEventLog.open(db, SqliteOptions.defaults(), host.clock())) {
            if (setup.world().isPresent()) {
                err.println("models: simulated world (a deterministic simulator, not a real model)");
            }
            T result = work.apply(setup.auditor(log, id, progress));
            progress.endLine();
            return result;
        }
    }

    /** The campaign's audits and rollbacks as the log now holds them. */
    AuditTrail trail() {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            Fold<AuditTrail> trail = AuditTrail.fold();
            events.forEach(e -> trail.accept(e.event()));
            return trail.result();
        }
    }
}
