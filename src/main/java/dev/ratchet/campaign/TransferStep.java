package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.env.Environment;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.projection.AuditFigures;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A transfer measurement's next step, pure like the rest of {@link AuditStep}: environment by
 * environment, the final library against the initial one on fresh items of that environment alone,
 * paired, under the gate's sequential test at the gate's alpha divided by the number of environments
 * (Bonferroni). Items are drawn under the stage {@code transfer-N.<env index>.c<chunk>}, so no two
 * environments, no other audit and no step of the campaign share one.
 */
final class TransferStep {

    private final CampaignConfig config;
    private final Function<String, Environment> environments;
    private final SplitIndex splits;

    TransferStep(CampaignConfig config, Function<String, Environment> environments, SplitIndex splits) {
        this.config = config;
        this.environments = environments;
        this.splits = splits;
    }

    Action next(LoopState state, AuditStarted audit, List<AuditCompared> done) {
        List<String> envs = audit.envs();
        if (audit.good().equals(audit.bad()) || done.size() >= envs.size()) {
            return new Action.Emit(List.of(finished(audit, done)));
        }
        String env = envs.get(done.size());
        AuditComparison comparison = new AuditComparison(
                config.gate(),
                new GateItems(config.seed(), List.of(env), environments, splits),
                config.gate().alpha() / envs.size());
        AuditComparison.Next next = comparison.next(
                state.audits(),
                audit.audit(),
                done.size(),
                AuditComparison.Pair.of(audit.good(), audit.bad()),
                env,
                state.current().number());
        return next.result() != null ? new Action.Emit(List.of(next.result())) : new Action.RunEpisodes(next.missing());
    }

    private static AuditFinished finished(AuditStarted audit, List<AuditCompared> done) {
        if (audit.good().equals(audit.bad())) {
            return new AuditFinished(
                    audit.audit(), audit.bad(), "the final library is the initial one: there is no gain to transfer");
        }
        GateDecided.Gain g = AuditFigures.transfer(done).orElseThrow();
        String better = names(done, AuditCompared.BETTER);
        String worse = names(done, AuditCompared.WORSE);
        return new AuditFinished(
                audit.audit(),
                audit.bad(),
                String.format(
                        Locale.ROOT,
                        "final against initial on %d held-out environments: %+.1f points [%+.1f, %+.1f] on average;"
                                + " better on %s; worse on %s",
                        done.size(),
                        100 * g.mean(),
                        100 * g.low(),
                        100 * g.high(),
                        better.isEmpty() ? "none" : better,
                        worse.isEmpty() ? "none" : worse));
    }

    private static String names(List<AuditCompared> done, String status) {
        return String.join(
                ", ",
                done.stream()
                        .filter(c -> c.status().equals(status))
                        .map(AuditCompared::env)
                        .toList());
    }
}
