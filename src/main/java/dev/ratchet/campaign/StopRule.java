package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigParts.Budgets;
import dev.ratchet.log.event.CampaignStopped;
import java.time.Duration;
import java.util.Locale;
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
        Budgets b = config.budgets();
        LoopState.Spend spent = state.spend();
        int n = state.current().number();
        if (b.modelCalls() != null && spent.calls() >= b.modelCalls()) {
            return stop("budget-calls", spent.calls() + " model calls reached the budget of " + b.modelCalls(), n);
        }
        if (b.tokens() != null && spent.tokens() >= b.tokens()) {
            return stop("budget-tokens", spent.tokens() + " tokens reached the budget of " + b.tokens(), n);
        }
        if (b.costUsd() != null && spent.costUsd() >= b.costUsd()) {
            return stop(
                    "budget-cost",
                    String.format(Locale.ROOT, "USD %.4f reached the budget of USD %.4f", spent.costUsd(), b.costUsd()),
                    n);
        }
        if (b.wallTime() != null && elapsed != null && elapsed.compareTo(b.wallTime()) >= 0) {
            return stop(
                    "budget-wall-time",
                    "ran " + elapsed.toSeconds() + " s, the wall-time budget is "
                            + b.wallTime().toSeconds() + " s",
                    n);
        }
        return Optional.empty();
    }

    private static Optional<CampaignStopped> stop(String reason, String detail, int iteration) {
        return Optional.of(new CampaignStopped(reason, detail, iteration));
    }
}
