package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.campaign.HeldOut;
import dev.ratchet.campaign.LoopState;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.event.AuditStarted;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ratchet transfer}: the final library against the initial one on environments never trained on. */
@Command(
        name = "transfer",
        mixinStandardHelpOptions = true,
        description = {
            "Measures how a campaign's gain transfers to environments it never trained on.",
            "The final library (the campaign's current one) runs against its initial library on each environment,"
                    + " paired per item, on fresh items, under the gate's sequential test both ways at the gate's"
                    + " alpha divided by the number of environments. Prints each environment's gain with its 95%%"
                    + " interval and their mean (whose interval, the mean of theirs, holds whenever all of theirs"
                    + " do).",
            "Environments: --envs, else the config's holdout-environments, else three built-in base environments"
                    + " none of the campaign's environments uses (drawn with the campaign seed) and a PARALLEL of"
                    + " its two deepest non-parallel environments, one level deeper than anything it trained on.",
            "Appended to the campaign's log like a re-check (audit.started, audit.compared, audit.finished); the"
                    + " same command resumes an interrupted measurement and prints a finished one without writing"
                    + " (--again measures once more on new items)."
        })
final class TransferCommand implements Callable<Integer> {

    @Mixin
    AuditCampaign campaign;

    @Option(
            names = "--envs",
            paramLabel = "SPEC",
            description = "Environment ids separated by commas (a composite's own commas stay with it), e.g."
                    + " 'arith.subtract,par(seq(arith.add,nt.digit-sum),units.roman)'.")
    String envs;

    @Option(names = "--again", description = "Measure again on new items even if this measurement already finished.")
    boolean again;

    @Option(names = "--json", description = "Print the result as JSON: every environment's gain as fractions.")
    boolean json;

    @Override
    public Integer call() {
        AuditSession session = campaign.read();
        LoopState state = session.state();
        List<String> ids = environments(campaign.paths.catalog(session.config()), session);
        Auditor.Plan plan = Auditor.plan(
                state, AuditStarted.transfer("?", state.startVersion(), state.currentVersion(), ids), again);
        if (state.startVersion().equals(state.currentVersion())) {
            return campaign.nothingTo(
                    "the campaign's current library is its initial one: there is no gain to transfer");
        }
        return campaign.runAndPrint(
                session,
                plan,
                state.currentVersion() + " against " + state.startVersion() + " on " + String.join(", ", ids),
                json ? audit -> AuditJson.write(AuditTables.json(audit)) : AuditTables::render);
    }

    private List<String> environments(EnvironmentCatalog catalog, AuditSession session) {
        if (envs == null) {
            return HeldOut.environments(session.config(), catalog);
        }
        List<String> ids = HeldOut.split(envs);
        if (ids.isEmpty()) {
            throw new UsageException("--envs: no environment id in '" + envs + "'");
        }
        if (ids.stream().distinct().count() < ids.size()) {
            throw new UsageException("--envs: an environment is named twice in '" + envs + "'");
        }
        for (String id : ids) {
            try {
                catalog.resolve(id);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--envs: " + e.getMessage());
            }
        }
        // Canonical ids, as the environments name themselves, so one set is one audit however it was typed.
        return ids.stream().map(id -> catalog.resolve(id).id()).toList();
    }
}
