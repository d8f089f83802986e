package dev.ratchet.skill;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a skill lies on disk. Reading accepts both in one folder; writing keeps each skill's layout
 * unless one is asked for.
 */
public enum SkillLayout {
    /** {@code <name>.md}: Ratchet's own single file (front matter with trigger, tags, provenance). */
    SINGLE_FILE("single-file"),
    /**
     * {@code <name>/SKILL.md} with files beside it: the Agent Skills layout other agent runtimes load
     * (front matter {@code name} and {@code description}; ours go under {@code metadata}).
     */
    AGENT_SKILLS("agent-skills");

    private final String label;

    SkillLayout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SkillLayout> of(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equals(label)).findFirst();
    }
}
