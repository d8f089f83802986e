package dev.ratchet.cli;

import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.skill.Library;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code ratchet run} is about to do, decided from the log before any file is written: start a
 * campaign, continue one, or only refresh the outputs of one that finished. A log that holds no
 * event at all was created by a run killed before it recorded {@code campaign.started}; it is
 * started afresh, by {@code --resume} or by running the same id again.
 */
final class RunPlan {

    /** Longer ids make folder names that some file systems refuse, after the runs folder is made. */
    static final int MAX_ID_LENGTH = 100;

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The campaign to run; {@code stopped} is present when its log says it already finished. */
    record Prepared(
            String id,
            Path db,
            CampaignSnapshot snapshot,
            EnvironmentCatalog catalog,
            Library start,
            boolean fresh,
            Optional<CampaignStopped> stopped) {

        Prepared {
            Objects.requireNonNull(stopped, "stopped");
        }

        Path folder() {
            Path parent = db.getParent();
            return parent != null ? parent : db.toAbsolutePath().getParent();
        }
    }

    private final RunsDir runsDir;
    private final ProjectPaths paths;
    private final ModelsFile modelsFile;
    private final Path config;
    private final PrintWriter err;

    /** {@code err} takes warnings and notes alike: standard output is left to the campaign's summary. */
    RunPlan(RunsDir runsDir, ProjectPaths paths, ModelsFile modelsFile, Path config, PrintWriter err) {
        this.runsDir = runsDir;
        this.paths = paths;
        this.modelsFile = modelsFile;
        this.config = config;
        this.err = err;
    }

    /** A new campaign from {@code --config}, as {@code campaignId} or a generated id. */
    Prepared fresh(String campaignId, Clock clock) {
        CampaignSnapshot snapshot = loadInputs();
        String id = campaignId != null ? campaignId : snapshot.config().name() + "-" + ID_TIME.format(clock.instant());
        checkId(id, campaignId != null);
        Path db = runsDir.path.resolve(id).resolve("events.db");
        if (Files.exists(db)) {
            if (!neverStarted(db)) {
                throw new UsageException("campaign " + id + " already exists in " + runsDir.path
                        + "; continue it with --resume " + id + " or choose another --campaign");
            }
            err.println(neverStartedNote(id));
        }
        return start(id, db, snapshot);
    }

    /** The campaign whose log {@code campaign} names, from its recorded configuration. */
    Prepared resume(String campaign, Clock clock) {
        Path db = runsDir.logFile(campaign);
        String id = db.toAbsolutePath().getParent().getFileName().toString();
        if (neverStarted(db)) {
            err.println(neverStartedNote(id));
            CampaignSnapshot snapshot = loadInputs();
            return start(id, db, snapshot);
        }
        RecordedCampaign recorded = RecordedCampaign.read(db);
        CampaignSnapshot snapshot = recorded.snapshot();
        return new Prepared(
                id,
                db,
                snapshot,
                paths.catalog(snapshot.config()),
                recorded.startLibrary(paths, err),
                false,
                stopped(db));
    }

    private Prepared start(String id, Path db, CampaignSnapshot snapshot) {
        return new Prepared(
                id, db, snapshot, paths.catalog(snapshot.config()), paths.library(err), true, Optional.empty());
    }

    private CampaignSnapshot loadInputs() {
        if (!Files.isRegularFile(config)) {
            throw new UsageException("no campaign config at " + config + " (give one with --config FILE)");
        }
        CampaignConfig campaign = CampaignConfigLoader.load(config);
        campaign.suiteReuseWarning().ifPresent(w -> err.println("warning: " + config + ": " + w));
        EnvironmentCatalog catalog = paths.catalog(campaign);
        CampaignConfigLoader.checkEntries(config, "holdout-environments", campaign.holdoutEnvironments(), id -> {
            try {
                catalog.resolve(id);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        });
        ModelConfigs models = modelsFile.models();
        models.get(campaign.models().agent());
        models.get(campaign.models().requiredProposer());
        return new CampaignSnapshot(campaign, models);
    }

    private String neverStartedNote(String id) {
        return "campaign " + id + " never started (its log holds no event: the run that created it stopped before"
                + " recording campaign.started); starting it now from " + config;
    }

    /** Refuses an id that is not a safe folder name, before anything is written. */
    static void checkId(String id, boolean given) {
        String shown = id.length() <= 40 ? id : id.substring(0, 37) + "...";
        if (id.length() > MAX_ID_LENGTH) {
            throw new UsageException((given ? "--campaign " : "campaign id ") + shown + ": " + id.length()
                    + " characters; an id may have at most " + MAX_ID_LENGTH
                    + (given ? "" : " (the config's name is long: give a shorter --campaign)"));
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UsageException("--campaign " + shown + ": use letters, digits, '.', '_' and '-' only");
        }
    }

    /** A log without a single event: created by a run that died before its first commit. */
    private static boolean neverStarted(Path db) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db)) {
            return log.head().isEmpty();
        }
    }

    private static Optional<CampaignStopped> stopped(Path db) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<RecordedEvent> events = log.read(EventQuery.all().types(Set.of("campaign.stopped")))) {
            return events.map(e -> (CampaignStopped) e.event()).findFirst();
        }
    }
}
