package dev.ratchet.cli;

import dev.ratchet.projection.Decision;
import dev.ratchet.projection.DecisionEvidence;
import dev.ratchet.projection.Fold;
import dev.ratchet.report.CampaignView;
import dev.ratchet.report.EvidenceText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratchet show}: the full evidence behind one decision. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the full evidence of one decision, item by item.",
            "For each probe item: its flip, and the baseline's and each candidate's episodes with the model calls behind them (task and answer)."
        })
public final class ShowCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "CAMPAIGN",
            description = "A campaign id (runs/<id>/events.db) or a path to an events.db.")
    String campaign;

    @Parameters(
            index = "1",
            paramLabel = "DECISION",
            description = "An iteration number (all its candidates) or a candidate id.")
    String decision;

    @Option(names = "--full", description = "Print every message of every call, the system prompt included.")
    boolean full;

    @Option(names = "--item", paramLabel = "INSTANCE", description = "Only this probe item (an instance id).")
    String item;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Spec
    CommandSpec spec;

    private final EventLogOpener opener;

    public ShowCommand() {
        this(EventLogOpener.DEFAULT);
    }

    ShowCommand(EventLogOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        Fold<Optional<DecisionEvidence>> fold = DecisionEvidence.fold(decision);
        CampaignView view = opener.view(runsDir.logFile(campaign), fold);
        DecisionEvidence evidence = fold.result().orElseThrow(() -> unknown(view));
        List<Decision> decisions = decision.matches("\\d{1,9}")
                ? view.history().iteration(evidence.iteration())
                : view.history().candidate(decision).stream().toList();
        if (item != null
                && (evidence.probe() == null
                        || evidence.probe().items().stream()
                                .noneMatch(i -> i.instanceId().equals(item)))) {
            throw new UsageException(
                    "--item " + item + ": not an item of the probe of iteration " + evidence.iteration());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(new EvidenceText(full, item).render(view.overview(), decisions, evidence));
        out.flush();
        return ExitCodes.OK;
    }

    private UsageException unknown(CampaignView view) {
        String example = view.history().decisions().stream()
                .map(Decision::candidateId)
                .filter(id -> id != null)
                .findFirst()
                .map(id -> " such as " + id)
                .orElse("");
        return new UsageException("no decision '" + decision + "' in campaign "
                + view.overview().campaignId() + ": give an iteration number (1-"
                + view.overview().iterations() + ") or a candidate id" + example);
    }
}
