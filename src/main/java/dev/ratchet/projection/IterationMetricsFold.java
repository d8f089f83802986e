package dev.ratchet.projection;

import dev.ratchet.log.event.BaselineProbeScored;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.ItemResult;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.log.event.StaticCheckFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link IterationMetrics}. Model calls carry no iteration, so each is charged to the
 * iteration whose {@code iteration.started} precedes it in the log.
 */
final class IterationMetricsFold implements Fold<IterationMetrics> {

    private final TreeMap<Integer, Row> rows = new TreeMap<>();
    private int current;
    private String initialVersion;

    @Override
    public void accept(Event e) {
        if (e instanceof CampaignStarted s) {
            initialVersion = s.libraryVersion();
        } else if (e instanceof IterationStarted s) {
            current = s.iteration();
            row(current).version = s.libraryVersion();
        } else if (e instanceof ModelCallRecorded c) {
            Row r = row(current);
            r.spend = r.spend.plus(c);
        } else if (e instanceof EpisodeScored s && "batch".equals(s.phase())) {
            batch(row(s.iteration()), s);
        } else if (e instanceof BaselineProbeScored b) {
            Row r = row(b.iteration());
            for (ItemResult item : b.results()) {
                item.samples().stream()
                        .filter(x -> !"infra".equals(x))
                        .forEach(x -> r.probe = r.probe.plus("pass".equals(x)));
            }
        } else if (e instanceof ConfirmScored c) {
            row(c.iteration()).confirm = new Rate(c.passed(), c.total());
        } else if (e instanceof FailureClassified f) {
            row(f.iteration()).regimes.merge(f.regime(), 1, Integer::sum);
        } else {
            countDecision(e);
        }
    }

    private void countDecision(Event e) {
        if (e instanceof CandidateProposed p) {
            row(p.iteration()).proposals++;
        } else if (e instanceof ProposalFailed f) {
            row(f.iteration()).proposalFailures++;
        } else if (e instanceof StaticCheckFailed f) {
            row(f.iteration()).staticRejections++;
        } else if (e instanceof GateDecided g) {
            row(g.iteration()).gateRejections += (int) g.verdicts().stream()
                    .filter(v -> !v.accepted() && !v.placeboEdit())
                    .count();
        } else if (e instanceof CandidatePromoted p) {
            row(p.iteration()).promotions++;
        }
    }

    private static void batch(Row r, EpisodeScored s) {
        if ("infra".equals(s.outcome())) {
            r.infra++;
        } else {
            r.train = r.train.plus(s.passed());
        }
        if (!s.passed() && !"none".equals(s.failureKind())) {
            r.kinds.merge(s.failureKind(), 1, Integer::sum);
        }
    }

    private Row row(int iteration) {
        return rows.computeIfAbsent(iteration, i -> new Row());
    }

    @Override
    public IterationMetrics result() {
        List<IterationMetrics.Iteration> out = new ArrayList<>(rows.size());
        for (Map.Entry<Integer, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            out.add(new IterationMetrics.Iteration(
                    e.getKey(),
                    r.version == null && e.getKey() == 0 ? initialVersion : r.version,
                    r.train,
                    r.probe,
                    r.confirm,
                    r.infra,
                    r.kinds,
                    r.regimes,
                    r.proposals,
                    r.proposalFailures,
                    r.staticRejections,
                    r.gateRejections,
                    r.promotions,
                    r.spend));
        }
        return new IterationMetrics(out);
    }

    /** One iteration while its events are still arriving. */
    private static final class Row {
        String version;
        Rate train = Rate.NONE;
        Rate probe = Rate.NONE;
        Rate confirm;
        int infra;
        final TreeMap<String, Integer> kinds = new TreeMap<>();
        final TreeMap<String, Integer> regimes = new TreeMap<>();
        int proposals;
        int proposalFailures;
        int staticRejections;
        int gateRejections;
        int promotions;
        Spend spend = Spend.NONE;
    }
}
