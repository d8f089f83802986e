package dev.ratchet.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryDiffTest {

    private static final Skill DATES =
            new Skill("dates", "Dates.", "a date appears", List.of(), "Use ISO.\nPad months.", SkillFiles.HAND_WRITTEN);
    private static final Library FROM =
            new Library(List.of(new PromptSection("role", "You solve tasks.")), List.of(DATES));

    @Test
    void equalLibrariesHaveNoDiff() {
        assertTrue(LibraryDiff.between(FROM, FROM).isEmpty());
    }

    @Test
    void addedRemovedAndModifiedAreNamedWithTheirLines() {
        Skill carry = new Skill("carry", "Carry.", "adding numbers", List.of(), "Carry the one.", "proposed: i1-c1");
        Skill dates = new Skill(
                "dates", "Dates.", "a date appears", List.of(), "Use ISO.\nPad days.", SkillFiles.HAND_WRITTEN);
        Library to = new Library(List.of(new PromptSection("role", "You solve tasks exactly.")), List.of(carry, dates));

        LibraryDiff diff = LibraryDiff.between(FROM, to);

        assertEquals(
                List.of("modified section role", "added skill carry", "modified skill dates"),
                diff.changes().stream()
                        .map(c -> c.status() + " " + c.kind() + " " + c.name())
                        .toList());
        List<String> dateLines = diff.changes().get(2).lines();
        assertTrue(dateLines.contains("- Pad months."), dateLines.toString());
        assertTrue(dateLines.contains("+ Pad days."), dateLines.toString());
        assertTrue(dateLines.contains("  Use ISO."), dateLines.toString());
        assertTrue(diff.render().contains("added skill carry\n  + ---\n"), diff.render());
        assertEquals(
                "removed skill carry",
                LibraryDiff.between(to, FROM).changes().stream()
                        .filter(c -> c.name().equals("carry"))
                        .map(c -> c.status() + " " + c.kind() + " " + c.name())
                        .findFirst()
                        .orElseThrow());
    }
}
