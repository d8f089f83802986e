package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** The full content of a library version, so that the log alone reconstructs every version. */
public record LibrarySnapshotted(
        String version, String parentVersion, List<SkillRecord> skills, List<SectionRecord> sections) implements Event {

    public LibrarySnapshotted {
        Objects.requireNonNull(version, "version");
        skills = List.copyOf(skills);
        sections = List.copyOf(sections);
    }

    /** A skill as logged. */
    public record SkillRecord(
            String name, String description, String trigger, List<String> tags, String body, String provenance) {
        public SkillRecord {
            Objects.requireNonNull(name, "name");
            tags = List.copyOf(tags);
        }
    }

    /** A prompt section as logged. */
    public record SectionRecord(String name, String text) {
        public SectionRecord {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }
}
