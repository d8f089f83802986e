package dev.ratchet.cli;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.suite.Suite;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.SkillFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a campaign's inputs live on disk: skills, prompt sections, suites and plugins. */
final class ProjectPaths {

    private static final Path DEFAULT_SKILLS = Path.of("skills");

    // No picocli default: a folder the user named must exist, while the default may be absent (no skills yet).
    @Option(
            names = "--skills",
            paramLabel = "DIR",
            description = "The starting skill library, a folder of <name>.md files and <name>/SKILL.md folders"
                    + " (default: skills, if it exists).")
    Path skills;

    @Option(
            names = "--prompts",
            paramLabel = "DIR",
            defaultValue = "config/prompts",
            description = "Named system-prompt sections (default: ${DEFAULT-VALUE}).")
    Path prompts = Path.of("config/prompts");

    @Option(
            names = "--eval-dir",
            paramLabel = "DIR",
            defaultValue = "eval",
            description = "Task suites, <suite>.jsonl (default: ${DEFAULT-VALUE}).")
    Path evalDir = Path.of("eval");

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            defaultValue = "plugins",
            description = "Environment plugin jars, when the folder exists (default: ${DEFAULT-VALUE}).")
    Path plugins = Path.of("plugins");

    /** The library on disk, with any credential in it masked after a warning on {@code err}. */
    Library library(PrintWriter err) {
        Path dir = skillsDir();
        return SecretScreen.screen(SkillFiles.loadLibrary(dir, prompts), dir, prompts, err);
    }

    /** The skill folder: the one given, which must be a folder, or {@code skills} when there is one. */
    Path skillsDir() {
        Path dir = skills != null ? skills : DEFAULT_SKILLS;
        if (Files.isDirectory(dir) || (skills == null && !Files.exists(dir))) {
            return dir;
        }
        throw new UsageException("--skills " + dir + ": "
                + (Files.exists(dir)
                        ? "not a folder; give the folder that holds the <name>.md skills"
                        : "no such folder"));
    }

    /** The built-in environments, plus the suites the campaign names and any plugins. */
    EnvironmentCatalog catalog(CampaignConfig config) {
        List<Suite> suites = new ArrayList<>();
        for (CampaignConfig.SuiteShare share : config.suites()) {
            Path file = evalDir.resolve(share.name() + ".jsonl");
            if (!Files.isRegularFile(file)) {
                throw new UsageException("suite '" + share.name() + "' not found: no file " + file);
            }
            suites.add(Suite.load(file));
        }
        EnvironmentCatalog catalog = EnvironmentCatalog.builtIn().withSuites(suites);
        return Files.isDirectory(plugins) ? catalog.withPlugins(plugins) : catalog;
    }
}
