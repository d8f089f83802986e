package dev.ratchet.projection;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProbeBuilt;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw evidence behind one gate decision: the probe, the baseline's episodes on it and each
 * candidate's, every episode with the model calls it made. The verdict itself is in {@link
 * PromotionHistory}.
 *
 * @param probe null when no probe was built in the iteration (no candidate reached the gate)
 * @param baselineVersion the version re-run on the probe, null when there was no baseline
 * @param candidates the candidates asked about, in proposal order (those rejected statically have
 *     no episodes)
 */
public record DecisionEvidence(
        int iteration, ProbeBuilt probe, String baselineVersion, List<Trace> baseline, List<CandidateRun> candidates) {

    public DecisionEvidence {
        baseline = List.copyOf(baseline);
        candidates = List.copyOf(candidates);
    }

    /**
     * The evidence for {@code ref}: an iteration number (every candidate of that iteration) or a
     * candidate id (that candidate only). Empty when the log has no such decision.
     */
    public static Fold<Optional<DecisionEvidence>> fold(String ref) {
        return new DecisionEvidenceFold(ref);
    }

    public static Optional<DecisionEvidence> of(Iterable<? extends Event> events, String ref) {
        return Fold.over(events, fold(ref));
    }

    /** The baseline's episodes on one probe item, in sample order. */
    public List<Trace> baseline(String instanceId) {
        return baseline.stream()
                .filter(t -> t.episode().instanceId().equals(instanceId))
                .toList();
    }

    /** One episode and the model calls it made, in call order (a call missing from the log is left out). */
    public record Trace(EpisodeScored episode, List<ModelCallRecorded> calls) {
        public Trace {
            Objects.requireNonNull(episode, "episode");
            calls = List.copyOf(calls);
        }
    }

    /** One candidate's run on the probe; {@code libraryVersion} is null when it never ran. */
    public record CandidateRun(String candidateId, String libraryVersion, List<Trace> episodes) {
        public CandidateRun {
            Objects.requireNonNull(candidateId, "candidateId");
            episodes = List.copyOf(episodes);
        }

        public List<Trace> episodes(String instanceId) {
            return episodes.stream()
                    .filter(t -> t.episode().instanceId().equals(instanceId))
                    .toList();
        }
    }
}
