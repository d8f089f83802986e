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
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.log.event.StaticCheckFailed;
import java.util.List;

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

    /** How many of each thing happened; a failed proposal is one that gave no edit after its retry. */
    public record Counts(
            long episodes,
            long passed,
            long infra,
            long proposals,
            long proposalFailures,
            long staticRejections,
            long decisions,
            long promotions,
            long discards) {

        /** The events counted after the episodes, in the order of the counters. */
        private static final List<Class<? extends Event>> COUNTED = List.of(
                CandidateProposed.class,
                ProposalFailed.class,
                StaticCheckFailed.class,
                GateDecided.class,
                CandidatePromoted.class,
                CandidateDiscarded.class);

        Counts episode(EpisodeScored e) {
            return new Counts(
                    episodes + 1,
                    passed + (e.passed() ? 1 : 0),
                    infra + ("infra".equals(e.outcome()) ? 1 : 0),
                    proposals,
                    proposalFailures,
                    staticRejections,
                    decisions,
                    promotions,
                    discards);
        }

        /** Adds one to the counter for {@code event}'s kind; other events leave the counts alone. */
        Counts count(Event event) {
            long[] c = {proposals, proposalFailures, staticRejections, decisions, promotions, discards};
            int i = COUNTED.indexOf(event.getClass());
            if (i < 0) {
                return this;
            }
            c[i]++;
            return new Counts(episodes, passed, infra, c[0], c[1], c[2], c[3], c[4], c[5]);
        }
    }

    /** Model usage so far. */
    public record Spend(
            long calls, long failedCalls, long inputTokens, long outputTokens, double costUsd, long latencyMillis) {

        Spend plus(ModelCallRecorded e) {
            boolean failed = e.response() == null || e.response().isNull();
            return new Spend(
                    calls + 1,
                    failedCalls + (failed ? 1 : 0),
                    inputTokens + e.usage().inputTokens(),
                    outputTokens + e.usage().outputTokens(),
                    costUsd + e.costUsd(),
                    latencyMillis + e.latencyMillis());
        }
    }

    public static CampaignState initial() {
        return new CampaignState(
                null,
                null,
                0,
                "not-started",
                null,
                null,
                0,
                new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0),
                new Spend(0, 0, 0, 0, 0, 0));
    }

    public CampaignState evolve(Event event) {
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
            return new CampaignState(
                    campaignId,
                    configName,
                    seed,
                    status,
                    stopReason,
                    libraryVersion,
                    iteration,
                    counts.episode(e),
                    spend);
        } else if (event instanceof ModelCallRecorded e) {
            return withSpend(spend.plus(e));
        } else if (event instanceof LibraryRolledBack e) {
            return new CampaignState(
                    campaignId, configName, seed, status, stopReason, e.toVersion(), iteration, counts, spend);
        } else if (event instanceof CandidatePromoted e) {
            return new CampaignState(
                    campaignId, configName, seed, status, stopReason, e.toVersion(), iteration, counts.count(e), spend);
        }
        return new CampaignState(
                campaignId,
                configName,
                seed,
                status,
                stopReason,
                libraryVersion,
                iteration,
                counts.count(event),
                spend);
    }

    private CampaignState withSpend(Spend s) {
        return new CampaignState(
                campaignId, configName, seed, status, stopReason, libraryVersion, iteration, counts, s);
    }
}
