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
import dev.ratchet.report.CampaignView;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.SkillFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What a finished campaign leaves in its folder, and the summary it prints. */
final class RunOutputs {

    private RunOutputs() {}

    static void write(
            Path folder,
            EventLog log,
            CampaignSetup setup,
            CampaignStopped stopped,
            boolean noReport,
            PrintWriter out) {
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
        lines.add("library: " + setup.start().version() + " -> " + last.version() + " (exported to "
                + folder.resolve("library") + "; `ratchet apply " + folder.getFileName() + "` copies it into skills/)");
        try {
            Files.write(folder.resolve("summary.txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary in " + folder, e);
        }
        if (!noReport) {
            Path report = folder.resolve("report.html");
            ReportCommand.write(
                    report, CampaignView.read(log), folder.resolve("events.db").toString());
            lines.add("report: " + report);
        }
        out.println();
        lines.forEach(out::println);
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
