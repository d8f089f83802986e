package dev.ratchet.report;

import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.IterationMetrics;
import dev.ratchet.projection.Spend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The morning's short list: decisions and signals a reviewer should look at first. Each rule is a
 * heuristic with a fixed threshold; an empty list means nothing stood out, not that all is well.
 */
public final class ReviewList {

    /** A promotion whose net gain is at most this is one noisy item away from a rejection. */
    static final int SMALL_MARGIN = 1;
    /** An item drawn into this many probes has stopped being held out. */
    static final int REUSED_ITEM = 2;
    /** A probe split that served this many decisions risks being overfitted. */
    static final int REUSED_SPLIT = 5;
    /** Items listed by name at most, per entry. */
    static final int LIST_LIMIT = 6;

    private ReviewList() {}

    /** One thing to look at: {@code kind} is a stable label (margin, confirm, regression, flaky, probe, infra, stop). */
    public record Item(String kind, String title, String detail) {}

    public static List<Item> of(CampaignView view) {
        List<Item> items = new ArrayList<>();
        for (Decision d : view.history().promotions()) {
            promotion(d, items);
        }
        flaky(view.history().decisions(), items);
        probeReuse(view, items);
        infra(view, items);
        if (!view.overview().stopped()) {
            items.add(new Item(
                    "stop",
                    "The campaign has no stop event",
                    "It is still running, or it crashed; resume it to finish the last iteration."));
        }
        return items;
    }

    private static void promotion(Decision d, List<Item> items) {
        Decision.Gate g = d.gate();
        String edit = d.edit() == null ? d.candidateId() : d.candidateId() + " (" + HistoryText.edit(d.edit()) + ")";
        if (g != null && g.gain() != null) {
            if (g.gain().low() <= 0.01) {
                items.add(new Item(
                        "margin",
                        "Promoted on a small margin: " + edit,
                        "Stage-2 gain " + Figures.gain(g.gain()) + ": the 95% interval reaches down to "
                                + Figures.points(g.gain().low()) + ", iteration " + d.iteration() + "."));
            }
        } else if (g != null && g.net() <= SMALL_MARGIN) {
            items.add(new Item(
                    "margin",
                    "Promoted on a small margin: " + edit,
                    "Net " + Figures.signed(g.net()) + " on the probe (" + g.fixes() + " fixes, " + g.regressions()
                            + " regressions, " + g.flaky() + " flaky), p " + Figures.pValue(g.pValue()) + ", iteration "
                            + d.iteration() + "."));
        }
        Double delta = d.promotion().confirmDelta();
        if (delta != null && delta < 0) {
            items.add(new Item(
                    "confirm",
                    "Confirm accuracy fell after promoting " + edit,
                    "The held-out confirm split moved " + Figures.points(delta)
                            + " although the gate saw a gain: the probe may be overfitted."));
        }
        if (g != null && g.gain() != null) {
            List<String> lost = g.environments().stream()
                    .filter(e -> e.gain().mean() < 0)
                    .map(e -> e.envId() + " " + Figures.gain(e.gain()))
                    .toList();
            if (!lost.isEmpty()) {
                items.add(new Item(
                        "regression",
                        "Promoted edit lost ground in " + lost.size() + " environment(s): " + edit,
                        "None was shown to lose " + "the regression margin or more, but check: "
                                + String.join("; ", lost) + "."));
            }
        } else if (g != null && g.regressions() > 0) {
            List<String> regressed = g.flips().stream()
                    .filter(f -> "pass".equals(f.before()) && "fail".equals(f.candidate()))
                    .map(Flip::instanceId)
                    .toList();
            items.add(new Item(
                    "regression",
                    "Promoted edit regressed " + g.regressions() + " item(s): " + edit,
                    "Within the regression budget of " + g.regressionBudget() + ": " + names(regressed) + "."));
        }
    }

    private static void flaky(List<Decision> decisions, List<Item> items) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Decision d : decisions) {
            if (d.gate() != null) {
                d.gate().flips().stream()
                        .filter(f -> "flaky".equals(f.baseline()) || "flaky".equals(f.candidate()))
                        .map(Flip::instanceId)
                        .distinct()
                        .forEach(id -> counts.merge(id, 1, Integer::sum));
            }
        }
        if (!counts.isEmpty()) {
            List<String> ranked = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> e.getKey() + " (" + e.getValue() + "x)")
                    .toList();
            items.add(new Item(
                    "flaky",
                    counts.size() + " flaky item(s) on the probe",
                    "Their samples disagreed, so they counted neither as fixes nor as regressions: " + names(ranked)
                            + "."));
        }
    }

    private static void probeReuse(CampaignView view, List<Item> items) {
        Map<String, Integer> reused = view.probes().reusedAtLeast(REUSED_ITEM);
        if (!reused.isEmpty()) {
            List<String> listed = reused.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + " probes)")
                    .toList();
            items.add(new Item(
                    "probe",
                    reused.size() + " item(s) reused across probes",
                    "A reused item is no longer held out: " + names(listed) + "."));
        }
        if (view.probes().maxDecisionsOnSplit() >= REUSED_SPLIT) {
            items.add(new Item(
                    "probe",
                    "The probe split served " + view.probes().maxDecisionsOnSplit() + " decisions",
                    "Every decision on the same split raises the chance of promoting noise; check confirm."));
        }
    }

    private static void infra(CampaignView view, List<Item> items) {
        Spend s = view.overview().spend();
        int episodes = view.metrics().iterations().stream()
                .mapToInt(IterationMetrics.Iteration::infraEpisodes)
                .sum();
        if (s.failedCalls() > 0 || episodes > 0) {
            items.add(new Item(
                    "infra",
                    s.failedCalls() + " model call(s) failed after every retry",
                    episodes + " training episode(s) were scored as infrastructure failures and left out of accuracy;"
                            + " they are the provider's fault, not the agent's."));
        }
    }

    private static String names(List<String> names) {
        if (names.size() <= LIST_LIMIT) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LIST_LIMIT)) + " and " + (names.size() - LIST_LIMIT) + " more";
    }
}
