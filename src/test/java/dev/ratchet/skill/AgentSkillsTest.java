package dev.ratchet.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSkillsTest {

    @TempDir
    Path dir;

    private static final List<Skill> SKILLS = List.of(
            new Skill(
                    "iso-dates",
                    "Dates in ISO form: \"YYYY-MM-DD\".",
                    "the task mentions a date",
                    List.of("dates", "format"),
                    "Write dates as YYYY-MM-DD.\n\n- pad the month\n- pad the day",
                    "proposed i3-c2"),
            new Skill("tags-only", "Lists.", "", List.of("lists", "a, b"), "Keep the order.", "hand-written"),
            new Skill("trigger-only", "Chains.", "several steps", List.of(), "Carry each result.", "hand-written"));

    @Test
    void aLibraryWrittenAsSkillFoldersReadsBackEqualWithTheSameVersion() throws IOException {
        Path skills = dir.resolve("skills");
        SkillFiles.write(SKILLS, skills, SkillLayout.AGENT_SKILLS);

        assertTrue(Files.isRegularFile(skills.resolve("iso-dates/SKILL.md")));
        assertFalse(Files.exists(skills.resolve("iso-dates.md")));
        assertEquals(SKILLS, SkillFiles.read(skills));
        assertEquals(
                new Library(List.of(), SKILLS).version(), new Library(List.of(), SkillFiles.read(skills)).version());
        String text = Files.readString(skills.resolve("iso-dates/SKILL.md"));
        assertTrue(text.startsWith("---\nname: iso-dates\ndescription: "), text);
        assertTrue(text.contains("metadata:\n  trigger: "), "ours go under metadata: " + text);
    }

    @Test
    void aSkillFromAnotherRuntimeIsReadAndItsFieldsAndFilesSurviveBeingWrittenAgain() throws IOException {
        Path skills = dir.resolve("skills");
        Path folder = Files.createDirectories(skills.resolve("pdf-forms"));
        Files.writeString(
                folder.resolve("SKILL.md"),
                """
                ---
                name: pdf-forms
                description: Fill PDF forms. Use when the task gives a PDF form to complete.
                license: Apache-2.0
                allowed-tools: Bash(python:*)
                metadata:
                  author: someone
                ---

                Run scripts/fill.py with the field values.
                """);
        Files.createDirectories(folder.resolve("scripts"));
        Files.writeString(folder.resolve("scripts/fill.py"), "print('filled')\n");

        Skill read = SkillFiles.read(skills).get(0);
        assertEquals("pdf-forms", read.name());
        assertEquals(read.description(), read.trigger(), "in this layout the description says when it applies");
        assertEquals(SkillFiles.HAND_WRITTEN, read.provenance());

        Skill edited = new Skill(
                read.name(), read.description(), read.trigger(), read.tags(), "Run scripts/fill.py twice.", "x");
        SkillFiles.write(List.of(edited), skills);

        String text = Files.readString(folder.resolve("SKILL.md"));
        assertTrue(text.contains("license: Apache-2.0"), text);
        assertTrue(text.contains("allowed-tools: Bash(python:*)"), text);
        assertTrue(text.contains("author: someone"), text);
        assertTrue(Files.exists(folder.resolve("scripts/fill.py")), "files beside SKILL.md are left alone");
        assertEquals(List.of(edited), SkillFiles.read(skills));

        SkillFiles.write(List.of(), skills);
        assertFalse(Files.exists(folder.resolve("SKILL.md")), "a removed skill's SKILL.md goes");
        assertTrue(Files.exists(folder.resolve("scripts/fill.py")), "but never another tool's files");
    }

    @Test
    void eachSkillKeepsItsLayoutUnlessOneIsAskedForAndBothLayoutsShareAFolder() throws IOException {
        Path skills = dir.resolve("skills");
        SkillFiles.write(SKILLS.subList(0, 1), skills, SkillLayout.AGENT_SKILLS);
        SkillFiles.write(SKILLS, skills);
        assertTrue(Files.isRegularFile(skills.resolve("iso-dates/SKILL.md")), "kept as a folder");
        assertTrue(Files.isRegularFile(skills.resolve("tags-only.md")), "a new skill is a single file");
        assertEquals(SKILLS, SkillFiles.read(skills));

        SkillFiles.write(SKILLS, skills, SkillLayout.SINGLE_FILE);
        assertTrue(Files.isRegularFile(skills.resolve("iso-dates.md")));
        assertFalse(Files.exists(skills.resolve("iso-dates")), "the emptied folder is removed");
        assertEquals(SKILLS, SkillFiles.read(skills));
    }

    @Test
    void aNameTheLayoutCannotHoldIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path skills = dir.resolve("skills");
        SkillFiles.write(SKILLS, skills);
        List<Skill> odd = List.of(SKILLS.get(0), new Skill("dates_v2", "D.", "a date", List.of(), "Body.", "h"));
        String message = assertThrows(
                        LibraryFileException.class, () -> SkillFiles.write(odd, skills, SkillLayout.AGENT_SKILLS))
                .getMessage();
        assertTrue(message.startsWith("skill 'dates_v2': the Agent Skills layout allows only"), message);
        assertEquals(SKILLS, SkillFiles.read(skills), "nothing written");
    }

    @Test
    void oneNameInBothLayoutsIsAnErrorNamingBothFiles() throws IOException {
        Path skills = dir.resolve("skills");
        SkillFiles.write(SKILLS.subList(0, 1), skills, SkillLayout.AGENT_SKILLS);
        Files.writeString(skills.resolve("iso-dates.md"), SkillFiles.render(SKILLS.get(0)));
        String message = assertThrows(LibraryFileException.class, () -> SkillFiles.read(skills))
                .getMessage();
        assertEquals(
                skills.resolve("iso-dates/SKILL.md") + ": name: 'iso-dates' is also the skill in "
                        + skills.resolve("iso-dates.md") + "; keep one of the two",
                message);
    }

    private static String error(String text) {
        return assertThrows(LibraryFileException.class, () -> AgentSkills.parse("skills/pdf/SKILL.md", text))
                .getMessage();
    }

    @Test
    void aMalformedSkillMdIsAnErrorNamingTheFileTheLineAndTheField() {
        String good = "---\nname: pdf\ndescription: Fill forms.\n---\n\nBody.\n";
        assertEquals("pdf", AgentSkills.parse("skills/pdf/SKILL.md", good).name());
        assertEquals(
                "skills/pdf/SKILL.md: description: required", error(good.replace("description: Fill forms.\n", "")));
        assertEquals(
                "skills/pdf/SKILL.md:2: name: 'pdfs' does not match its folder 'pdf'",
                error(good.replace("name: pdf", "name: pdfs")));
        assertEquals(
                "skills/pdf/SKILL.md:2: name: 'PDF' must be lower case letters, digits, '.', '_' or '-' (at most 64;"
                        + " other runtimes accept only letters, digits and '-')",
                error(good.replace("name: pdf", "name: PDF")));
        assertTrue(error("Just a body.\n").startsWith("skills/pdf/SKILL.md: front matter with name and description"));
        assertEquals(
                "skills/pdf/SKILL.md:4: metadata: expected a mapping of keys to text, e.g. {trigger: the task"
                        + " mentions a date}",
                error(good.replace("---\n\n", "metadata: [a, b]\n---\n\n")));
        assertEquals(
                "skills/pdf/SKILL.md:4: metadata.trigger: expected text",
                error(good.replace("---\n\n", "metadata:\n  trigger: [a]\n---\n\n")));
        assertTrue(
                error(good.replace("description: Fill forms.", "description: [unclosed"))
                        .startsWith("skills/pdf/SKILL.md:"),
                "invalid YAML names the file and line");
        assertEquals(
                "skills/pdf/SKILL.md: the skill has no body after its front matter",
                error("---\nname: pdf\ndescription: Fill forms.\n---\n"));
        assertEquals(
                "skills/pdf/SKILL.md: front matter is not closed by a '---' line",
                error("---\nname: pdf\ndescription: x\n\nBody.\n"));
    }
}
