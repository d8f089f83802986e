package dev.ratchet.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillFilesTest {

    private static final String DATES =
            """
            ---
            name: dates
            description: Dates in ISO form.
            trigger: the task mentions a date
            tags: [dates, format]
            version: 3
            ---

            Write dates as YYYY-MM-DD.
            """;

    private static String error(String file, String text) {
        return assertThrows(LibraryFileException.class, () -> SkillFiles.parse(file, text))
                .getMessage();
    }

    @Test
    void aSkillFileIsReadFromFrontMatterAndBody() {
        Skill s = SkillFiles.parse("skills/dates.md", DATES);

        assertEquals("dates", s.name());
        assertEquals("Dates in ISO form.", s.description());
        assertEquals("the task mentions a date", s.trigger());
        assertEquals(List.of("dates", "format"), s.tags());
        assertEquals("Write dates as YYYY-MM-DD.", s.body());
        assertEquals(SkillFiles.HAND_WRITTEN, s.provenance());
        assertFalse(SkillFiles.learned(s));
    }

    @Test
    void errorsNameTheFileAndTheField() {
        assertEquals(
                "skills/dates.md: description: required",
                error("skills/dates.md", DATES.replace("description: Dates in ISO form.\n", "")));
        assertEquals(
                "skills/dates.md: trigger: required (or give tags)",
                error(
                        "skills/dates.md",
                        DATES.replace("trigger: the task mentions a date\n", "")
                                .replace("tags: [dates, format]\n", "")));
        assertTrue(error("skills/dates.md", DATES.replace("tags: [dates, format]", "tags: dates"))
                .startsWith("skills/dates.md:5: tags: expected a list"));
        assertTrue(
                error("skills/dates.md", DATES.replace("version: 3", "colour: red"))
                        .startsWith("skills/dates.md:6: colour: unknown field"),
                "the line of the field, too");
        assertTrue(error("skills/other.md", DATES).contains("does not match the file name 'other.md'"));
        assertTrue(error("skills/dates.md", DATES.replace("\n---\n\n", "\n")).contains("not closed"));
        assertTrue(error("skills/dates.md", DATES.replace("name: dates", "name: Dates!"))
                .startsWith("skills/dates.md:2: name:"));
        assertTrue(error("skills/dates.md", DATES.replace("name: dates", "name: [x"))
                .matches("skills/dates\\.md:\\d+: front matter is not valid YAML: .*"));
    }

    @Test
    void tagsAloneAreEnoughForAHandWrittenSkill() {
        Skill s = SkillFiles.parse("skills/dates.md", DATES.replace("trigger: the task mentions a date\n", ""));

        assertEquals("", s.trigger());
        assertEquals(List.of("dates", "format"), s.tags());
    }

    @Test
    void renderingAndParsingGiveTheSameSkill() {
        Skill s = new Skill(
                "multi-line",
                "A skill: with colons, \"quotes\" and # hashes",
                "when: always?",
                List.of("a", "b c"),
                "Line one.\n\n- a list\n- ---\n",
                "proposed: iteration 2, candidate i2-c1");

        Skill back = SkillFiles.parse("multi-line.md", SkillFiles.render(s));

        assertEquals(s.name(), back.name());
        assertEquals(s.description(), back.description());
        assertEquals(s.trigger(), back.trigger());
        assertEquals(s.tags(), back.tags());
        assertEquals(s.body().strip(), back.body());
        assertEquals(s.provenance(), back.provenance());
        assertTrue(SkillFiles.learned(back));
        assertTrue(SkillFiles.render(s).contains("version: " + SkillFiles.contentVersion(s)));
    }

    @Test
    void exportWritesExactlyTheLibraryAndLoadReadsItBack(@TempDir Path dir) throws Exception {
        Path skills = dir.resolve("skills");
        Path prompts = dir.resolve("prompts");
        Files.createDirectories(skills);
        Files.writeString(skills.resolve("stale.md"), "old");
        Files.writeString(skills.resolve("notes.txt"), "kept");
        Library library = new Library(
                List.of(new PromptSection("role", "You solve tasks."), new PromptSection("format", "Answer only.")),
                List.of(SkillFiles.parse("skills/dates.md", DATES)));

        SkillFiles.export(library, skills, prompts);

        assertFalse(Files.exists(skills.resolve("stale.md")), "a skill not in the library is removed");
        assertTrue(Files.exists(skills.resolve("notes.txt")), "only Markdown files are managed");
        assertTrue(Files.exists(prompts.resolve("10-role.md")));
        assertTrue(Files.exists(prompts.resolve("20-format.md")));
        assertEquals(library.version(), SkillFiles.loadLibrary(skills, prompts).version());
    }

    @Test
    void aMissingDirectoryIsAnEmptyLibrary(@TempDir Path dir) {
        assertEquals(Library.empty(), SkillFiles.loadLibrary(dir.resolve("none"), dir.resolve("none")));
    }

    @Test
    void theShippedStartingLibraryLoads() {
        Library start = SkillFiles.loadLibrary(Path.of("skills"), Path.of("config/prompts"));

        assertTrue(start.skills().size() >= 3, "a few hand-written skills ship with the project");
        assertEquals("role", start.sections().get(0).name());
        assertTrue(start.skills().stream().noneMatch(SkillFiles::learned));
    }
}
