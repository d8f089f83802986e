package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** The proposer offered an edit for a failure cluster. */
public record CandidateProposed(
        int iteration, String candidateId, String cluster, Edit edit, String rationale, String callId)
        implements Event {

    public CandidateProposed {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(rationale, "rationale");
    }

    /**
     * An edit to the library: {@code op} is add-skill, modify-skill, remove-skill or edit-section;
     * {@code target} names the skill or the prompt section.
     */
    public record Edit(
            String op, String target, String description, String trigger, List<String> tags, String content) {
        public Edit {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(target, "target");
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
