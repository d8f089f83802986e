package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.report.AuditText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ratchet bisect}: the promotion that first made an environment (or the mix) worse. */
@Command(
        name = "bisect",
        mixinStandardHelpOptions = true,
        description = {
            "Finds the promotion that first made an environment, or the whole mix, worse.",
            "Walks the promotion chain from --good to --bad, halving it with one paired, sequential comparison a"
                    + " step (is the middle version worse than the last good one, on fresh items?), and confirms the"
                    + " pair it ends on: at most ceil(log2 n) + 1 comparisons for n promotions. Versions are"
                    + " initial, current, a version or a unique prefix of at least four characters.",
            "Appended to the campaign's log like a re-check; the same command resumes an interrupted bisection"
                    + " and prints a finished one without writing (--again runs it once more on new items)."
        })
final class BisectCommand implements Callable<Integer> {

    @Mixin
    AuditCampaign campaign;

    @Option(names = "--good", required = true, paramLabel = "V1", description = "A version known to be good.")
    String good;

    @Option(names = "--bad", required = true, paramLabel = "V2", description = "A later version on its chain.")
    String bad;

    @Option(
            names = "--env",
            paramLabel = "E",
            description = "One of the campaign's environments to judge on (default: the whole mix).")
    String env;

    @Option(names = "--again", description = "Bisect again on new items even if this bisection already finished.")
    boolean again;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        AuditSession session = campaign.read();
        checkEnvironment(session.config());
        String goodVersion = Auditor.resolve(session.state(), good);
        String badVersion = Auditor.resolve(session.state(), bad);
        List<String> chain = Auditor.chain(session.state(), goodVersion, badVersion);
        Auditor.Plan plan = Auditor.plan(session.state(), AuditStarted.BISECT, goodVersion, badVersion, env, again);
        return campaign.runAndPrint(
                session,
                plan,
                (chain.size() - 1) + " promotions from good to bad",
                json ? audit -> AuditJson.write(AuditText.json(audit)) : AuditText::render);
    }

    private void checkEnvironment(CampaignConfig config) {
        List<String> ids = config.environments().stream()
                .map(CampaignConfig.EnvironmentShare::id)
                .toList();
        if (env != null && !ids.contains(env)) {
            throw new UsageException(
                    "--env " + env + ": not one of the campaign's environments (" + String.join(", ", ids) + ")");
        }
    }
}
