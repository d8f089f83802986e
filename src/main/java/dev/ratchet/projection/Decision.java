package dev.ratchet.projection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ratchet.log.event.CandidateProposed.Edit;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.GateDecided.Flip;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the promotion timeline: a candidate edit and what became of it, or an iteration
 * step that produced no candidate (a failed proposal, nothing reaching the gate).
 *
 * @param candidateId null for a failed proposal or an iteration where no candidate reached the gate
 * @param edit null when there was no candidate
 * @param gate the held-out verdict, null when the candidate never reached the gate
 * @param promotion null unless the candidate was promoted
 * @param iterationSpend what every model call of the iteration cost (shared by its candidates)
 */
public record Decision(
        int iteration,
        String candidateId,
        String cluster,
        Edit edit,
        String rationale,
        Status status,
        String reason,
        Gate gate,
        Promotion promotion,
        Spend iterationSpend) {

    public Decision {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(iterationSpend, "iterationSpend");
    }

    /** What became of a candidate. */
    public enum Status {
        PROMOTED,
        /** The held-out gate rejected it. */
        REJECTED,
        /** A static rule rejected it before any episode ran. */
        STATIC_REJECTED,
        /** Discarded without a gate verdict of its own. */
        DISCARDED,
        /** The proposer gave no usable edit. */
        PROPOSAL_FAILED,
        /** The iteration ended with no candidate at the gate. */
        NO_CANDIDATE,
        /** No outcome recorded: the campaign stopped mid-iteration. */
        PENDING;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The gate's flip accounting for this candidate against the baseline re-run. */
    public record Gate(
            int fixes,
            int regressions,
            int baselineFixes,
            int baselineRegressions,
            int net,
            int flaky,
            int infra,
            Double pValue,
            Integer regressionBudget,
            Double alpha,
            List<Flip> flips,
            String status,
            GateDecided.Gain screen,
            GateDecided.Gain gain,
            List<GateDecided.EnvironmentGain> environments) {
        public Gate {
            flips = List.copyOf(flips);
            environments = environments == null ? List.of() : List.copyOf(environments);
        }

        /** Regressions beyond those the baseline re-run showed by itself: what the budget limits. */
        @JsonProperty("newRegressions")
        public int newRegressions() {
            return regressions - baselineRegressions;
        }
    }

    /**
     * A promotion and the confirm split's unbiased estimate before and after it (null when a side
     * was never scored on confirm).
     */
    public record Promotion(String fromVersion, String toVersion, Rate confirmBefore, Rate confirmAfter) {
        public Promotion {
            Objects.requireNonNull(fromVersion, "fromVersion");
            Objects.requireNonNull(toVersion, "toVersion");
        }

        /** Confirm accuracy after minus before, or null when either side is unknown. */
        @JsonProperty("confirmDelta")
        public Double confirmDelta() {
            if (confirmBefore == null || confirmAfter == null) {
                return null;
            }
            Double before = confirmBefore.accuracy();
            Double after = confirmAfter.accuracy();
            return before == null || after == null ? null : after - before;
        }
    }
}
