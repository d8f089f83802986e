package dev.ratchet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.bench.GateBench;
import dev.ratchet.campaign.GroundTruth;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratchet bench gate}: how often the gate promotes a truly harmful edit, on the simulator. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the gate against the simulated world's ground truth over many seeds.",
            "Runs the campaign config (its models must be the simulator) in memory once per seed pair: run i adds i to"
                    + " the campaign seed and to the simulator seed, so the first run is the config as written. For each"
                    + " it prints the promotions, how many were truly harmful (they lower the true accuracy, the"
                    + " share-weighted mean over the campaign's environments), the true accuracy of the starting and the"
                    + " final library, and the truly helpful candidates the gate rejected; then the totals."
        })
final class BenchGateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SimulatedCampaign campaign = new SimulatedCampaign();

    @Option(
            names = "--seeds",
            paramLabel = "N",
            defaultValue = "20",
            description = "Seed pairs to run (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new UsageException("--seeds must be at least 1: " + seeds);
        }
        GateBench bench = campaign.bench("the benchmark", spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(
                    Locale.ROOT,
                    "bench gate: %s on the simulated world (a deterministic simulator), %d seed pair(s)%n",
                    campaign.config,
                    seeds);
            out.println("campaign seed  simulator seed  promotions  truly harmful  true accuracy before -> after"
                    + "  helpful rejected");
            out.flush();
        }
        List<GateBench.Run> runs = bench.runs(seeds, r -> {
            if (!json) {
                row(out, r);
            }
        });
        if (json) {
            out.println(Json.write(toJson(runs)));
        } else {
            totals(out, runs);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, GateBench.Run r) {
        GroundTruth t = r.truth();
        out.printf(
                Locale.ROOT,
                "%13d  %14d  %10d  %13d  %.3f -> %.3f (%+.3f)%10s%n",
                r.campaignSeed(),
                r.simulatorSeed(),
                t.promotions().size(),
                t.harmfulPromotions(),
                t.startAccuracy(),
                t.finalAccuracy(),
                t.finalAccuracy() - t.startAccuracy(),
                t.helpfulRejected() + "/" + t.helpfulCandidates());
        out.flush();
    }

    private static void totals(PrintWriter out, List<GateBench.Run> runs) {
        Totals t = Totals.of(runs);
        out.printf(Locale.ROOT, "totals over %d seed pair(s):%n", runs.size());
        out.printf(Locale.ROOT, "  final library truly better than the start: %d/%d%n", t.improved(), runs.size());
        out.printf(
                Locale.ROOT,
                "  a truly harmful edit promoted:             %d/%d campaigns (%d of %d promotions)%n",
                t.campaignsWithHarm(),
                runs.size(),
                t.harmful(),
                t.promotions());
        out.printf(
                Locale.ROOT,
                "  truly helpful candidates rejected:         %d of %d (%d in iterations that promoted nothing)%n",
                t.helpfulRejected(),
                t.helpful(),
                t.helpfulMissed());
        out.printf(
                Locale.ROOT,
                "  mean true accuracy before -> after:        %.3f -> %.3f%n",
                t.meanBefore(),
                t.meanAfter());
    }

    private ObjectNode toJson(List<GateBench.Run> runs) {
        ObjectNode root =
                Json.object(Map.of("bench", "gate", "config", campaign.config.toString(), "world", "simulated"));
        ArrayNode array = root.putArray("runs");
        for (GateBench.Run r : runs) {
            GroundTruth t = r.truth();
            ObjectNode node = array.addObject();
            node.put("campaignSeed", r.campaignSeed());
            node.put("simulatorSeed", r.simulatorSeed());
            node.put("promotions", t.promotions().size());
            node.put("harmfulPromotions", t.harmfulPromotions());
            node.put("trueAccuracyBefore", t.startAccuracy());
            node.put("trueAccuracyAfter", t.finalAccuracy());
            node.put("helpfulCandidates", t.helpfulCandidates());
            node.put("helpfulRejected", t.helpfulRejected());
            node.put("helpfulMissed", t.helpfulMissed());
        }
        Totals t = Totals.of(runs);
        ObjectNode totals = root.putObject("totals");
        totals.put("seeds", runs.size());
        totals.put("improved", t.improved());
        totals.put("campaignsWithHarmfulPromotion", t.campaignsWithHarm());
        totals.put("promotions", t.promotions());
        totals.put("harmfulPromotions", t.harmful());
        totals.put("helpfulCandidates", t.helpful());
        totals.put("helpfulRejected", t.helpfulRejected());
        totals.put("helpfulMissed", t.helpfulMissed());
        totals.put("meanTrueAccuracyBefore", t.meanBefore());
        totals.put("meanTrueAccuracyAfter", t.meanAfter());
        return root;
    }

    /** The figures summed over the runs. */
    private record Totals(
            long improved,
            long campaignsWithHarm,
            long promotions,
            long harmful,
            long helpful,
            long helpfulRejected,
            long helpfulMissed,
            double meanBefore,
            double meanAfter) {

        static Totals of(List<GateBench.Run> runs) {
            List<GroundTruth> truths = runs.stream().map(GateBench.Run::truth).toList();
            return new Totals(
                    truths.stream().filter(GroundTruth::improved).count(),
                    truths.stream().filter(t -> t.harmfulPromotions() > 0).count(),
                    truths.stream().mapToLong(t -> t.promotions().size()).sum(),
                    truths.stream().mapToLong(GroundTruth::harmfulPromotions).sum(),
                    truths.stream().mapToLong(GroundTruth::helpfulCandidates).sum(),
                    truths.stream().mapToLong(GroundTruth::helpfulRejected).sum(),
                    truths.stream().mapToLong(GroundTruth::helpfulMissed).sum(),
                    truths.stream()
                            .mapToDouble(GroundTruth::startAccuracy)
                            .average()
                            .orElse(0),
                    truths.stream()
                            .mapToDouble(GroundTruth::finalAccuracy)
                            .average()
                            .orElse(0));
        }
    }
}
