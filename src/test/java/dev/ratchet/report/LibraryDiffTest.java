package dev.ratchet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.event.LibrarySnapshotted.SectionRecord;
import dev.ratchet.log.event.LibrarySnapshotted.SkillRecord;
import dev.ratchet.report.LibraryDiff.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryDiffTest {

    private static SkillRecord skill(String name, String trigger, String body) {
        return new SkillRecord(name, "about " + name, trigger, List.of("learned"), body, "proposed");
    }

    private final LibrarySnapshotted before = new LibrarySnapshotted(
            "aaaa",
            null,
            List.of(
                    skill("old", "always", "Do the old thing."),
                    skill("units", "when units", "Keep the unit.\nAlways.\nDone.")),
            List.of(new SectionRecord("role", "You solve tasks."), new SectionRecord("format", "Value only.")));

    private final LibrarySnapshotted after = new LibrarySnapshotted(
            "bbbb",
            "aaaa",
            List.of(
                    skill("new", "on dates", "Use ISO dates."),
                    skill("units", "when a unit is named", "Keep the unit.\nNever.\nDone.")),
            List.of(
                    new SectionRecord("format", "Value only."),
                    new SectionRecord("role", "You solve tasks."),
                    new SectionRecord("tools", "Call tools by name.")));

    @Test
    void skills_added_removed_and_modified_with_field_changes_and_a_body_diff() {
        LibraryDiff diff = LibraryDiff.between(before, after);
        assertEquals(
                List.of("new ADDED", "old REMOVED", "units MODIFIED"),
                diff.skills().stream().map(s -> s.name() + " " + s.change()).toList());
        LibraryDiff.SkillChange units = diff.skills().get(2);
        assertEquals(List.of("trigger: \"when units\" -> \"when a unit is named\""), units.fields());
        assertEquals(
                "--- a/skills/units\n+++ b/skills/units\n@@ -1,3 +1,3 @@\n Keep the unit.\n-Always.\n+Never.\n Done.\n",
                units.bodyDiff());
        assertTrue(diff.skills().get(1).bodyDiff().contains("-Do the old thing."));
    }

    @Test
    void sections_added_and_reordered_are_reported_as_prompt_changes() {
        LibraryDiff diff = LibraryDiff.between(before, after);
        assertEquals(1, diff.sections().size());
        assertEquals(Change.ADDED, diff.sections().get(0).change());
        assertTrue(diff.sectionsReordered());
        String text = diff.render();
        assertTrue(text.contains("skills: 1 added, 1 modified, 1 removed; sections: 1 changed, reordered"), text);
        assertTrue(text.contains("- skill old (removed)"), text);
        assertTrue(
                text.contains(
                        "+ section tools (added)\n    --- /dev/null\n    +++ b/sections/tools\n    @@ -0,0 +1 @@\n    +Call tools by name.\n"),
                text);
    }

    @Test
    void a_version_against_itself_has_no_difference() {
        LibraryDiff diff = LibraryDiff.between(before, before);
        assertTrue(diff.isEmpty());
        assertEquals("library aaaa -> aaaa\nno difference\n", diff.render());
    }
}
