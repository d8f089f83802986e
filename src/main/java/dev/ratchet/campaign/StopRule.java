package dev.ratchet.campaign;

import dev.ratchet.agent.Budget;
import dev.ratchet.agent.Spend;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.log.event.CampaignStopped;
import java.time.Duration;
import java.util.Optional;

/**
 * When a campaign stops: after the configured iterations or M consecutive iterations without a
 * promotion (checked between iterations), or when a budget is spent (checked before anything
 * that spends). Spend is folded from the log; wall time is the one input the shell measures.
 */
final class StopRule {

    /** The stop reason of a campaign whose proposer never gave a usable edit. */
    static final String PROPOSER_FAILED = "proposer-failed";

    private final CampaignConfig config;

    StopRule(CampaignConfig config) {
        this.config = config;
    }

    /**
     * After the configured iterations or the consecutive discards; and when the proposer never gave
     * one usable edit by then, the stop says that first, since it is why nothing was promoted.
     */
    Optional<CampaignStopped> betweenIterations(LoopState state, Duration elapsed) {
        Optional<CampaignStopped> stop = iterationsOrDiscards(state);
        ProposalTally proposals = state.progress().proposals();
        if (stop.isPresent() && proposals.noneParsed()) {
            CampaignStopped s = stop.get();
            return stop(PROPOSER_FAILED, proposals.describe() + "; stopped: " + s.detail(), s.iterations());
        }
        return stop.isPresent() ? stop : budget(state, elapsed);
    }

    private Optional<CampaignStopped> iterationsOrDiscards(LoopState state) {
        int n = state.current().number();
        if (state.progress().completedIterations() >= config.iterations()) {
            return stop("iterations", "ran the configured " + config.iterations() + " iterations", n);
        }
        if (state.progress().consecutiveDiscards() >= config.stopAfterDiscards()) {
            return stop(
                    "consecutive-discards",
                    state.progress().consecutiveDiscards() + " consecutive iterations without a promotion",
                    n);
        }
        return Optional.empty();
    }

    Optional<CampaignStopped> budget(LoopState state, Duration elapsed) {
        Budget limits = Evaluation.budget(config.budgets());
        Spend spent = spend(state);
        // Unmeasured wall time (null) never stops a campaign: zero is below any positive limit.
        Duration measured = elapsed == null ? Duration.ZERO : elapsed;
        int n = state.current().number();
        return limits.exceeded(spent, measured)
                .flatMap(label -> stop(label, limits.describe(label, spent, measured), n));
    }

    /** The folded spend as the budget reads it (tokens in and out together). */
    static Spend spend(LoopState state) {
        LoopState.Spend s = state.spend();
        return new Spend(s.calls(), s.tokens(), 0, s.costUsd());
    }

    private static Optional<CampaignStopped> stop(String reason, String detail, int iteration) {
        return Optional.of(new CampaignStopped(reason, detail, iteration));
    }
}
