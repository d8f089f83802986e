package dev.ratchet.projection;

import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.log.event.StaticCheckFailed;
import dev.ratchet.projection.Decision.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link PromotionHistory}; the maps are lookups only, order comes from the {@code drafts} list. */
final class PromotionHistoryFold implements Fold<PromotionHistory> {

    private int placeboDecisions;
    private int placeboPassed;

    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Draft> byCandidate = new HashMap<>();
    private final Map<Integer, Spend> spendByIteration = new HashMap<>();
    private final Map<String, Rate> confirmByVersion = new HashMap<>();
    private Integer regressionBudget;
    private Double alpha;
    private int iteration;

    @Override
    public void accept(Event e) {
        if (e instanceof CampaignStarted s) {
            regressionBudget = ConfigValues.integer(s.config(), ConfigValues.REGRESSION_BUDGET);
            alpha = ConfigValues.number(s.config(), ConfigValues.ALPHA);
        } else if (e instanceof IterationStarted s) {
            iteration = s.iteration();
        } else if (e instanceof ModelCallRecorded c) {
            spendByIteration.merge(iteration, Spend.of(c), Spend::plus);
        } else if (e instanceof CandidateProposed p) {
            Draft d = candidate(p.iteration(), p.candidateId());
            d.cluster = p.cluster();
            d.edit = p.edit();
            d.rationale = p.rationale();
        } else if (e instanceof ProposalFailed f) {
            Draft d = add(new Draft(f.iteration(), null));
            d.cluster = f.cluster();
            settle(d, Status.PROPOSAL_FAILED, f.reason());
        } else if (e instanceof StaticCheckFailed f) {
            settle(candidate(f.iteration(), f.candidateId()), Status.STATIC_REJECTED, f.rule() + ": " + f.detail());
        } else if (e instanceof GateDecided g) {
            for (GateDecided.Verdict v : g.verdicts()) {
                if (v.placeboEdit()) {
                    placeboDecisions++;
                    placeboPassed += v.reason().contains("would have passed") ? 1 : 0;
                } else {
                    gate(g.iteration(), v);
                }
            }
        } else if (e instanceof CandidatePromoted p) {
            Draft d = candidate(p.iteration(), p.candidateId());
            d.fromVersion = p.fromVersion();
            d.toVersion = p.toVersion();
            d.status = Status.PROMOTED;
        } else if (e instanceof CandidateDiscarded c) {
            discarded(c);
        } else if (e instanceof ConfirmScored c) {
            confirmByVersion.putIfAbsent(c.libraryVersion(), new Rate(c.passed(), c.total()));
        }
    }

    private void gate(int iteration, GateDecided.Verdict v) {
        Draft d = candidate(iteration, v.candidateId());
        d.gate = new Decision.Gate(
                v.fixes(),
                v.regressions(),
                v.baselineFixes(),
                v.baselineRegressions(),
                v.net(),
                v.flaky(),
                v.infra(),
                v.pValue(),
                regressionBudget,
                alpha,
                v.flips(),
                v.status(),
                v.screen(),
                v.gain(),
                v.environments());
        d.reason = v.reason();
        if (!v.accepted()) {
            d.status = Status.REJECTED;
        }
    }

    private void discarded(CandidateDiscarded c) {
        if (c.candidateId() == null) {
            settle(add(new Draft(c.iteration(), null)), Status.NO_CANDIDATE, c.reason());
            return;
        }
        Draft d = candidate(c.iteration(), c.candidateId());
        if (d.status == Status.PENDING) {
            settle(d, Status.DISCARDED, c.reason());
        } else if (d.reason == null) {
            d.reason = c.reason();
        }
    }

    private Draft candidate(int iteration, String candidateId) {
        return byCandidate.computeIfAbsent(candidateId, id -> add(new Draft(iteration, id)));
    }

    private Draft add(Draft d) {
        drafts.add(d);
        return d;
    }

    private static void settle(Draft d, Status status, String reason) {
        d.status = status;
        d.reason = reason;
    }

    @Override
    public PromotionHistory result() {
        List<Decision> decisions = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            decisions.add(d.toDecision(spendByIteration.getOrDefault(d.iteration, Spend.NONE), confirmByVersion));
        }
        return new PromotionHistory(decisions, new PromotionHistory.Placebo(placeboDecisions, placeboPassed));
    }

    /** A decision while its events are still arriving. */
    private static final class Draft {
        final int iteration;
        final String candidateId;
        String cluster;
        CandidateProposed.Edit edit;
        String rationale;
        Status status = Status.PENDING;
        String reason;
        Decision.Gate gate;
        String fromVersion;
        String toVersion;

        Draft(int iteration, String candidateId) {
            this.iteration = iteration;
            this.candidateId = candidateId;
        }

        Decision toDecision(Spend spend, Map<String, Rate> confirm) {
            Decision.Promotion promotion = status == Status.PROMOTED
                    ? new Decision.Promotion(fromVersion, toVersion, confirm.get(fromVersion), confirm.get(toVersion))
                    : null;
            String why = reason != null
                    ? reason
                    : gate != null ? "accepted by the gate; no promotion recorded" : "no outcome recorded";
            return new Decision(iteration, candidateId, cluster, edit, rationale, status, why, gate, promotion, spend);
        }
    }
}
