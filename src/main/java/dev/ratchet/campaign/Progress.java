package dev.ratchet.campaign;

import dev.ratchet.log.event.CampaignStopped;

/**
 * How far the campaign has come: finished iterations (iteration 0 not counted), iterations in a row
 * that ended without a promotion, and the stop event once there is one.
 */
public record Progress(int completedIterations, int consecutiveDiscards, CampaignStopped stopped) {

    static Progress start() {
        return new Progress(0, 0, null);
    }

    /** An iteration ended without a promotion. */
    Progress discarded() {
        return new Progress(completedIterations + 1, consecutiveDiscards + 1, stopped);
    }

    /** A candidate was promoted; its iteration ends with the confirm evaluation. */
    Progress promoted() {
        return new Progress(completedIterations, 0, stopped);
    }

    /** A confirm evaluation ended iteration {@code iteration}. */
    Progress confirmed(int iteration) {
        return new Progress(completedIterations + (iteration > 0 ? 1 : 0), consecutiveDiscards, stopped);
    }

    Progress stoppedBy(CampaignStopped event) {
        return new Progress(completedIterations, consecutiveDiscards, event);
    }
}
