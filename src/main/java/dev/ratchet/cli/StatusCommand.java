package dev.ratchet.cli;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.projection.CampaignState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Shows a campaign's state: status, library version, counts, spend.",
            "The state is a pure fold of the campaign's log. Without an argument, prints one line per campaign under runs/ (or $RATCHET_RUNS)."
        })
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "<campaign|path>",
            description = "Campaign id under runs/, or a path to an events.db.")
    String campaign;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (campaign == null) {
            List<String> ids = Campaigns.list(runsDir.path);
            if (ids.isEmpty()) {
                out.println("no campaigns under " + runsDir.path + " (start one with `ratchet run`)");
            }
            for (String id : ids) {
                CampaignState s = fold(runsDir.logFile(id));
                out.printf(
                        Locale.ROOT,
                        "%-32s %-8s iteration %d  library %s  promotions %d%n",
                        id,
                        label(s),
                        s.iteration(),
                        s.libraryVersion(),
                        s.counts().promotions());
            }
        } else {
            print(out, fold(runsDir.logFile(campaign)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static CampaignState fold(Path dbFile) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(dbFile);
                Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            CampaignState[] state = {CampaignState.initial()};
            events.forEach(e -> state[0] = state[0].evolve(e.event()));
            return state[0];
        }
    }

    private static String label(CampaignState s) {
        return s.stopReason() == null ? s.status() : s.status() + " (" + s.stopReason() + ")";
    }

    private static void print(PrintWriter out, CampaignState s) {
        CampaignState.Counts c = s.counts();
        CampaignState.Spend p = s.spend();
        out.printf(Locale.ROOT, "campaign   %s (config %s, seed %d)%n", s.campaignId(), s.configName(), s.seed());
        out.printf(Locale.ROOT, "status     %s%n", label(s));
        out.printf(Locale.ROOT, "iteration  %d, library version %s%n", s.iteration(), s.libraryVersion());
        out.printf(
                Locale.ROOT,
                "episodes   %d (%d passed, %d infrastructure failures)%n",
                c.episodes(),
                c.passed(),
                c.infra());
        out.printf(
                Locale.ROOT,
                "proposals  %d (%d rejected by the static gate), %d gate decisions: %d promoted, %d discarded%n",
                c.proposals(),
                c.staticRejections(),
                c.decisions(),
                c.promotions(),
                c.discards());
        out.printf(
                Locale.ROOT,
                "spend      %d model calls (%d failed), %d tokens in, %d out, $%.4f, %.1f s of model latency%n",
                p.calls(),
                p.failedCalls(),
                p.inputTokens(),
                p.outputTokens(),
                p.costUsd(),
                p.latencyMillis() / 1000.0);
    }
}
