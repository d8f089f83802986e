package dev.ratchet.model.simulated;

import dev.ratchet.skill.Skill;
import java.util.List;
import java.util.Objects;

/**
 * One edit in the simulator's catalogue, with its true effect. {@code envId} is the base
 * environment a skill is written for ({@code null} for a prompt-section text, which applies to
 * every task), and {@code claimed} the failure mode it says it addresses.
 */
record Candidate(
        String name,
        String description,
        String trigger,
        List<String> tags,
        String content,
        String envId,
        FailureMode claimed,
        Effect effect) {

    static final String PROVENANCE = "simulator catalogue";

    Candidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trigger, "trigger");
        tags = List.copyOf(tags);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(effect, "effect");
    }

    boolean isSection() {
        return envId == null;
    }

    Skill skill() {
        return new Skill(name, description, trigger, tags, content, PROVENANCE);
    }
}
