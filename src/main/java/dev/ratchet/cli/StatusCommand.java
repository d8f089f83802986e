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
            "The state is a pure fold of the campaign's log; the same read verifies every link of its hash chain and decodes every event (exit 1 naming the first bad seq; `ratchet verify` adds SQLite's integrity check)."
                    + " A campaign without campaign.stopped is running while a process holds its writer lock"
                    + " (events.db.lock), and interrupted otherwise (killed, or stopped by its provider): then the"
                    + " command that continues it is printed. Without an argument, prints one line per campaign under"
                    + " runs/ (or $RATCHET_RUNS)."
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
                Path db = runsDir.logFile(id);
                Folded f = fold(db);
                CampaignState s = f.state();
                broken |= !f.chain().ok();
                Activity activity = Activity.of(s, db);
                out.printf(
                        Locale.ROOT,
                        "%-32s %-8s iteration %d  library %s  promotions %d%s%s%n",
                        id,
                        label(s, activity),
                        s.iteration(),
                        s.libraryVersion(),
                        s.counts().promotions(),
                        f.chain().ok()
                                ? ""
                                : "  chain BROKEN at seq "
                                        + f.chain().problem().get().seq(),
                        activity.resumable() && f.chain().ok()
                                ? "  (continue: " + runsDir.resumeCommand(db) + ")"
                                : "");
            }
        } else {
            Path db = runsDir.logFile(campaign);
            Folded f = fold(db);
            broken = !f.chain().ok();
            Activity activity = Activity.of(f.state(), db);
            print(out, f.state(), activity);
            out.printf(Locale.ROOT, "chain      %s%n", chain(f.chain()));
            if (activity.resumable() && f.chain().ok()) {
                out.println("continue   " + runsDir.resumeCommand(db));
            }
        }
        out.flush();
        return broken ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** A campaign's folded state, and the verdict on its chain from the same read. */
    record Folded(CampaignState state, ChainVerifier.Report chain) {}

    /**
     * Folds the log and verifies every link in one read: the chain costs little beside the fold.
     * Each event is decoded once, by the verifier, so an undecodable payload is a broken link at its
     * seq rather than a failure of the fold.
     */
    static Folded fold(Path dbFile) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(dbFile)) {
            CampaignState[] state = {CampaignState.initial()};
            ChainVerifier.Report chain =
                    ChainVerifier.decodeWhile(log.read(EventQuery.all()), (r, e) -> state[0] = state[0].evolve(e));
            return new Folded(state[0], chain);
        }
    }

    /**
     * What a campaign is doing now. The log says whether it stopped; only the writer lock can say
     * whether a campaign without a stop is still being written or was killed (or stopped by its
     * provider), since the OS releases the lock when its holder dies.
     */
    enum Activity {
        NEVER_STARTED("never started", true),
        RUNNING("running", false),
        INTERRUPTED("interrupted", true),
        STOPPED("stopped", false);

        private final String label;
        private final boolean resumable;

        Activity(String label, boolean resumable) {
            this.label = label;
            this.resumable = resumable;
        }

        static Activity of(CampaignState s, Path dbFile) {
            if (s.stopReason() != null) {
                return STOPPED;
            }
            if (SqliteEventLog.writerActive(dbFile)) {
                return RUNNING;
            }
            return s.campaignId() == null ? NEVER_STARTED : INTERRUPTED;
        }

        boolean resumable() {
            return resumable;
        }
    }

    private static String chain(ChainVerifier.Report r) {
        return r.problem()
                .map(p -> "BROKEN at seq " + p.seq() + ": " + p.what() + " (details: ratchet verify)")
                .orElse("ok, " + r.count() + " events, head " + r.headHash());
    }

    private static String label(CampaignState s, Activity activity) {
        return activity == Activity.STOPPED ? "stopped (" + s.stopReason() + ")" : activity.label;
    }

    private static void print(PrintWriter out, CampaignState s, Activity activity) {
        CampaignState.Counts c = s.counts();
        CampaignState.Spend p = s.spend();
        if (activity == Activity.NEVER_STARTED) {
            out.println("campaign   (none: the run was interrupted before it recorded campaign.started)");
        } else {
            out.printf(Locale.ROOT, "campaign   %s (config %s, seed %d)%n", s.campaignId(), s.configName(), s.seed());
        }
        out.printf(Locale.ROOT, "status     %s%n", label(s, activity));
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
