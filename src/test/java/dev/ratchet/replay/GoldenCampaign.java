package dev.ratchet.replay;

import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.suite.Suite;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A recorded campaign with what replay rebuilds it from, as {@code ratchet replay} does: the
 * configuration its {@code campaign.started} recorded, its first library snapshot, and the
 * built-in environments plus the suites it names (read from {@code evalDir}).
 */
record GoldenCampaign(EventLog log, CampaignSnapshot snapshot, EnvironmentCatalog catalog, Library start) {

    static final Path DIR = Path.of("src", "test", "resources", "golden", "replays");

    static GoldenCampaign of(EventLog log, Path evalDir) {
        CampaignStarted started = (CampaignStarted) first(log, "campaign.started");
        CampaignSnapshot snapshot = CampaignSnapshot.fromJson(started.config(), started.campaignId());
        List<Suite> suites = snapshot.config().suites().stream()
                .map(CampaignConfig.SuiteShare::name)
                .map(name -> Suite.load(evalDir.resolve(name + ".jsonl")))
                .toList();
        Library start = LibrarySnapshots.library((LibrarySnapshotted) first(log, "library.snapshotted"));
        return new GoldenCampaign(log, snapshot, EnvironmentCatalog.builtIn().withSuites(suites), start);
    }

    /** A golden file, loaded (its hashes checked) with its inputs. */
    static GoldenCampaign load(String name) {
        return of(GoldenLog.load(DIR.resolve(name + ".jsonl")), DIR.resolve("eval"));
    }

    ReplayOutcome replay() {
        return replay(e -> {});
    }

    ReplayOutcome replay(Consumer<Event> listener) {
        return StrictReplay.replay(log, snapshot, catalog, start, listener::accept);
    }

    List<RecordedEvent> events() {
        try (Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            return events.toList();
        }
    }

    private static Event first(EventLog log, String type) {
        try (Stream<RecordedEvent> events = log.read(EventQuery.all().types(java.util.Set.of(type)))) {
            return events.findFirst()
                    .orElseThrow(() -> new AssertionError("the log has no " + type))
                    .event();
        }
    }
}
