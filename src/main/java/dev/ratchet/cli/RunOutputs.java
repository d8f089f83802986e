package dev.ratchet.cli;

import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.CampaignSummary;
import dev.ratchet.campaign.GroundTruth;
import dev.ratchet.campaign.LoopState;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.Event;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.report.ReportData;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.SkillFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a finished campaign leaves in its folder: the library export, summary.txt and report.html.
 * Each is derived from the log alone and written whole (see {@link OutputFile}), so a run killed
 * while writing them, or a file lost since, is put right by writing them again from the log.
 */
final class RunOutputs {

    /** The summary's lines, as printed; and the outputs that were missing or differed from the log's. */
    record Written(List<String> lines, List<String> rewritten) {
        Written {
            lines = List.copyOf(lines);
            rewritten = List.copyOf(rewritten);
        }
    }

    private RunOutputs() {}

    static Written write(Path folder, EventLog log, CampaignSetup setup, CampaignStopped stopped, boolean noReport) {
        List<Event> events = new ArrayList<>();
        try (Stream<RecordedEvent> s = log.read(EventQuery.all())) {
            s.forEach(e -> events.add(e.event()));
        }
        LoopState state = LoopState.of(events);
        Library last = state.library(state.currentVersion()).orElse(setup.start());
        SkillFiles.export(last, folder.resolve("library/skills"), folder.resolve("library/prompts"));
        List<String> lines = new ArrayList<>();
        lines.add("campaign " + folder.getFileName() + ": " + stopped.reason() + " — " + stopped.detail());
        // Every figure below came from the simulator when it played the agent: say so before any of them.
        setup.world().ifPresent(world -> lines.add("models: " + EvalText.SIMULATED));
        lines.addAll(CampaignSummary.of(events).lines());
        setup.world().ifPresent(world -> lines.addAll(groundTruth(world, setup, last)));
        lines.addAll(AuditTables.transferSummary(setup.config(), events));
        lines.add("library: " + setup.start().version() + " -> " + last.version() + " (exported to "
                + folder.resolve("library") + "; `ratchet apply " + folder.getFileName() + "` copies it into skills/)");
        List<String> rewritten = new ArrayList<>();
        Path summary = folder.resolve("summary.txt");
        String nl = System.lineSeparator();
        note(rewritten, summary, OutputFile.write(summary, String.join(nl, lines) + nl));
        if (!noReport) {
            Path report = folder.resolve("report.html");
            note(
                    rewritten,
                    report,
                    ReportCommand.write(
                            report,
                            ReportData.read(log, setup.world().flatMap(w -> ReportTruth.of(w, setup.config()))),
                            folder.resolve("events.db").toString()));
            lines.add("report: " + report);
        }
        return new Written(lines, rewritten);
    }

    private static void note(List<String> rewritten, Path file, OutputFile.Outcome outcome) {
        if (outcome == OutputFile.Outcome.CREATED) {
            rewritten.add(file.getFileName() + " (it was missing)");
        } else if (outcome == OutputFile.Outcome.REPLACED) {
            rewritten.add(file.getFileName() + " (it was incomplete or did not match the log)");
        }
    }

    /** The simulator knows each library's true accuracy: a figure no real model can give. */
    private static List<String> groundTruth(SimulatedWorld world, CampaignSetup setup, Library last) {
        List<CampaignConfig.EnvironmentShare> shares = setup.config().environments();
        if (shares.isEmpty()) {
            return List.of();
        }
        return List.of(String.format(
                Locale.ROOT,
                "simulated world ground truth (true expected accuracy, share-weighted mean over %d environments):"
                        + " %.3f -> %.3f",
                shares.size(),
                GroundTruth.accuracy(world, setup.start(), shares),
                GroundTruth.accuracy(world, last, shares)));
    }
}
