package dev.ratchet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.campaign.EvalSetup;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.projection.EvalResults;
import dev.ratchet.projection.Spend;
import dev.ratchet.report.Figures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code ratchet eval} prints: a header, live progress, then the results as a table or JSON. */
final class EvalText {

    static final String SIMULATED =
            "simulated world (simulator): a deterministic stand-in, not a real model; every figure is simulated";

    private final String id;
    private final String split;
    private final EvalSetup setup;

    EvalText(String id, String split, EvalSetup setup) {
        this.id = id;
        this.split = split;
        this.setup = setup;
    }

    void header(PrintWriter out, Path folder, long episodes) {
        out.println("eval " + id + " → " + folder);
        String agent = setup.config().models().agent();
        out.println("agent model: " + agent + (setup.world().isPresent() ? " — " + SIMULATED : ""));
        out.println("split: " + split + ", " + episodes + " episodes, library "
                + Figures.shortVersion(setup.start().version()));
        out.flush();
    }

    /** Progress follows the events as they are appended. */
    static void feed(Progress progress, Event e) {
        if (e instanceof EpisodeScored s) {
            progress.episode(s.outcome());
        } else if (e instanceof ModelCallRecorded c) {
            progress.call(c.usage().total(), c.costUsd());
        } else if (e instanceof CampaignStopped s) {
            progress.finish(s.reason());
        }
    }

    void results(PrintWriter out, EvalResults r, Path folder) {
        boolean truth = setup.world().isPresent();
        out.println();
        out.printf(
                Locale.ROOT,
                "%-40s %8s  %-33s %6s%s  %s%n",
                "environment",
                "episodes",
                "passed/scored = accuracy [95% CI]",
                "infra",
                truth ? "  simulator's true accuracy" : "",
                "failure kinds");
        for (EvalResults.Group g : r.groups()) {
            row(out, "", g, truth ? Optional.of(trueAccuracy(g.id())) : Optional.empty());
            // A suite's tasks each get a row: which of a person's own tasks failed is the point of a suite.
            for (EvalResults.Group task : r.tasksOf(g.id())) {
                row(out, "  ", task, truth ? Optional.of(trueAccuracy(task.id())) : Optional.empty());
            }
        }
        row(out, "", r.total(), truth ? Optional.of("") : Optional.empty());
        Spend s = r.spend();
        out.println();
        out.println("stopped: " + r.stopReason() + " (" + r.stopDetail() + ")");
        out.println("spend: " + s.calls() + " calls (" + s.failedCalls() + " failed), " + Figures.count(s.tokens())
                + " tokens, " + Figures.usd(s.costUsd()));
        if (truth) {
            out.println("models: " + SIMULATED);
        }
        out.println("log: " + folder.resolve("events.db"));
    }

    private static void row(PrintWriter out, String indent, EvalResults.Group g, Optional<String> truth) {
        out.printf(
                Locale.ROOT,
                "%-40s %8d  %-33s %6d%s  %s%n",
                indent + g.id(),
                g.episodes(),
                g.rate().describe(),
                g.infra(),
                truth.map(t -> String.format(Locale.ROOT, "  %26s", t)).orElse(""),
                kinds(g.failureKinds()));
    }

    private static String kinds(Map<String, Integer> kinds) {
        return kinds.isEmpty()
                ? "-"
                : kinds.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    /** The simulator's ground truth for an environment row; a suite row has none. */
    private String trueAccuracy(String rowId) {
        SimulatedWorld world = setup.world().orElseThrow();
        try {
            return Figures.percent(world.trueAccuracy(setup.start(), rowId));
        } catch (IllegalArgumentException notAnEnvironment) {
            return "-";
        }
    }

    ObjectNode json(EvalResults r, Path folder) {
        ObjectNode root = Json.object(Map.of(
                "eval", id,
                "log", folder.resolve("events.db").toString(),
                "split", split,
                "model", setup.config().models().agent(),
                "simulated", setup.world().isPresent(),
                "library", setup.start().version()));
        root.put("stopReason", r.stopReason());
        root.put("stopDetail", r.stopDetail());
        root.set("total", group(r.total()));
        ArrayNode groups = root.putArray("environments");
        for (EvalResults.Group g : r.groups()) {
            ObjectNode node = group(g);
            List<EvalResults.Group> tasks = r.tasksOf(g.id());
            if (!tasks.isEmpty()) {
                ArrayNode rows = node.putArray("tasks");
                tasks.forEach(t -> rows.add(group(t)));
            }
            groups.add(node);
        }
        Spend s = r.spend();
        root.set(
                "spend",
                Json.object(Map.of(
                        "calls", s.calls(),
                        "failedCalls", s.failedCalls(),
                        "inputTokens", s.inputTokens(),
                        "outputTokens", s.outputTokens(),
                        "costUsd", s.costUsd())));
        return root;
    }

    private static ObjectNode group(EvalResults.Group g) {
        ObjectNode node = Json.object(Map.of(
                "id", g.id(),
                "episodes", g.episodes(),
                "passed", g.rate().passed(),
                "scored", g.rate().total(),
                "infra", g.infra()));
        if (g.rate().accuracy() != null) {
            node.put("accuracy", g.rate().accuracy());
            node.put("low", g.rate().low());
            node.put("high", g.rate().high());
        }
        node.set("failureKinds", Json.tree(g.failureKinds()));
        return node;
    }
}
