package dev.ratchet.replay;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a strict replay found. {@code recorded} and {@code regenerated} count events; {@code
 * matched} is how many regenerated events equal the recorded ones before the first divergence (all
 * of them when there is none). {@code ending} says how the replay ended: the recorded stop, or, for
 * a recording without one, why only its prefix could be compared. {@code campaignDuration} is first
 * to last recorded-at, when readable.
 */
public record ReplayOutcome(
        String campaign,
        long recorded,
        long regenerated,
        long matched,
        String headHash,
        Optional<Divergence> divergence,
        String ending,
        Optional<Duration> campaignDuration) {

    public ReplayOutcome {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(divergence, "divergence");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(campaignDuration, "campaignDuration");
        if (matched < 0 || matched > recorded || matched > regenerated) {
            throw new IllegalArgumentException(
                    matched + " matched of " + recorded + " recorded and " + regenerated + " regenerated");
        }
    }

    public boolean identical() {
        return divergence.isEmpty();
    }
}
