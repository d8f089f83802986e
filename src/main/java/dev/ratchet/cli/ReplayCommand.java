package dev.ratchet.cli;

import dev.ratchet.campaign.CampaignRunner;
import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.campaign.EpisodeRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.replay.Divergence;
import dev.ratchet.replay.ReplayOutcome;
import dev.ratchet.replay.StrictReplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-runs a campaign from its log and checks that it regenerates byte for byte.",
            "The campaign is rebuilt from the configuration its campaign.started recorded and re-run with models that"
                    + " answer only from the recorded calls: no network, no simulator, no weights. A call the log lacks,"
                    + " or a request that hashes differently, is a divergence. The regenerated events are compared"
                    + " with the recorded ones: exit 0 when identical, exit 1 naming the first divergent event (seq,"
                    + " type, differing fields). A log that ends without campaign.stopped (a provider stop, a kill)"
                    + " is compared up to its last event. The log is only read; progress goes to stderr."
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Mixin
    ProjectPaths paths = new ProjectPaths();

    @Parameters(
            index = "0",
            paramLabel = "<campaign|path>",
            description = "Campaign id under runs/, or a path to an events.db or its folder.")
    String campaign;

    @Option(
            names = "--strict",
            description = "Report only the first divergent event. Replay is always strict and stops there;"
                    + " without --strict the output also counts the events that matched before it.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path db = runsDir.logFile(campaign);
        Clock clock = Clock.systemUTC();
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db)) {
            RecordedCampaign recorded = RecordedCampaign.read(log, db.toString());
            CampaignSnapshot snapshot = recorded.snapshot();
            out.println("replaying " + db + " with models that answer only from its recorded calls"
                    + (simulated(snapshot) ? " (recorded on the simulated world; the simulator is not run)" : ""));
            out.flush();
            Progress progress = new Progress(err, clock, System.console() != null);
            progress.iteration(0, snapshot.config().iterations());
            boolean[] stopped = {false};
            long startNanos = System.nanoTime();
            ReplayOutcome outcome = StrictReplay.replay(
                    log,
                    snapshot,
                    paths.catalog(snapshot.config()),
                    recorded.startLibrary(paths, err),
                    new CampaignRunner.Listener() {
                        @Override
                        public void accept(Event e) {
                            stopped[0] |= e instanceof CampaignStopped;
                            progress.accept(e);
                        }

                        @Override
                        public void episodesPlanned(List<EpisodeRequest> requests) {
                            progress.episodesPlanned(requests);
                        }
                    });
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            if (!stopped[0]) {
                progress.finish("replay ended after " + outcome.regenerated() + " events");
            }
            return report(out, outcome, took);
        }
    }

    private int report(PrintWriter out, ReplayOutcome outcome, Duration took) {
        if (outcome.divergence().isPresent()) {
            Divergence d = outcome.divergence().get();
            if (!strict) {
                out.println("matched " + outcome.matched() + " of " + outcome.recorded()
                        + " recorded events before the divergence (" + outcome.regenerated() + " regenerated)");
                out.flush();
            }
            throw new CheckFailedException("replay diverged: " + d.describe());
        }
        out.println("identical: " + outcome.regenerated() + " of " + outcome.recorded()
                + " recorded events regenerated byte for byte");
        out.println("head hash: " + outcome.headHash() + " (seq " + outcome.regenerated() + ")");
        out.println(outcome.ending());
        out.println("time: replay " + seconds(took) + ", the campaign "
                + outcome.campaignDuration().map(ReplayCommand::seconds).orElse("unknown")
                + " (first to last recorded event)");
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean simulated(CampaignSnapshot snapshot) {
        return snapshot.models().models().values().stream()
                .anyMatch(m -> m.provider() == ModelConfig.Provider.SIMULATED);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
