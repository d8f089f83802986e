package dev.ratchet.campaign;

import dev.ratchet.log.event.BaselineProbeScored;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.ItemResult;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.projection.Rate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a campaign did, read from its events alone: iterations, the stop reason, how many proposals
 * gave an edit, every promotion with its evidence, every rejection with its reason, accuracy before
 * and after on the batch (train), the baseline probe re-runs and the confirm split, and what the
 * response cache saved. Infra episodes are left out of every accuracy.
 */
public record CampaignSummary(
        int iterations,
        String stopReason,
        String stopDetail,
        ProposalTally proposals,
        List<Promotion> promotions,
        List<Rejection> rejections,
        Accuracy train,
        Accuracy probe,
        Accuracy confirm,
        CacheUse cache) {

    public CampaignSummary {
        promotions = List.copyOf(promotions);
        rejections = List.copyOf(rejections);
    }

    /** A promotion; {@code gain} is stage 2's estimate with its interval (null in logs of the earlier gate). */
    public record Promotion(
            int iteration,
            String candidateId,
            String edit,
            int net,
            int fixes,
            int regressions,
            GateDecided.Gain gain) {}

    public record Rejection(int iteration, String candidateId, String reason) {}

    /** Model calls, how many the response cache answered, and what those cost when they were first made. */
    public record CacheUse(long calls, long hits, double savedUsd) {
        CacheUse plus(ModelCallRecorded call) {
            boolean hit = call.cachedFrom() != null;
            return new CacheUse(
                    calls + 1,
                    hits + (hit ? 1 : 0),
                    savedUsd + (hit ? call.cachedFrom().costUsd() : 0.0));
        }
    }

    /** Passed and total at the first and at the last measurement; totals are 0 when not measured. */
    public record Accuracy(int passedBefore, int totalBefore, int passedAfter, int totalAfter) {
        String render() {
            return percent(passedBefore, totalBefore) + " -> " + percent(passedAfter, totalAfter);
        }

        boolean hasMeasurements() {
            return totalBefore > 0 || totalAfter > 0;
        }

        private static String percent(int passed, int total) {
            return total == 0 ? "n/a" : new Rate(passed, total).describe();
        }
    }

    public static CampaignSummary of(List<Event> events) {
        Reader r = new Reader();
        events.forEach(r::accept);
        return new CampaignSummary(
                r.iterations,
                r.stop == null ? "running" : r.stop.reason(),
                r.stop == null ? "" : r.stop.detail(),
                r.proposals,
                r.promotions,
                r.rejections,
                firstAndLast(new ArrayList<>(r.batches.values())),
                firstAndLast(r.probes),
                firstAndLast(r.confirms),
                r.cache);
    }

    /** Accumulates the summary in one pass over the events. */
    private static final class Reader {
        int iterations;
        CampaignStopped stop;
        ProposalTally proposals = ProposalTally.NONE;
        CacheUse cache = new CacheUse(0, 0, 0.0);
        final Map<String, CandidateProposed> proposed = new LinkedHashMap<>();
        final Map<String, GateDecided.Verdict> verdicts = new LinkedHashMap<>();
        final List<Promotion> promotions = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        final Map<Integer, int[]> batches = new LinkedHashMap<>();
        final List<int[]> probes = new ArrayList<>();
        final List<int[]> confirms = new ArrayList<>();

        void accept(Event e) {
            if (e instanceof IterationStarted i) {
                iterations = i.iteration();
            } else if (e instanceof CampaignStopped s) {
                stop = s;
            } else if (e instanceof ModelCallRecorded c) {
                cache = cache.plus(c);
            } else if (e instanceof CandidateProposed p) {
                proposed.put(p.candidateId(), p);
                proposals = proposals.withParsed();
            } else if (e instanceof GateDecided g) {
                g.verdicts().forEach(v -> verdicts.put(v.candidateId(), v));
            } else if (e instanceof CandidatePromoted p) {
                promotions.add(promotion(p, proposed.get(p.candidateId()), verdicts.get(p.candidateId())));
            } else if (e instanceof CandidateDiscarded d) {
                rejections.add(
                        new Rejection(d.iteration(), d.candidateId() == null ? "-" : d.candidateId(), d.reason()));
            } else if (e instanceof ProposalFailed f) {
                proposals = proposals.withFailure(f.reason());
                rejections.add(new Rejection(f.iteration(), "-", "proposal for " + f.cluster() + ": " + f.reason()));
            } else if (e instanceof EpisodeScored s
                    && s.phase().equals("batch")
                    && !s.outcome().equals("infra")) {
                int[] c = batches.computeIfAbsent(s.iteration(), k -> new int[2]);
                c[0] += s.passed() ? 1 : 0;
                c[1]++;
            } else if (e instanceof BaselineProbeScored b) {
                probes.add(count(b.results()));
            } else if (e instanceof ConfirmScored c) {
                confirms.add(new int[] {c.passed(), c.total()});
            }
        }
    }

    private static Promotion promotion(CandidatePromoted p, CandidateProposed proposal, GateDecided.Verdict v) {
        String edit = proposal == null
                ? "?"
                : proposal.edit().op() + " " + proposal.edit().target();
        return v == null
                ? new Promotion(p.iteration(), p.candidateId(), edit, 0, 0, 0, null)
                : new Promotion(p.iteration(), p.candidateId(), edit, v.net(), v.fixes(), v.regressions(), v.gain());
    }

    private static int[] count(List<ItemResult> results) {
        int[] c = new int[2];
        for (ItemResult r : results) {
            for (String s : r.samples()) {
                if (!s.equals("infra")) {
                    c[0] += s.equals("pass") ? 1 : 0;
                    c[1]++;
                }
            }
        }
        return c;
    }

    private static Accuracy firstAndLast(List<int[]> measurements) {
        if (measurements.isEmpty()) {
            return new Accuracy(0, 0, 0, 0);
        }
        int[] first = measurements.get(0);
        int[] last = measurements.get(measurements.size() - 1);
        return new Accuracy(first[0], first[1], last[0], last[1]);
    }

    /** The summary as lines of text, for a terminal or a file. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("iterations: " + iterations + ", stopped: " + stopReason
                + (stopDetail.isEmpty() ? "" : " (" + stopDetail + ")"));
        if (proposals.parsed() + proposals.failed() > 0) {
            out.add("proposals: " + proposals.describe());
        }
        if (cache.hits() > 0) {
            out.add(String.format(
                    Locale.ROOT,
                    "model calls: %d, %d answered from the response cache (saving USD %.4f)",
                    cache.calls(),
                    cache.hits(),
                    cache.savedUsd()));
        }
        out.add("promotions: " + promotions.size());
        for (Promotion p : promotions) {
            String evidence = p.gain() == null
                    ? String.format(
                            Locale.ROOT, "net %+d (%d fixes, %d regressions)", p.net(), p.fixes(), p.regressions())
                    : String.format(
                            Locale.ROOT,
                            "gain %+.1f points, 95%% interval [%+.1f, %+.1f], over %d fresh items (%d better, %d worse)",
                            100 * p.gain().mean(),
                            100 * p.gain().low(),
                            100 * p.gain().high(),
                            p.gain().items(),
                            p.fixes(),
                            p.regressions());
            out.add(String.format(
                    Locale.ROOT, "  iteration %d %s %s: %s", p.iteration(), p.candidateId(), p.edit(), evidence));
        }
        out.add("rejections: " + rejections.size());
        for (Rejection r : rejections) {
            out.add("  iteration " + r.iteration() + " " + r.candidateId() + ": " + r.reason());
        }
        out.add("accuracy, first -> last measurement (passed/scored = accuracy [95% Wilson interval]):");
        out.add("  train (batch):          " + train.render());
        if (probe.hasMeasurements()) {
            // Only logs of the earlier single-probe gate re-ran the baseline on a fixed probe.
            out.add("  probe (baseline re-run): " + probe.render());
        }
        out.add("  confirm:                " + confirm.render());
        return out;
    }
}
