package dev.ratchet.report;

import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.event.LibrarySnapshotted.SectionRecord;
import dev.ratchet.log.event.LibrarySnapshotted.SkillRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changed between two library versions: skills added, removed or modified (field changes and
 * a unified diff of the body), prompt sections added, removed or edited, and whether the sections'
 * order changed (it is part of the prompt).
 */
public record LibraryDiff(
        String fromVersion,
        String toVersion,
        List<SkillChange> skills,
        List<SectionChange> sections,
        boolean sectionsReordered) {

    public LibraryDiff {
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        skills = List.copyOf(skills);
        sections = List.copyOf(sections);
    }

    /** How an element differs. */
    public enum Change {
        ADDED,
        REMOVED,
        MODIFIED
    }

    /** A skill's change: {@code fields} lists description, trigger and tag changes; {@code bodyDiff} is unified. */
    public record SkillChange(String name, Change change, List<String> fields, String bodyDiff) {
        public SkillChange {
            fields = List.copyOf(fields);
        }
    }

    /** A section's change with a unified diff of its text. */
    public record SectionChange(String name, Change change, String textDiff) {}

    public static LibraryDiff between(LibrarySnapshotted a, LibrarySnapshotted b) {
        return new LibraryDiff(a.version(), b.version(), skillChanges(a, b), sectionChanges(a, b), reordered(a, b));
    }

    public boolean isEmpty() {
        return skills.isEmpty() && sections.isEmpty() && !sectionsReordered;
    }

    private static List<SkillChange> skillChanges(LibrarySnapshotted a, LibrarySnapshotted b) {
        TreeMap<String, SkillRecord> before = new TreeMap<>();
        a.skills().forEach(s -> before.put(s.name(), s));
        TreeMap<String, SkillRecord> after = new TreeMap<>();
        b.skills().forEach(s -> after.put(s.name(), s));
        TreeMap<String, SkillChange> changes = new TreeMap<>();
        for (SkillRecord s : before.values()) {
            SkillRecord t = after.get(s.name());
            if (t == null) {
                changes.put(s.name(), new SkillChange(s.name(), Change.REMOVED, List.of(), body(s, null)));
            } else if (!s.equals(t)) {
                changes.put(s.name(), new SkillChange(s.name(), Change.MODIFIED, fieldChanges(s, t), body(s, t)));
            }
        }
        for (SkillRecord t : after.values()) {
            if (!before.containsKey(t.name())) {
                changes.put(t.name(), new SkillChange(t.name(), Change.ADDED, describe(t), body(null, t)));
            }
        }
        return List.copyOf(changes.values());
    }

    private static List<String> describe(SkillRecord s) {
        return List.of(
                "description: " + nullToEmpty(s.description()),
                "trigger: " + nullToEmpty(s.trigger()),
                "tags: " + String.join(", ", s.tags()),
                "provenance: " + nullToEmpty(s.provenance()));
    }

    private static List<String> fieldChanges(SkillRecord s, SkillRecord t) {
        List<String> out = new ArrayList<>();
        change(out, "description", s.description(), t.description());
        change(out, "trigger", s.trigger(), t.trigger());
        change(out, "tags", String.join(", ", s.tags()), String.join(", ", t.tags()));
        change(out, "provenance", s.provenance(), t.provenance());
        return out;
    }

    private static void change(List<String> out, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(field + ": \"" + nullToEmpty(before) + "\" -> \"" + nullToEmpty(after) + "\"");
        }
    }

    private static String body(SkillRecord s, SkillRecord t) {
        String name = s != null ? s.name() : t.name();
        return LineDiff.unified(
                s == null ? "" : nullToEmpty(s.body()),
                t == null ? "" : nullToEmpty(t.body()),
                s == null ? "/dev/null" : "a/skills/" + name,
                t == null ? "/dev/null" : "b/skills/" + name);
    }

    private static List<SectionChange> sectionChanges(LibrarySnapshotted a, LibrarySnapshotted b) {
        List<SectionChange> out = new ArrayList<>();
        for (SectionRecord t : b.sections()) {
            SectionRecord s = section(a, t.name());
            if (s == null) {
                out.add(new SectionChange(
                        t.name(), Change.ADDED, LineDiff.unified("", t.text(), "/dev/null", "b/sections/" + t.name())));
            } else if (!s.text().equals(t.text())) {
                out.add(new SectionChange(
                        t.name(),
                        Change.MODIFIED,
                        LineDiff.unified(s.text(), t.text(), "a/sections/" + s.name(), "b/sections/" + t.name())));
            }
        }
        for (SectionRecord s : a.sections()) {
            if (section(b, s.name()) == null) {
                out.add(new SectionChange(
                        s.name(),
                        Change.REMOVED,
                        LineDiff.unified(s.text(), "", "a/sections/" + s.name(), "/dev/null")));
            }
        }
        return out;
    }

    private static boolean reordered(LibrarySnapshotted a, LibrarySnapshotted b) {
        List<String> kept = a.sections().stream()
                .map(SectionRecord::name)
                .filter(n -> section(b, n) != null)
                .toList();
        List<String> keptAfter = b.sections().stream()
                .map(SectionRecord::name)
                .filter(n -> section(a, n) != null)
                .toList();
        return !kept.equals(keptAfter);
    }

    private static SectionRecord section(LibrarySnapshotted lib, String name) {
        return lib.sections().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The diff as text, in the spirit of {@code git diff --stat} followed by the patches. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("library ")
                .append(fromVersion)
                .append(" -> ")
                .append(toVersion)
                .append('\n');
        if (isEmpty()) {
            return sb.append("no difference\n").toString();
        }
        sb.append("skills: ").append(count(Change.ADDED)).append(" added, ");
        sb.append(count(Change.MODIFIED)).append(" modified, ");
        sb.append(count(Change.REMOVED)).append(" removed; sections: ");
        sb.append(sections.size()).append(" changed");
        sb.append(sectionsReordered ? ", reordered\n" : "\n");
        for (SkillChange c : skills) {
            sb.append('\n').append(symbol(c.change())).append(" skill ").append(c.name());
            sb.append(" (").append(label(c.change())).append(")\n");
            c.fields().forEach(f -> sb.append("    ").append(f).append('\n'));
            indent(c.bodyDiff(), sb);
        }
        for (SectionChange c : sections) {
            sb.append('\n').append(symbol(c.change())).append(" section ").append(c.name());
            sb.append(" (")
                    .append(c.change() == Change.MODIFIED ? "edited" : label(c.change()))
                    .append(")\n");
            indent(c.textDiff(), sb);
        }
        if (sectionsReordered) {
            sb.append("\n~ sections reordered\n");
        }
        return sb.toString();
    }

    private long count(Change change) {
        return skills.stream().filter(s -> s.change() == change).count();
    }

    private static char symbol(Change change) {
        return change == Change.ADDED ? '+' : change == Change.REMOVED ? '-' : '~';
    }

    private static String label(Change change) {
        return change.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void indent(String text, StringBuilder sb) {
        for (String line : LineDiff.lines(text)) {
            if (!line.isEmpty()) {
                sb.append("    ").append(line).append('\n');
            }
        }
    }
}
