package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.projection.AuditTrail;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the audit commands (recheck, bisect, ablate, transfer) share: the campaign they audit, where
 * its inputs are, the host they run on, and how an audit is run or resumed and then printed. Each
 * command keeps its own {@code --again} and {@code --json}, whose help says what its audit measures.
 */
final class AuditCampaign {

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "A campaign id, folder or events.db.")
    String name;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Mixin
    ProjectPaths paths = new ProjectPaths();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final Host host;

    // Built by Main's factory, like the other commands that read keys or time.
    AuditCampaign(Host host) {
        this.host = host;
    }

    /** The campaign as its log now holds it, opened for reading only. */
    AuditSession read() {
        return AuditSession.read(runsDir, name);
    }

    /** Prints why there is nothing to audit; that is an answer, not an error. */
    int nothingTo(String message) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(message);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Runs {@code plan}, saying on stderr whether it starts or resumes and what it covers ({@code
     * what}), unless it already finished; then prints the finished audit as {@code show} renders it.
     */
    int runAndPrint(AuditSession session, Auditor.Plan plan, String what, Function<AuditTrail.Audit, String> show) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!plan.finished()) {
            err.println(
                    (plan.start() ? "starting " : "resuming ") + plan.audit().audit() + ": " + what);
            session.write(host, runsDir, paths, err, auditor -> auditor.run(plan));
        }
        AuditTrail.Audit audit = session.trail().audit(plan.audit().audit()).orElseThrow();
        out.print(show.apply(audit));
        out.flush();
        return ExitCodes.OK;
    }
}
