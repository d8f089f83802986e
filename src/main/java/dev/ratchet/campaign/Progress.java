package dev.ratchet.campaign;

import dev.ratchet.log.event.CampaignStopped;

/**
 * How far the campaign has come: finished iterations (iteration 0 not counted), iterations in a row
 * that ended without a promotion, how the proposals fared, and the stop event once there is one.
 */
public record Progress(
        int completedIterations, int consecutiveDiscards, ProposalTally proposals, CampaignStopped stopped) {

    static Progress start() {
        return new Progress(0, 0, ProposalTally.NONE, null);
    }

    /** An iteration ended without a promotion. */
    Progress discarded() {
        return new Progress(completedIterations + 1, consecutiveDiscards + 1, proposals, stopped);
    }

    /** A candidate was promoted; its iteration ends with the confirm evaluation. */
    Progress promoted() {
        return new Progress(completedIterations, 0, proposals, stopped);
    }

    /** A confirm evaluation ended iteration {@code iteration}. */
    Progress confirmed(int iteration) {
        return new Progress(completedIterations + (iteration > 0 ? 1 : 0), consecutiveDiscards, proposals, stopped);
    }

    Progress withProposals(ProposalTally tally) {
        return new Progress(completedIterations, consecutiveDiscards, tally, stopped);
    }

    Progress stoppedBy(CampaignStopped event) {
        return new Progress(completedIterations, consecutiveDiscards, proposals, event);
    }
}
