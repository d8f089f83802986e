package dev.ratchet.cli;

import dev.ratchet.campaign.LoopState;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibraryDiff;
import dev.ratchet.skill.SkillFiles;
import dev.ratchet.skill.SkillLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Copies a campaign's final library into skills/ and config/prompts/.",
            "Shows the difference between the library on disk and the campaign's current version first. A campaign never"
                    + " writes skills/ itself: adopting its result is a deliberate human step. With --dry-run, only shows the"
                    + " difference."
        })
final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Parameters(
            index = "0",
            paramLabel = "<campaign|path>",
            description = "Campaign id under runs/, or a path to an events.db.")
    String campaign;

    @Option(
            names = "--skills",
            paramLabel = "DIR",
            defaultValue = "skills",
            description = "Skill folder to write (default: ${DEFAULT-VALUE}).")
    Path skills;

    @Option(
            names = "--prompts",
            paramLabel = "DIR",
            defaultValue = "config/prompts",
            description = "Prompt-section folder to write (default: ${DEFAULT-VALUE}).")
    Path prompts;

    @Option(names = "--dry-run", description = "Show the difference; write nothing.")
    boolean dryRun;

    @Option(
            names = "--format",
            paramLabel = "LAYOUT",
            description = "Skill layout to write: single-file (skills/<name>.md) or agent-skills"
                    + " (skills/<name>/SKILL.md, which other agent runtimes load). Default: each skill keeps the"
                    + " layout it has in the folder, a new one is single-file.")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<SkillLayout> layout = layout();
        LoopState state = LoopState.initial();
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(runsDir.logFile(campaign));
                Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            for (RecordedEvent e : (Iterable<RecordedEvent>) events::iterator) {
                Event event = e.event();
                state = state.evolve(event);
            }
        }
        if (state.currentVersion() == null) {
            throw new UsageException(campaign + ": the campaign recorded no library yet");
        }
        Library target = state.library(state.currentVersion()).orElseThrow();
        // Screened as a campaign screens it, so a masked credential is not a difference to apply.
        Library disk = SecretScreen.screen(
                SkillFiles.loadLibrary(skills, prompts),
                skills,
                prompts,
                spec.commandLine().getErr());
        if (!state.isStopped()) {
            out.println("note: campaign " + campaign + " has not stopped; applying its current version "
                    + target.version());
        }
        if (disk.version().equals(target.version())
                && layout.map(this::alreadyIn).orElse(true)) {
            out.println("nothing to apply: " + skills + " already holds library " + target.version());
            out.flush();
            return ExitCodes.OK;
        }
        if (disk.version().equals(target.version())) {
            out.println("library on disk is the campaign's " + target.version() + "; only the layout changes, to "
                    + layout.orElseThrow().label());
        } else {
            out.println("library on disk " + disk.version() + " -> campaign's " + target.version() + ":");
            out.println(LibraryDiff.between(disk, target).render());
        }
        if (dryRun) {
            out.println("dry run: nothing written");
        } else {
            if (layout.isPresent()) {
                SkillFiles.export(target, skills, prompts, layout.get());
            } else {
                SkillFiles.export(target, skills, prompts);
            }
            out.println("written to " + skills
                    + layout.map(l -> " (" + l.label() + " layout)").orElse("") + " and " + prompts
                    + " (review with git diff, then commit)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Optional<SkillLayout> layout() {
        if (format == null) {
            return Optional.empty();
        }
        return Optional.of(SkillLayout.of(format)
                .orElseThrow(() -> new UsageException("--format " + format + ": use "
                        + Stream.of(SkillLayout.values())
                                .map(SkillLayout::label)
                                .collect(Collectors.joining(" or ")))));
    }

    /** Whether every skill on disk already lies in {@code layout}, so that converting has nothing to do. */
    private boolean alreadyIn(SkillLayout layout) {
        return SkillFiles.read(skills).stream().allMatch(s -> SkillFiles.layoutOf(skills, s.name()) == layout);
    }
}
