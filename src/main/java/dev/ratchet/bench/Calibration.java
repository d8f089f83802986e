package dev.ratchet.bench;

import dev.ratchet.campaign.GroundTruth;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ratchet calibrate}: the gate's error rates, power and honesty measured against the
 * simulated world's ground truth over many decisions. Campaigns come from {@link GateBench} (run
 * {@code i} shifts both seeds by {@code i}); decisions are pooled until there are enough. The
 * gate never sees the ground truth; only this measurement does.
 */
public final class Calibration {

    private final GateBench bench;

    public Calibration(GateBench bench) {
        this.bench = bench;
    }

    /** The pooled judgements and costs. */
    /**
     * A long campaign's drift: the summed stage-2 gains of its promotions (what the gate claimed), the
     * change of confirm-split accuracy (an unbiased but noisy measurement) and the true change.
     */
    public record Drift(int iterations, int promotions, double claimed, Double confirm, double truth) {}

    public record Result(
            Drift drift,
            int campaigns,
            List<GroundTruth.Judged> judged,
            List<Integer> callsPerDecision,
            List<Integer> placeboCallsPerDecision,
            List<Earlier> earlier) {}

    /** A candidate as the earlier rule (best of K on one 36-item probe, net at least 1) would have judged it. */
    public record Earlier(GroundTruth.Judged judged, boolean promoted) {}

    /** Iterations of the long campaign that measures drift, run when at least this many decisions are asked. */
    public static final int LONG_RUN = 50;

    public Result run(int decisions, Consumer<String> progress) {
        Drift drift = null;
        if (decisions >= LONG_RUN) {
            progress.accept("a " + LONG_RUN + "-iteration campaign for the drift figures");
            drift = drift(bench.longCampaign(-1, LONG_RUN));
        }
        List<GroundTruth.Judged> judged = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        List<Integer> placeboCalls = new ArrayList<>();
        List<Earlier> earlier = new ArrayList<>();
        int campaigns = 0;
        while (calls.size() < decisions) {
            GateBench.Campaign c = bench.campaign(campaigns++);
            Map<Integer, Integer> perDecision = gateCalls(c.events(), false);
            Map<Integer, Integer> placeboPerDecision = gateCalls(c.events(), true);
            Map<Integer, String> earlierPicks = earlierRule(c.events());
            for (GroundTruth.Judged j : c.run().truth().candidates()) {
                judged.add(j);
                if (!j.placebo()) {
                    earlier.add(new Earlier(j, j.candidateId().equals(earlierPicks.get(j.iteration()))));
                }
            }
            c.events().stream()
                    .filter(GateDecided.class::isInstance)
                    .map(e -> ((GateDecided) e).iteration())
                    .forEach(i -> {
                        calls.add(perDecision.getOrDefault(i, 0));
                        placeboCalls.add(placeboPerDecision.getOrDefault(i, 0));
                    });
            progress.accept("campaign " + campaigns + ": " + calls.size() + "/" + decisions + " decisions");
        }
        return new Result(drift, campaigns, judged, calls, placeboCalls, earlier);
    }

    private static Drift drift(GateBench.Campaign c) {
        double claimed = 0;
        int promotions = 0;
        for (Event e : c.events()) {
            if (e instanceof GateDecided g && g.acceptedCandidateId() != null) {
                for (GateDecided.Verdict v : g.verdicts()) {
                    if (v.accepted() && v.gain() != null) {
                        claimed += v.gain().mean();
                        promotions++;
                    }
                }
            }
        }
        List<dev.ratchet.log.event.ConfirmScored> confirms = c.events().stream()
                .filter(dev.ratchet.log.event.ConfirmScored.class::isInstance)
                .map(dev.ratchet.log.event.ConfirmScored.class::cast)
                .toList();
        Double confirm = confirms.size() < 2 ? null : rate(confirms.get(confirms.size() - 1)) - rate(confirms.get(0));
        GroundTruth t = c.run().truth();
        return new Drift(LONG_RUN, promotions, claimed, confirm, t.finalAccuracy() - t.startAccuracy());
    }

    private static double rate(dev.ratchet.log.event.ConfirmScored s) {
        return s.total() == 0 ? 0 : (double) s.passed() / s.total();
    }

    /**
     * Agent calls the gate made per iteration: the baseline's and the candidates' ({@code placebo}
     * false), or the placebo's alone, which measures the gate rather than deciding anything.
     */
    private static Map<Integer, Integer> gateCalls(List<Event> events, boolean placebo) {
        Map<Integer, Integer> calls = new HashMap<>();
        for (Event e : events) {
            if (e instanceof EpisodeScored s
                    && "gate".equals(s.split())
                    && s.episodeId().contains("/placebo@") == placebo) {
                calls.merge(s.iteration(), 1, Integer::sum);
            }
        }
        return calls;
    }

    /**
     * The earlier gate's rule replayed on the same candidates: the first 36 stage-1 items (episodes
     * are appended in item order, baseline first), each candidate's net gain over the baseline
     * (items it passed that the baseline failed, less the reverse), the best candidate promoted when
     * its net is at least 1. An approximation: that gate drew its probe half failing, half passing.
     */
    private static Map<Integer, String> earlierRule(List<Event> events) {
        // The baseline runs once per library version, so its episodes are found by version.
        Map<String, List<Boolean>> runs = new HashMap<>();
        Map<Integer, String> versions = new HashMap<>();
        for (Event e : events) {
            if (e instanceof IterationStarted i) {
                versions.put(i.iteration(), i.libraryVersion());
            } else if (e instanceof EpisodeScored s && "gate".equals(s.split()) && s.sample() == 0) {
                String[] tag = s.episodeId().split("/")[1].split("@");
                if (!tag[1].startsWith("screen.")) {
                    continue;
                }
                String key =
                        tag[0].equals("baseline") ? "baseline/" + s.libraryVersion() : s.iteration() + "/" + tag[0];
                List<Boolean> got = runs.computeIfAbsent(key, k -> new ArrayList<>());
                if (got.size() < 36) {
                    got.add(s.passed());
                }
            }
        }
        Map<Integer, String> picks = new HashMap<>();
        Map<Integer, Integer> best = new HashMap<>();
        for (Map.Entry<String, List<Boolean>> run : new java.util.TreeMap<>(runs).entrySet()) {
            String[] key = run.getKey().split("/");
            if (!key[1].startsWith("cand-")) {
                continue;
            }
            int iteration = Integer.parseInt(key[0]);
            List<Boolean> base = runs.getOrDefault("baseline/" + versions.get(iteration), List.of());
            int net = 0;
            for (int i = 0; i < Math.min(base.size(), run.getValue().size()); i++) {
                net += Boolean.compare(run.getValue().get(i), base.get(i));
            }
            if (net >= 1 && net > best.getOrDefault(iteration, 0)) {
                best.put(iteration, net);
                picks.put(iteration, "i" + iteration + "-c" + key[1].substring("cand-".length()));
            }
        }
        return picks;
    }
}
