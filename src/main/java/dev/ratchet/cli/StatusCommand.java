package dev.ratchet.cli;

import dev.ratchet.log.ChainVerifier;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.projection.CampaignState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
            "The state is a pure fold of the campaign's log; the same read verifies every link of its hash chain (exit 1 when one is broken; `ratchet verify` adds SQLite's integrity check and names what is wrong). Without an argument, prints one line per campaign under runs/ (or $RATCHET_RUNS)."
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
        boolean broken = false;
        if (campaign == null) {
            List<String> ids = Campaigns.list(runsDir.path);
            if (ids.isEmpty()) {
                out.println("no campaigns under " + runsDir.path + " (start one with `ratchet run`)");
            }
            for (String id : ids) {
                Folded f = fold(runsDir.logFile(id));
                CampaignState s = f.state();
                broken |= !f.chain().ok();
                out.printf(
                        Locale.ROOT,
                        "%-32s %-8s iteration %d  library %s  promotions %d%s%n",
                        id,
                        label(s),
                        s.iteration(),
                        s.libraryVersion(),
                        s.counts().promotions(),
                        f.chain().ok()
                                ? ""
                                : "  chain BROKEN at seq "
                                        + f.chain().problem().get().seq());
            }
        } else {
            Folded f = fold(runsDir.logFile(campaign));
            broken = !f.chain().ok();
            print(out, f.state());
            out.printf(Locale.ROOT, "chain      %s%n", chain(f.chain()));
        }
        out.flush();
        return broken ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** A campaign's folded state, and the verdict on its chain from the same read. */
    record Folded(CampaignState state, ChainVerifier.Report chain) {}

    /** Folds the log and verifies every link in one read: the chain costs little beside the fold. */
    static Folded fold(Path dbFile) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(dbFile)) {
            CampaignState[] state = {CampaignState.initial()};
            ChainVerifier.Report chain =
                    ChainVerifier.verifyWhile(log.read(EventQuery.all()), e -> state[0] = state[0].evolve(e.event()));
            return new Folded(state[0], chain);
        }
    }

    private static String chain(ChainVerifier.Report r) {
        return r.problem()
                .map(p -> "BROKEN at seq " + p.seq() + ": " + p.what() + " (details: ratchet verify)")
                .orElse("ok, " + r.count() + " events, head " + r.headHash());
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
                "proposals  %d edits, %d failed (no usable edit), %d rejected by the static gate;"
                        + " %d gate decisions: %d promoted, %d discarded%n",
                c.proposals(),
                c.proposalFailures(),
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
