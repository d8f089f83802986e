package dev.ratchet.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two library versions, skill by skill and section by section, with a line
 * diff of each changed file: what {@code ratchet apply} shows before it copies a promoted library.
 */
public record LibraryDiff(List<Change> changes) {

    public LibraryDiff {
        changes = List.copyOf(changes);
    }

    /** One skill or section that was added, removed or modified; {@code lines} start with +, - or a space. */
    public record Change(String kind, String name, String status, List<String> lines) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            lines = List.copyOf(lines);
        }
    }

    public static LibraryDiff between(Library from, Library to) {
        List<Change> changes = new ArrayList<>();
        for (PromptSection s : from.sections()) {
            Optional<PromptSection> now = to.section(s.name());
            if (now.isEmpty()) {
                changes.add(change("section", s.name(), s.text(), ""));
            } else if (!now.get().text().equals(s.text())) {
                changes.add(change("section", s.name(), s.text(), now.get().text()));
            }
        }
        for (PromptSection s : to.sections()) {
            if (from.section(s.name()).isEmpty()) {
                changes.add(change("section", s.name(), "", s.text()));
            }
        }
        List<String> names = new ArrayList<>();
        from.skills().forEach(s -> names.add(s.name()));
        to.skills().stream().map(Skill::name).filter(n -> !names.contains(n)).forEach(names::add);
        names.sort(String::compareTo);
        for (String name : names) {
            String before = from.skill(name).map(SkillFiles::render).orElse("");
            String after = to.skill(name).map(SkillFiles::render).orElse("");
            if (!before.equals(after)) {
                changes.add(change("skill", name, before, after));
            }
        }
        return new LibraryDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The diff as text: a header per change, then its lines. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Change c : changes) {
            b.append(c.status())
                    .append(' ')
                    .append(c.kind())
                    .append(' ')
                    .append(c.name())
                    .append('\n');
            c.lines().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        return b.toString();
    }

    private static Change change(String kind, String name, String before, String after) {
        String status = before.isEmpty() ? "added" : after.isEmpty() ? "removed" : "modified";
        return new Change(kind, name, status, lineDiff(lines(before), lines(after)));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.strip().split("\n", -1));
    }

    /** A longest-common-subsequence line diff; files here are a few dozen lines at most. */
    static List<String> lineDiff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + b.get(j++));
            } else {
                out.add("- " + a.get(i++));
            }
        }
        return out;
    }
}
