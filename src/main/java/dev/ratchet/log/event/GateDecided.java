package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** The held-out verdict for every candidate that reached the probe, item by item;
 * {@code acceptedCandidateId} is null when none passed. */
public record GateDecided(int iteration, String acceptedCandidateId, List<Verdict> verdicts) implements Event {

    public GateDecided {
        verdicts = List.copyOf(verdicts);
    }

    /** One candidate's flip accounting against the baseline, and the acceptance rule's verdict. */
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
            List<Flip> flips) {
        public Verdict {
            Objects.requireNonNull(candidateId, "candidateId");
            Objects.requireNonNull(reason, "reason");
            flips = List.copyOf(flips);
        }
    }

    /** An item's state when drawn, on the baseline re-run and under the candidate: pass, fail, flaky or infra. */
    public record Flip(String instanceId, String before, String baseline, String candidate) {
        public Flip {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(candidate, "candidate");
        }
    }
}
