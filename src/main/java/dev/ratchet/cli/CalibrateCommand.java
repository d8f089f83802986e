package dev.ratchet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.bench.Calibration;
import dev.ratchet.bench.GateBench;
import dev.ratchet.bench.Proportion;
import dev.ratchet.campaign.GroundTruth;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratchet calibrate}: the gate's error rates and power against the simulator's ground truth. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the held-out gate against the simulated world's ground truth.",
            "Runs the campaign config (its models must be the simulator) in memory, shifting both seeds by one per"
                    + " campaign, until it has made the asked number of gate decisions; then reports, each with a 95%%"
                    + " Wilson interval: the share of promotions that are truly harmful, that truly regress some"
                    + " environment, the power at true gains of 3, 5 and 10 points (per candidate, and per decision"
                    + " that offered a clean +5-point edit), the reported against the true gain of promotions, the"
                    + " placebo's pass rate (when gate.placebo is on), the agent calls per decision and, from"
                    + " 50 decisions on, the drift of a 50-iteration campaign; and how the earlier single-probe rule"
                    + " would have judged the same candidates.",
            "Use --models with the simulator's seeds changed to measure on seeds no setting was chosen on.",
            "Figures are the simulator's, never a real model's. Progress goes to stderr."
        })
final class CalibrateCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SimulatedCampaign campaign = new SimulatedCampaign();

    @Option(
            names = "--decisions",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Gate decisions to pool, at least (default: ${DEFAULT-VALUE}).")
    int decisions;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (decisions < 1) {
            throw new UsageException("--decisions must be at least 1: " + decisions);
        }
        GateBench bench = campaign.bench("calibration", spec.commandLine().getErr());
        PrintWriter err = spec.commandLine().getErr();
        Calibration.Result r = new Calibration(bench).run(decisions, line -> {
            err.println("calibrate: " + line);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        List<Figure> figures = figures(r);
        if (json) {
            ObjectNode root = Json.CANONICAL.createObjectNode();
            root.put("config", campaign.config.toString());
            root.put("decisions", r.callsPerDecision().size());
            root.put("campaigns", r.campaigns());
            root.put("simulated", true);
            ObjectNode f = root.putObject("figures");
            for (Figure figure : figures) {
                figure.json(f.putObject(figure.key()));
            }
            out.println(Json.write(root));
        } else {
            out.printf(
                    Locale.ROOT,
                    "calibrate: %s on the simulated world (a deterministic simulator, not a real model): %d gate"
                            + " decisions in %d campaigns%n",
                    campaign.config,
                    r.callsPerDecision().size(),
                    r.campaigns());
            figures.forEach(fig -> out.println("  " + fig.text()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** One reported figure: a JSON key, its line of text and its JSON form. */
    private record Figure(String key, String text, java.util.function.Consumer<ObjectNode> json) {
        void json(ObjectNode node) {
            json.accept(node);
        }
    }

    static List<Figure> figures(Calibration.Result r) {
        List<GroundTruth.Judged> real =
                r.judged().stream().filter(j -> !j.placebo()).toList();
        List<GroundTruth.Judged> promoted =
                real.stream().filter(GroundTruth.Judged::promoted).toList();
        List<GroundTruth.Judged> placebo =
                r.judged().stream().filter(GroundTruth.Judged::placebo).toList();
        List<Figure> out = new ArrayList<>();
        out.add(share("harmful", "promotions that are truly harmful:", promoted, GroundTruth.Judged::harmful));
        out.add(share(
                "regress5", "promotions regressing some environment >= 5 points:", promoted, j -> j.regresses(5)));
        out.add(share("regress1", "promotions regressing some environment >= 1 point:", promoted, j -> j.regresses(1)));
        for (int points : new int[] {3, 5, 10}) {
            List<GroundTruth.Judged> good =
                    real.stream().filter(j -> j.trueEffect() >= points / 100.0).toList();
            out.add(share(
                    "power" + points,
                    "power, candidates truly >= +" + points + " points:",
                    good,
                    GroundTruth.Judged::promoted));
        }
        List<GroundTruth.Judged> clean =
                real.stream().filter(Calibration::cleanGain).toList();
        out.add(share(
                "power5clean",
                "power, truly >= +5 points, no environment down >= 1:",
                clean,
                GroundTruth.Judged::promoted));
        Proportion decided = new Proportion(
                r.offeringDecisions().stream().filter(b -> b).count(),
                r.offeringDecisions().size());
        out.add(new Figure(
                "decisionPower5clean",
                pad("decisions with such an edit, a helpful one promoted:") + decided.describe(),
                n -> proportion(n, decided)));
        out.add(gainRatio(promoted));
        out.add(share("placebo", "placebo pass rate:", placebo, GroundTruth.Judged::passedGate));
        out.add(calls("calls", "agent calls per decision (baseline and candidates):", r.callsPerDecision()));
        out.add(calls("placeboCalls", "placebo's own agent calls per decision:", r.placeboCallsPerDecision()));
        out.add(drift(r.drift()));
        List<Calibration.Earlier> earlier = r.earlier();
        List<GroundTruth.Judged> earlierPromoted = earlier.stream()
                .filter(Calibration.Earlier::promoted)
                .map(Calibration.Earlier::judged)
                .toList();
        out.add(share(
                "earlierHarmful",
                "earlier rule, same candidates: promotions truly harmful:",
                earlierPromoted,
                GroundTruth.Judged::harmful));
        List<Calibration.Earlier> earlierGood =
                earlier.stream().filter(e -> e.judged().trueEffect() >= 0.05).toList();
        Proportion p = new Proportion(
                earlierGood.stream().filter(Calibration.Earlier::promoted).count(), earlierGood.size());
        out.add(new Figure(
                "earlierPower5",
                pad("earlier rule, same candidates: power at >= +5:") + p.describe(),
                n -> proportion(n, p)));
        return out;
    }

    private static Figure share(
            String key, String label, List<GroundTruth.Judged> of, Predicate<GroundTruth.Judged> which) {
        Proportion p = new Proportion(of.stream().filter(which).count(), of.size());
        return new Figure(key, pad(label) + p.describe(), n -> proportion(n, p));
    }

    private static void proportion(ObjectNode n, Proportion p) {
        n.put("count", p.count());
        n.put("total", p.total());
        if (p.total() > 0) {
            n.put("share", p.share());
            n.put("low", p.low());
            n.put("high", p.high());
        }
    }

    private static Figure gainRatio(List<GroundTruth.Judged> promoted) {
        double reported = promoted.stream()
                .mapToDouble(j -> j.reportedGain() == null ? 0 : j.reportedGain())
                .average()
                .orElse(Double.NaN);
        double truth = promoted.stream()
                .mapToDouble(GroundTruth.Judged::trueEffect)
                .average()
                .orElse(Double.NaN);
        String text = pad("reported vs true gain of promotions:")
                + String.format(
                        Locale.ROOT,
                        "%+.1f vs %+.1f points on average (ratio %.2f, %d promotions)",
                        100 * reported,
                        100 * truth,
                        reported / truth,
                        promoted.size());
        return new Figure("gain", text, n -> {
            n.put("reported", reported);
            n.put("true", truth);
            n.put("ratio", reported / truth);
        });
    }

    private static Figure calls(String key, String label, List<Integer> perDecision) {
        List<Integer> sorted = new ArrayList<>(perDecision);
        Collections.sort(sorted);
        int median = sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
        int p90 = sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
        return new Figure(key, pad(label) + "median " + median + ", 90th percentile " + p90, n -> {
            n.put("median", median);
            n.put("p90", p90);
        });
    }

    private static Figure drift(Calibration.Drift d) {
        String label = pad("after a " + Calibration.LONG_RUN + "-iteration campaign:");
        if (d == null) {
            return new Figure(
                    "drift", label + "not run (needs --decisions " + Calibration.LONG_RUN + " or more)", n -> {});
        }
        String text = label
                + String.format(
                        Locale.ROOT,
                        "%d promotions; claimed %+.1f, confirm split %s, true %+.1f points (claimed - confirm %s,"
                                + " confirm - true %s)",
                        d.promotions(),
                        100 * d.claimed(),
                        d.confirm() == null ? "n/a" : String.format(Locale.ROOT, "%+.1f", 100 * d.confirm()),
                        100 * d.truth(),
                        d.confirm() == null
                                ? "n/a"
                                : String.format(Locale.ROOT, "%+.1f", 100 * (d.claimed() - d.confirm())),
                        d.confirm() == null
                                ? "n/a"
                                : String.format(Locale.ROOT, "%+.1f", 100 * (d.confirm() - d.truth())));
        return new Figure("drift", text, n -> {
            n.put("promotions", d.promotions());
            n.put("claimed", d.claimed());
            if (d.confirm() != null) {
                n.put("confirm", d.confirm());
            }
            n.put("true", d.truth());
        });
    }

    private static String pad(String label) {
        return String.format(Locale.ROOT, "%-56s", label);
    }
}
