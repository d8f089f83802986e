package dev.ratchet.skill;

import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.event.LibrarySnapshotted.SectionRecord;
import dev.ratchet.log.event.LibrarySnapshotted.SkillRecord;

/** Conversions between a {@link Library} and the {@link LibrarySnapshotted} event that logs it. */
public final class LibrarySnapshots {

    private LibrarySnapshots() {}

    /** The event holding the full content of {@code library}; {@code parentVersion} is null for a start. */
    public static LibrarySnapshotted snapshot(Library library, String parentVersion) {
        return new LibrarySnapshotted(
                library.version(),
                parentVersion,
                library.skills().stream().map(LibrarySnapshots::record).toList(),
                library.sections().stream().map(LibrarySnapshots::record).toList());
    }

    /**
     * The library a snapshot holds.
     *
     * @throws IllegalArgumentException if its content does not hash to its recorded version
     */
    public static Library library(LibrarySnapshotted snapshot) {
        Library library = new Library(
                snapshot.sections().stream().map(LibrarySnapshots::section).toList(),
                snapshot.skills().stream().map(LibrarySnapshots::skill).toList());
        if (!library.version().equals(snapshot.version())) {
            throw new IllegalArgumentException("library snapshot " + snapshot.version()
                    + " does not match its content (which hashes to " + library.version() + ")");
        }
        return library;
    }

    public static SkillRecord record(Skill s) {
        return new SkillRecord(s.name(), s.description(), s.trigger(), s.tags(), s.body(), s.provenance());
    }

    public static Skill skill(SkillRecord r) {
        return new Skill(
                r.name(),
                orEmpty(r.description()),
                orEmpty(r.trigger()),
                r.tags(),
                orEmpty(r.body()),
                r.provenance() == null ? SkillFiles.HAND_WRITTEN : r.provenance());
    }

    public static SectionRecord record(PromptSection s) {
        return new SectionRecord(s.name(), s.text());
    }

    public static PromptSection section(SectionRecord r) {
        return new PromptSection(r.name(), r.text());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
