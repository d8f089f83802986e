package dev.ratchet.skill;

import java.util.Objects;

/** A named part of the agent's system prompt; edits address sections by name. */
public record PromptSection(String name, String text) {

    public PromptSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
