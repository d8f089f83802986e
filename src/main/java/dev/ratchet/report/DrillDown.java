package dev.ratchet.report;

import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.DecisionEvidence.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Each gate decision's items, for the report's drill-down: which items a reviewer sees (the ones
 * where baseline and candidate differ first, at most {@link #CAP} per decision so that the page
 * stays small; fewer for a candidate the screen stopped), and both arms' transcripts on them.
 *
 * @param byCandidate the shown items of each candidate that reached the gate
 */
public record DrillDown(Map<String, Items> byCandidate) {

    /** Items shown per stage-2 decision: half regressions and half fixes when there are that many. */
    static final int CAP = 8;
    /** Items shown of a candidate the screen stopped: its decision rests on the screen's estimate. */
    static final int SCREEN_CAP = 4;

    /**
     * The item states a {@code Flip} records (the labels of {@code gate.ItemState}, which the report
     * reads from the log rather than importing the gate).
     */
    static final String PASS = "pass";

    static final String FAIL = "fail";
    static final String INFRA = "infra";

    public DrillDown {
        byCandidate = Map.copyOf(byCandidate);
    }

    /**
     * One decision's items.
     *
     * @param stage which items the verdict's counts are about: stage 2, the screen, or a probe (older logs)
     * @param total how many items the decision was judged on
     * @param shown the items shown, with their transcripts
     */
    public record Items(String stage, int total, List<Item> shown) {
        public Items {
            Objects.requireNonNull(stage, "stage");
            shown = List.copyOf(shown);
        }

        public int omitted() {
            return total - shown.size();
        }
    }

    /** One item: its state under each arm (pass, fail, flaky, infra) and each arm's episodes on it. */
    public record Item(Flip flip, String envId, List<Trace> baseline, List<Trace> candidate) {
        public Item {
            Objects.requireNonNull(flip, "flip");
            baseline = List.copyOf(baseline);
            candidate = List.copyOf(candidate);
        }
    }

    /** How many items of a decision the report shows with their transcripts. */
    static int cap(Decision.Gate g) {
        return g.gain() != null || g.screen() == null ? CAP : SCREEN_CAP;
    }

    /** The stage a decision's item counts are about. */
    static String stage(Decision.Gate g) {
        return g.gain() != null ? "stage 2" : g.screen() != null ? "screen" : "probe";
    }

    /**
     * The items to show of one decision, in the order shown: regressions and fixes (up to half of
     * {@code cap} each, the other kind filling what one leaves), then flaky or infra disagreements,
     * then items both failed, then items both passed; within a kind, in the gate's order.
     */
    static List<Flip> pick(List<Flip> flips, int cap) {
        Map<Integer, List<Flip>> kinds = new TreeMap<>();
        for (Flip f : flips) {
            kinds.computeIfAbsent(kind(f), k -> new ArrayList<>()).add(f);
        }
        List<Flip> regressions = kinds.getOrDefault(0, List.of());
        List<Flip> fixes = kinds.getOrDefault(1, List.of());
        int half = (cap + 1) / 2;
        int takeRegressions = Math.min(regressions.size(), Math.max(half, cap - fixes.size()));
        int takeFixes = Math.min(fixes.size(), cap - takeRegressions);
        List<Flip> out = new ArrayList<>(regressions.subList(0, takeRegressions));
        out.addAll(fixes.subList(0, takeFixes));
        for (int kind = 2; kind <= 4 && out.size() < cap; kind++) {
            List<Flip> rest = kinds.getOrDefault(kind, List.of());
            out.addAll(rest.subList(0, Math.min(rest.size(), cap - out.size())));
        }
        return out;
    }

    /** 0 regression, 1 fix, 2 other disagreement, 3 both failed, 4 both passed. */
    private static int kind(Flip f) {
        String pass = PASS;
        String fail = FAIL;
        if (f.baseline().equals(pass) && f.candidate().equals(fail)) {
            return 0;
        }
        if (f.baseline().equals(fail) && f.candidate().equals(pass)) {
            return 1;
        }
        if (!f.baseline().equals(f.candidate())) {
            return 2;
        }
        return f.baseline().equals(pass) ? 4 : 3;
    }
}
