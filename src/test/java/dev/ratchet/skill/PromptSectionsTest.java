package dev.ratchet.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSectionsTest {

    @Test
    void sectionsAreNamedByFileAndOrderedByPrefixOrOrderField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20-format.md"), "Answer only.\n");
        Files.writeString(dir.resolve("5-role.md"), "You solve tasks.\n");
        Files.writeString(dir.resolve("tools.md"), "---\norder: 10\n---\nUse tools.\n");
        Files.writeString(dir.resolve("extra.md"), "Unordered, so last.\n");

        List<PromptSection> sections = PromptSections.read(dir);

        assertEquals(
                List.of("role", "tools", "format", "extra"),
                sections.stream().map(PromptSection::name).toList());
        assertEquals("Use tools.", sections.get(1).text());
    }

    @Test
    void twoFilesForOneSectionAreAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-role.md"), "a");
        Files.writeString(dir.resolve("20-role.md"), "b");

        String message = assertThrows(LibraryFileException.class, () -> PromptSections.read(dir))
                .getMessage();

        assertTrue(message.contains("section 'role' is defined by two files"), message);
    }

    @Test
    void badFieldsAreNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-role.md"), "---\norder: first\n---\ntext");

        String message = assertThrows(LibraryFileException.class, () -> PromptSections.read(dir))
                .getMessage();

        assertTrue(message.endsWith("10-role.md:2: order: expected an integer"), message);
    }

    @Test
    void writeThenReadKeepsOrderAndText(@TempDir Path dir) {
        List<PromptSection> sections = List.of(
                new PromptSection("zeta", "First, although last by name."),
                new PromptSection("alpha", "---\nlooks like front matter"));

        PromptSections.write(sections, dir);

        assertEquals(sections, PromptSections.read(dir));
    }
}
