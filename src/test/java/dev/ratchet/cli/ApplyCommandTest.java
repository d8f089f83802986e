package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.skill.SkillFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

    @TempDir
    Path dir;

    private Cli apply(SmallProject p, Path skills, String... more) {
        String[] args = {
            "apply",
            "c",
            "--runs-dir",
            p.runs().toString(),
            "--skills",
            skills.toString(),
            "--prompts",
            p.prompts().toString()
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void agentSkillsFormatWritesSkillFoldersThatReadBackAsTheCampaignsLibrary() throws IOException {
        SmallProject p = SmallProject.create(dir);
        assertEquals(0, p.run().exitCode());
        Path skills = dir.resolve("adopted");

        Cli applied = apply(p, skills, "--format", "agent-skills");

        assertEquals(0, applied.exitCode(), applied.all());
        assertTrue(applied.out().contains("(agent-skills layout)"), applied.out());
        assertTrue(Files.isRegularFile(skills.resolve("dates/SKILL.md")), "a folder per skill with its SKILL.md");
        assertFalse(Files.exists(skills.resolve("dates.md")));
        Cli again = apply(p, skills, "--format", "agent-skills");
        assertTrue(again.out().contains("nothing to apply"), "the folders hold the campaign's library: " + again.out());

        Cli back = apply(p, skills, "--format", "single-file");
        assertEquals(0, back.exitCode(), back.all());
        assertTrue(back.out().contains("only the layout changes, to single-file"), back.out());
        assertTrue(Files.isRegularFile(skills.resolve("dates.md")));
        assertFalse(Files.exists(skills.resolve("dates")));
    }

    @Test
    void aMalformedSkillMdOnDiskIsExitTwoNamingItAndNothingIsWritten() throws IOException {
        SmallProject p = SmallProject.create(dir);
        assertEquals(0, p.run().exitCode());
        Path skills = dir.resolve("adopted");
        Path broken = Files.createDirectories(skills.resolve("pdf")).resolve("SKILL.md");
        Files.writeString(broken, "---\nname: pdf\n---\n\nBody.\n");

        Cli applied = apply(p, skills, "--format", "agent-skills");

        assertEquals(ExitCodes.BAD_INPUT, applied.exitCode(), applied.all());
        assertTrue(applied.err().contains(broken + ": description: required"), applied.err());
        assertFalse(Files.exists(skills.resolve("dates")), "nothing written");

        Cli bogus = apply(p, dir.resolve("other"), "--format", "folders");
        assertEquals(ExitCodes.BAD_INPUT, bogus.exitCode(), bogus.all());
        assertTrue(bogus.err().contains("--format folders: use single-file or agent-skills"), bogus.err());
        assertFalse(Files.exists(dir.resolve("other")));
        assertEquals(1, SkillFiles.read(p.skills()).size(), "the project's own skills are untouched");
    }
}
