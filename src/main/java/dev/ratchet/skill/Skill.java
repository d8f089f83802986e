package dev.ratchet.skill;

import java.util.List;
import java.util.Objects;

/**
 * One learned or hand-written rule the agent sees in its system prompt. {@code trigger} says when
 * it applies: narrow, triggered rules are what the gate promotes.
 */
public record Skill(
        String name, String description, String trigger, List<String> tags, String body, String provenance) {

    public Skill {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trigger, "trigger");
        tags = List.copyOf(tags);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(provenance, "provenance");
    }
}
