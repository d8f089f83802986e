package dev.ratchet.replay;

import dev.ratchet.agent.Budget;
import dev.ratchet.campaign.CampaignRunner;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wall time as replay sees it: unmeasured, except exactly where the recording stopped on its
 * wall-time budget, where it is the elapsed time the recorded stop states. The decider then stops
 * at the same seq with the same detail, and nowhere else.
 */
final class RecordedWallTime {

    /** How the stop rule words the elapsed time in the stop's detail ("ran 125 s, ..."). */
    private static final Pattern RAN = Pattern.compile("^ran (\\d+) s\\b");

    private RecordedWallTime() {}

    /** {@code budget} is the campaign's wall-time budget, or null when it has none. */
    static CampaignRunner.WallTime of(RecordedStream recorded, Duration budget) {
        if (recorded.stop().isEmpty()
                || !Budget.WALL_TIME.equals(recorded.stopped().reason())) {
            return nextSeq -> null;
        }
        long at = recorded.stoppedSeq();
        Duration elapsed = elapsed(recorded.stopped().detail(), budget);
        return nextSeq -> nextSeq == at ? elapsed : null;
    }

    /** The recorded elapsed seconds; failing that, the budget itself, which is enough to stop. */
    static Duration elapsed(String detail, Duration budget) {
        Matcher m = RAN.matcher(detail);
        if (m.find()) {
            return Duration.ofSeconds(Long.parseLong(m.group(1)));
        }
        return budget == null ? Duration.ofDays(3650) : budget;
    }
}
