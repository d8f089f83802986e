package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/**
 * The held-out verdict for every candidate that reached the gate; {@code acceptedCandidateId} is
 * null when none passed. Stage 1 screens every candidate against the baseline on fresh items;
 * stage 2 runs the finalists and the baseline on new items under a sequential test; each verdict
 * carries both stages' estimates, the per-environment guard and the stage-2 items.
 */
public record GateDecided(int iteration, String acceptedCandidateId, List<Verdict> verdicts) implements Event {

    public GateDecided {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * One candidate's evidence and verdict. {@code fixes} and {@code regressions} count stage-2
     * items the candidate passed more (fewer) often than the baseline did, {@code net} their
     * difference; {@code flips} are the stage-2 items. Logs written before the two-stage gate carry
     * the flip accounting of a single probe instead, with the stage fields null; {@code
     * libraryVersion} is the library the candidate proposes.
     */
    public record Verdict(
            String candidateId,
            int fixes,
            int regressions,
            int baselineFixes,
            int baselineRegressions,
            int net,
            int flaky,
            int infra,
            Double pValue,
            boolean accepted,
            String reason,
            List<Flip> flips,
            String status,
            Gain screen,
            Gain gain,
            List<EnvironmentGain> environments,
            Boolean placebo,
            String libraryVersion) {
        public Verdict {
            Objects.requireNonNull(candidateId, "candidateId");
            Objects.requireNonNull(reason, "reason");
            flips = List.copyOf(flips);
            environments = environments == null ? null : List.copyOf(environments);
        }

        /** Whether this is the placebo (a null edit measured as if real, never promoted). */
        public boolean placeboEdit() {
            return Boolean.TRUE.equals(placebo);
        }
    }

    /**
     * A mean paired difference in pass fraction (candidate minus baseline) over {@code items} items,
     * with its 95% interval; fractions, so 0.05 is five points.
     */
    public record Gain(int items, double mean, double low, double high) {}

    /** One environment's stage-2 gain, and whether the guard found it regressed beyond the margin. */
    public record EnvironmentGain(String envId, Gain gain, boolean regressed) {
        public EnvironmentGain {
            Objects.requireNonNull(envId, "envId");
            Objects.requireNonNull(gain, "gain");
        }
    }

    /** A stage-2 item: its environment, and the baseline's and the candidate's state on it. */
    public record Flip(String instanceId, String before, String baseline, String candidate) {
        public Flip {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(candidate, "candidate");
        }
    }
}
