package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.log.event.AuditStarted;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ratchet ablate}: what each learned part of a library contributes, left out one at a time. */
@Command(
        name = "ablate",
        mixinStandardHelpOptions = true,
        description = {
            "Measures what each learned skill and edited prompt section of a library contributes.",
            "A part is what the campaign changed from its starting library: a skill it added or rewrote, a"
                    + " section it added or edited. For each part in turn, the library without it (the skill"
                    + " removed or restored, the section restored) runs against the full library, paired per"
                    + " item, on fresh items of the campaign's mix that no step of the campaign and no other"
                    + " audit drew, under the gate's sequential test both ways at the gate's alpha divided by the"
                    + " number of parts. Prints the parts ranked by contribution, each with its 95%% interval, and"
                    + " marks as pruning candidates the parts whose removal was not shown to hurt.",
            "Every step is appended to the campaign's log (library.snapshotted for each library without a"
                    + " part, audit.started, audit.compared, audit.finished), so replay regenerates it. Killed,"
                    + " the same command finishes it without repeating anything; run again after it finished, it"
                    + " prints the recorded result and writes nothing (--again measures once more, on new items)."
        })
final class AblateCommand implements Callable<Integer> {

    @Mixin
    AuditCampaign campaign;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "VERSION",
            description = "The library to ablate: initial, current (the default), a promoted version or a unique"
                    + " prefix of at least four characters.")
    String version;

    @Option(names = "--again", description = "Measure again on new items even if this ablation already finished.")
    boolean again;

    @Option(names = "--json", description = "Print the result as JSON: every part's contribution as fractions.")
    boolean json;

    @Override
    public Integer call() {
        AuditSession session = campaign.read();
        String full = Auditor.resolve(session.state(), version == null ? "current" : version);
        Auditor.Plan plan = Auditor.plan(session.state(), AuditStarted.ablate("?", full), again);
        List<String> parts = Auditor.ablationParts(session.state(), full);
        if (parts.isEmpty()) {
            return campaign.nothingTo("version " + full + " holds nothing the campaign learned (it is the"
                    + " starting library's skills and sections): there is nothing to ablate");
        }
        return campaign.runAndPrint(
                session,
                plan,
                parts.size() + (parts.size() == 1 ? " part" : " parts") + " of " + full + " to leave out in turn: "
                        + String.join(", ", parts),
                json ? audit -> AuditJson.write(AuditTables.json(audit)) : AuditTables::render);
    }
}
