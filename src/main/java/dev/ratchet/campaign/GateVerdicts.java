package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfigParts;
import dev.ratchet.gate.EnvironmentGuard;
import dev.ratchet.gate.Estimate;
import dev.ratchet.gate.SequentialTest;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns both stages' evidence into the decision: a finalist whose test succeeded and whose
 * environments pass the guard is eligible; of the eligible, the one with the highest stage-2 gain
 * is promoted (ties by candidate id). The placebo is judged the same way and never promoted.
 */
final class GateVerdicts {

    private final CampaignConfigParts.Gate config;
    private final EnvironmentGuard guard;
    private final int forwarded;
    private final java.util.function.Function<String, Optional<String>> proposedBefore;

    /**
     * @param forwarded real candidates forwarded to stage 2, whose tests share alpha
     * @param proposedBefore for a candidate id, where the same edit was proposed in an earlier
     *     iteration, if it was
     */
    GateVerdicts(
            CampaignConfigParts.Gate config,
            EnvironmentGuard guard,
            int forwarded,
            java.util.function.Function<String, Optional<String>> proposedBefore) {
        this.config = config;
        this.guard = guard;
        this.forwarded = forwarded;
        this.proposedBefore = proposedBefore;
    }

    private record Judged(GateStep.Candidate candidate, GateDecided.Verdict verdict, boolean eligible, double gain) {}

    List<Event> decide(IterationState it, List<GateStep.Screened> screened, List<GateStep.Confirmed> confirmed) {
        List<Judged> judged = new ArrayList<>();
        for (GateStep.Screened s : screened) {
            Optional<GateStep.Confirmed> c = confirmed.stream()
                    .filter(f -> f.candidate().equals(s.candidate()))
                    .findFirst();
            judged.add(c.isPresent() ? finalist(s, c.get()) : screenedOut(s));
        }
        Judged best = judged.stream()
                .filter(j -> j.eligible() && !j.candidate().placebo())
                .max((a, b) -> a.gain() != b.gain()
                        ? Double.compare(a.gain(), b.gain())
                        : b.candidate().candidateId().compareTo(a.candidate().candidateId()))
                .orElse(null);
        List<GateDecided.Verdict> verdicts = new ArrayList<>();
        for (Judged j : judged) {
            verdicts.add(finalReason(j, best));
        }
        int n = it.number();
        List<Event> events = new ArrayList<>();
        events.add(new GateDecided(n, best == null ? null : best.candidate().candidateId(), verdicts));
        if (best != null) {
            events.add(new CandidatePromoted(
                    n,
                    best.candidate().candidateId(),
                    it.libraryVersion(),
                    best.candidate().version()));
        }
        for (GateDecided.Verdict v : verdicts) {
            if (!v.accepted() && !v.placeboEdit()) {
                events.add(new CandidateDiscarded(n, v.candidateId(), "gate: " + v.reason()));
            }
        }
        return events;
    }

    private Judged screenedOut(GateStep.Screened s) {
        GateEvidence.Paired p = s.paired();
        String reason = "screen: gain " + p.gain().describe()
                + (p.gain().mean() <= 0
                        ? ", not above zero"
                        : forwarded == 1
                                ? ", behind the forwarded candidate"
                                : ", behind the " + forwarded + " forwarded");
        return new Judged(
                s.candidate(),
                verdict(s.candidate(), p, "not-forwarded", reason, p, null, null),
                false,
                p.gain().mean());
    }

    private Judged finalist(GateStep.Screened s, GateStep.Confirmed c) {
        SequentialTest.Result result = c.result();
        GateEvidence.Paired p = c.paired();
        List<EnvironmentGuard.Finding> findings = guard.check(p.envIds(), p.differences());
        List<GateDecided.EnvironmentGain> envs = findings.stream()
                .map(f -> new GateDecided.EnvironmentGain(f.envId(), gain(f.gain()), f.regressed()))
                .toList();
        String gain = "stage-2 gain " + result.gain().describe();
        String reason;
        boolean eligible = false;
        switch (result.status()) {
            case SUCCESS -> {
                Optional<EnvironmentGuard.Finding> regressed = findings.stream()
                        .filter(EnvironmentGuard.Finding::regressed)
                        .findFirst();
                eligible = regressed.isEmpty();
                reason = regressed
                        .map(f -> String.format(
                                Locale.ROOT,
                                "guard: %s regressed, %s: below zero at alpha %s/%d (z %.1f) and at least %.1f"
                                        + " points down",
                                f.envId(),
                                f.gain().describe(),
                                config.guardAlpha(),
                                findings.size(),
                                f.z(),
                                config.regressionMargin()))
                        .orElse(gain + " shown above zero at alpha " + config.alpha() + "/" + forwarded
                                + "; no environment shown to regress by " + points(config.regressionMargin())
                                + " or more");
            }
            case FUTILE -> reason = "futile: " + gain + " shown below the minimum effect " + points(config.minEffect());
            default -> reason = "undecided at the cap of " + config.maxItems() + " items: " + gain;
        }
        GateDecided.Verdict v =
                verdict(s.candidate(), p, result.status().label(), reason, s.paired(), result.gain(), envs);
        return new Judged(s.candidate(), v, eligible, result.gain().mean());
    }

    private GateDecided.Verdict finalReason(Judged j, Judged best) {
        GateDecided.Verdict v = j.verdict();
        boolean accepted = j.equals(best);
        String reason = v.reason();
        if (j.candidate().placebo()) {
            reason = "placebo, a null edit that is never promoted: "
                    + (j.eligible() ? "it would have passed (" + reason + ")" : reason);
        } else if (accepted) {
            reason = "accepted: " + reason
                    + proposedBefore
                            .apply(v.candidateId())
                            .map(p -> "; the same edit was proposed before (" + p + ")")
                            .orElse("");
        } else if (j.eligible()) {
            reason = "passed the gate, but " + best.candidate().candidateId() + " gained more (" + reason + ")";
        }
        return new GateDecided.Verdict(
                v.candidateId(),
                v.fixes(),
                v.regressions(),
                v.baselineFixes(),
                v.baselineRegressions(),
                v.net(),
                v.flaky(),
                v.infra(),
                v.pValue(),
                accepted,
                reason,
                v.flips(),
                v.status(),
                v.screen(),
                v.gain(),
                v.environments(),
                v.placebo(),
                v.libraryVersion());
    }

    private static GateDecided.Verdict verdict(
            GateStep.Candidate c,
            GateEvidence.Paired last,
            String status,
            String reason,
            GateEvidence.Paired screen,
            Estimate stage2,
            List<GateDecided.EnvironmentGain> envs) {
        List<GateDecided.Flip> flips = last.items().stream()
                .map(i -> new GateDecided.Flip(
                        i.instanceId(),
                        i.envId(),
                        i.baseline().label(),
                        i.candidate().label()))
                .toList();
        return new GateDecided.Verdict(
                c.candidateId(),
                last.better(),
                last.worse(),
                0,
                0,
                last.better() - last.worse(),
                0,
                last.infra(),
                null,
                false,
                reason,
                flips,
                status,
                gain(screen.gain()),
                stage2 == null ? null : gain(stage2),
                envs,
                c.placebo(),
                c.version());
    }

    static GateDecided.Gain gain(Estimate e) {
        return new GateDecided.Gain(e.items(), e.mean(), e.low(), e.high());
    }

    private static String points(double points) {
        return String.format(Locale.ROOT, "%.1f points", points);
    }
}
