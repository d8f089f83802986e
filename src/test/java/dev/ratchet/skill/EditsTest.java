package dev.ratchet.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.CandidateProposed.Edit;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditsTest {

    private static final Skill DATES = new Skill(
            "dates", "Dates.", "a date appears", List.of("dates"), "Use YYYY-MM-DD.", SkillFiles.HAND_WRITTEN);
    private static final Library START =
            new Library(List.of(new PromptSection("role", "You solve tasks.")), List.of(DATES));

    private static Library applied(Edit edit) {
        return assertInstanceOf(EditResult.Applied.class, Edits.apply(START, edit, "proposed: i1-c1"))
                .library();
    }

    private static String rejected(Edit edit) {
        return assertInstanceOf(EditResult.Rejected.class, Edits.apply(START, edit))
                .reason();
    }

    @Test
    void addCreatesALearnedSkill() {
        Library after = applied(new Edit("add-skill", "carry", "Carry digits.", "adding numbers", List.of(), "Carry."));

        Skill carry = after.skill("carry").orElseThrow();
        assertEquals("adding numbers", carry.trigger());
        assertEquals("Carry.", carry.body());
        assertTrue(SkillFiles.learned(carry));
        assertEquals(2, after.skills().size());
        assertEquals(1, START.skills().size(), "the input library is unchanged");
    }

    @Test
    void modifyKeepsWhatTheEditLeavesOutAndTheOrigin() {
        Library after = applied(new Edit("modify-skill", "dates", null, null, List.of(), "Use ISO-8601 dates."));

        Skill dates = after.skill("dates").orElseThrow();
        assertEquals("Use ISO-8601 dates.", dates.body());
        assertEquals("a date appears", dates.trigger());
        assertEquals(List.of("dates"), dates.tags());
        assertEquals("hand-written; modified: proposed: i1-c1", dates.provenance());
    }

    @Test
    void removeAndEditSection() {
        assertTrue(applied(new Edit("remove-skill", "dates", null, null, List.of(), null))
                .skills()
                .isEmpty());
        assertEquals(
                "Be exact.",
                applied(new Edit("edit-section", "role", null, null, List.of(), "Be exact."))
                        .section("role")
                        .orElseThrow()
                        .text());
    }

    @Test
    void editsThatDoNotFitAreRejectedWithAReason() {
        assertTrue(rejected(new Edit("add-skill", "dates", "d", "t", List.of(), "c"))
                .contains("already exists"));
        assertEquals("add-skill needs a trigger", rejected(new Edit("add-skill", "x", "d", " ", List.of(), "c")));
        assertTrue(rejected(new Edit("add-skill", "Bad Name", "d", "t", List.of(), "c"))
                .contains("not a valid"));
        assertTrue(rejected(new Edit("modify-skill", "nope", "d", "t", List.of(), "c"))
                .contains("no skill named"));
        assertTrue(rejected(new Edit("remove-skill", "nope", null, null, List.of(), null))
                .contains("no skill"));
        assertTrue(rejected(new Edit("edit-section", "tone", null, null, List.of(), "x"))
                .contains("sections: role"));
        assertTrue(rejected(new Edit("rename-skill", "dates", null, null, List.of(), null))
                .contains("unknown op"));
        assertEquals(
                "the edit changes nothing",
                rejected(new Edit("edit-section", "role", null, null, List.of(), "You solve tasks.")));
    }
}
