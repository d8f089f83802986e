package dev.ratchet.projection;

import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.StaticCheckFailed;

/**
 * What {@code ratchet status} shows: a pure fold over a campaign's events.
 *
 * @param status not-started, running or stopped
 */
public record CampaignState(
        String campaignId,
        String configName,
        long seed,
        String status,
        String stopReason,
        String libraryVersion,
        int iteration,
        Counts counts,
        Spend spend) {

    /** How many of each thing happened. */
    public record Counts(
            long episodes,
            long passed,
            long infra,
            long proposals,
            long staticRejections,
            long decisions,
            long promotions,
            long discards) {}

    /** Model usage so far. */
    public record Spend(
            long calls, long failedCalls, long inputTokens, long outputTokens, double costUsd, long latencyMillis) {}

    public static CampaignState initial() {
        return new CampaignState(
                null,
                null,
                0,
                "not-started",
                null,
                null,
                0,
                new Counts(0, 0, 0, 0, 0, 0, 0, 0),
                new Spend(0, 0, 0, 0, 0, 0));
    }

    public CampaignState evolve(Event event) {
        Counts c = counts;
        if (event instanceof CampaignStarted e) {
            return new CampaignState(
                    e.campaignId(), e.configName(), e.seed(), "running", null, e.libraryVersion(), 0, counts, spend);
        } else if (event instanceof CampaignStopped e) {
            return new CampaignState(
                    campaignId, configName, seed, "stopped", e.reason(), libraryVersion, iteration, counts, spend);
        } else if (event instanceof IterationStarted e) {
            return new CampaignState(
                    campaignId, configName, seed, status, stopReason, libraryVersion, e.iteration(), counts, spend);
        } else if (event instanceof EpisodeScored e) {
            c = new Counts(
                    c.episodes() + 1,
                    c.passed() + (e.passed() ? 1 : 0),
                    c.infra() + ("infra".equals(e.outcome()) ? 1 : 0),
                    c.proposals(),
                    c.staticRejections(),
                    c.decisions(),
                    c.promotions(),
                    c.discards());
        } else if (event instanceof ModelCallRecorded e) {
            Spend s = spend;
            return withSpend(new Spend(
                    s.calls() + 1,
                    s.failedCalls() + (e.response() == null || e.response().isNull() ? 1 : 0),
                    s.inputTokens() + e.usage().inputTokens(),
                    s.outputTokens() + e.usage().outputTokens(),
                    s.costUsd() + e.costUsd(),
                    s.latencyMillis() + e.latencyMillis()));
        } else if (event instanceof CandidateProposed) {
            c = new Counts(
                    c.episodes(),
                    c.passed(),
                    c.infra(),
                    c.proposals() + 1,
                    c.staticRejections(),
                    c.decisions(),
                    c.promotions(),
                    c.discards());
        } else if (event instanceof StaticCheckFailed) {
            c = new Counts(
                    c.episodes(),
                    c.passed(),
                    c.infra(),
                    c.proposals(),
                    c.staticRejections() + 1,
                    c.decisions(),
                    c.promotions(),
                    c.discards());
        } else if (event instanceof GateDecided) {
            c = new Counts(
                    c.episodes(),
                    c.passed(),
                    c.infra(),
                    c.proposals(),
                    c.staticRejections(),
                    c.decisions() + 1,
                    c.promotions(),
                    c.discards());
        } else if (event instanceof CandidatePromoted e) {
            c = new Counts(
                    c.episodes(),
                    c.passed(),
                    c.infra(),
                    c.proposals(),
                    c.staticRejections(),
                    c.decisions(),
                    c.promotions() + 1,
                    c.discards());
            return new CampaignState(
                    campaignId, configName, seed, status, stopReason, e.toVersion(), iteration, c, spend);
        } else if (event instanceof CandidateDiscarded) {
            c = new Counts(
                    c.episodes(),
                    c.passed(),
                    c.infra(),
                    c.proposals(),
                    c.staticRejections(),
                    c.decisions(),
                    c.promotions(),
                    c.discards() + 1);
        }
        return new CampaignState(campaignId, configName, seed, status, stopReason, libraryVersion, iteration, c, spend);
    }

    private CampaignState withSpend(Spend s) {
        return new CampaignState(
                campaignId, configName, seed, status, stopReason, libraryVersion, iteration, counts, s);
    }
}
