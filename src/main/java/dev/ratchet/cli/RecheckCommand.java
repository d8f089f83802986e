package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.report.AuditText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ratchet recheck}: every promotion of a finished campaign measured again on fresh items. */
@Command(
        name = "recheck",
        mixinStandardHelpOptions = true,
        description = {
            "Re-measures every promotion of a finished campaign on fresh items.",
            "Each promoted version runs against the version it was promoted from, paired per item, on items no"
                    + " step of the campaign (and no earlier audit) drew, under the gate's sequential test both ways,"
                    + " at the gate's alpha divided by the number of promotions. Prints, per promotion, the gain"
                    + " its gate claimed beside the gain measured now, each with its 95%% interval, and flags a"
                    + " promotion measured worse than its predecessor with confidence.",
            "Every episode and result is appended to the campaign's log (audit.started, audit.compared,"
                    + " audit.finished), so replay regenerates it. Killed, the same command finishes it without"
                    + " repeating anything; run again after it finished, it prints the recorded result and writes"
                    + " nothing (--again measures once more, on new items)."
        })
final class RecheckCommand implements Callable<Integer> {

    @Mixin
    AuditCampaign campaign;

    @Option(names = "--again", description = "Measure again on new items even if a re-check already finished.")
    boolean again;

    @Option(names = "--json", description = "Print the result as JSON: every comparison's gains as fractions.")
    boolean json;

    @Override
    public Integer call() {
        AuditSession session = campaign.read();
        Auditor.Plan plan = Auditor.plan(session.state(), AuditStarted.RECHECK, null, null, null, again);
        int promotions = session.state().audits().promotions().size();
        if (promotions == 0) {
            return campaign.nothingTo("the campaign promoted nothing: there is nothing to re-check");
        }
        return campaign.runAndPrint(
                session,
                plan,
                promotions + " promotions to re-measure",
                json ? audit -> AuditJson.write(AuditText.json(audit)) : AuditText::render);
    }
}
