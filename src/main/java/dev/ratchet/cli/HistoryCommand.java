package dev.ratchet.cli;

import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.projection.AuditTrail;
import dev.ratchet.projection.Fold;
import dev.ratchet.report.AuditText;
import dev.ratchet.report.CampaignView;
import dev.ratchet.report.HistoryText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratchet history}: the promotion timeline of a campaign. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the promotion timeline of a campaign.",
            "For each decision: the candidate, its edit, fixes, regressions, flaky items, net gain, regression budget, test result, confirm delta and the iteration's cost."
        })
public final class HistoryCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "CAMPAIGN",
            description = "A campaign id (runs/<id>/events.db) or a path to an events.db.")
    String campaign;

    @Option(names = "--json", description = "Print the timeline as JSON, every field of every decision.")
    boolean json;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Spec
    CommandSpec spec;

    private final EventLogOpener opener;

    public HistoryCommand() {
        this(EventLogOpener.DEFAULT);
    }

    HistoryCommand(EventLogOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        Fold<AuditTrail> trail = AuditTrail.fold();
        CampaignView view = opener.view(runsDir.logFile(campaign), trail);
        PrintWriter out = spec.commandLine().getOut();
        AuditTrail audits = trail.result();
        out.print(
                json
                        ? HistoryText.json(view)
                        : HistoryText.render(view)
                                + AuditText.trail(audits.only(AuditStarted.RECHECK, AuditStarted.BISECT))
                                + AuditTables.trail(audits.only(AuditStarted.ABLATE, AuditStarted.TRANSFER)));
        out.flush();
        return ExitCodes.OK;
    }
}
