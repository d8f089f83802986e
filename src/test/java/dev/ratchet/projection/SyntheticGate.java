package dev.ratchet.projection;

import static dev.ratchet.projection.SyntheticCampaign.ENVS;
import static dev.ratchet.projection.SyntheticCampaign.PROBE;
import static dev.ratchet.projection.SyntheticCampaign.env;
import static dev.ratchet.projection.SyntheticCampaign.instance;

import dev.ratchet.log.event.BaselineProbeScored;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidateProbeScored;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.ItemResult;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.projection.SyntheticCampaign.Plan;
import dev.ratchet.skill.Library;
import java.util.ArrayList;
import java.util.List;

/** The held-out gate of one iteration, scripted from the plans' effects. */
final class SyntheticGate {
    private final SyntheticCampaign c;
    private final int n;
    private final List<ProbeBuilt.ProbeItem> items = new ArrayList<>();

    SyntheticGate(SyntheticCampaign c, int n) {
        this.c = c;
        this.n = n;
        for (int i = 0; i < PROBE; i++) {
            // consecutive probes overlap by three items, so probe reuse shows in the report
            long seed = 1000 + n * 5L + i;
            String id = instance((int) (seed % ENVS.size()), seed);
            items.add(new ProbeBuilt.ProbeItem(id, env(id), i < 4));
        }
    }

    void run(List<Plan> gated, int confirmPassed) {
        c.events.add(new ProbeBuilt(n, 9000L + n, items, n));
        String base = c.library.version();
        List<ItemResult> baseline = samples("baseline", c.library, null);
        c.events.add(new BaselineProbeScored(n, base, baseline));
        List<GateDecided.Verdict> verdicts = new ArrayList<>();
        for (Plan p : gated) {
            Library candidate = c.apply(p);
            String version = candidate.version();
            List<ItemResult> results = samples("candidate", candidate, p);
            c.events.add(new CandidateProbeScored(n, p.id(), version, results));
            verdicts.add(verdict(p, baseline, results));
        }
        String accepted = verdicts.stream()
                .filter(GateDecided.Verdict::accepted)
                .map(GateDecided.Verdict::candidateId)
                .findFirst()
                .orElse(null);
        c.events.add(new GateDecided(n, accepted, verdicts));
        for (Plan p : gated) {
            if (p.id().equals(accepted)) {
                String from = c.library.version();
                c.library = c.apply(p);
                c.events.add(new CandidatePromoted(n, p.id(), from, c.library.version()));
                c.events.add(c.snapshot(from));
                c.events.add(new ConfirmScored(n, c.library.version(), confirmPassed, 40));
            } else {
                c.events.add(new CandidateDiscarded(n, p.id(), "rejected by the held-out gate"));
            }
        }
    }

    private List<ItemResult> samples(String phase, Library library, Plan plan) {
        List<ItemResult> out = new ArrayList<>();
        for (int i = 0; i < PROBE; i++) {
            List<String> s = outcomes(i, plan);
            out.add(new ItemResult(items.get(i).instanceId(), s));
            for (int k = 0; k < s.size(); k++) {
                String episodeId = "ep-" + n + "-" + (plan == null ? "base" : plan.id()) + "-" + i + "-" + k;
                String id = items.get(i).instanceId();
                c.events.add(c.calls.agent(episodeId, id, "pass".equals(s.get(k)) ? "42" : "41", library));
                c.events.add(c.episode(
                        episodeId,
                        n,
                        phase,
                        "probe",
                        id,
                        library.version(),
                        k,
                        s.get(k),
                        "pass".equals(s.get(k)) ? "none" : "wrong-value"));
            }
        }
        return out;
    }

    /** Baseline: as drawn, except items 3 and 5 are flaky; a plan fixes or breaks items outright. */
    private static List<String> outcomes(int i, Plan plan) {
        if (plan != null && contains(plan.fixes(), i)) {
            return List.of("pass", "pass");
        }
        if (plan != null && contains(plan.breaks(), i)) {
            return List.of("fail", "fail");
        }
        if (i == 3) {
            return List.of("pass", "fail");
        }
        if (i == 5) {
            return List.of("fail", "pass");
        }
        return i < 4 ? List.of("fail", "fail") : List.of("pass", "pass");
    }

    private GateDecided.Verdict verdict(Plan p, List<ItemResult> baseline, List<ItemResult> candidate) {
        List<GateDecided.Flip> flips = new ArrayList<>();
        int fixes = 0;
        int regressions = 0;
        int flaky = 0;
        for (int i = 0; i < PROBE; i++) {
            String before = i < 4 ? "fail" : "pass";
            String b = state(baseline.get(i).samples());
            String after = state(candidate.get(i).samples());
            flips.add(new GateDecided.Flip(items.get(i).instanceId(), before, b, after));
            fixes += before.equals("fail") && after.equals("pass") ? 1 : 0;
            regressions += before.equals("pass") && after.equals("fail") ? 1 : 0;
            flaky += b.equals("flaky") || after.equals("flaky") ? 1 : 0;
        }
        int net = fixes - regressions;
        boolean accepted = net > 0 && regressions == 0;
        String reason = accepted
                ? "net +" + net + " > 0 and 0 new regressions within budget 0"
                : regressions > 0
                        ? regressions + " new regression(s) exceed budget 0"
                        : "net " + net + " is not positive";
        return new GateDecided.Verdict(
                p.id(),
                fixes,
                regressions,
                0,
                0,
                net,
                flaky,
                0,
                signTest(fixes, regressions),
                accepted,
                reason,
                flips,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static String state(List<String> samples) {
        return samples.stream().distinct().count() > 1 ? "flaky" : samples.get(0);
    }

    private static double signTest(int fixes, int regressions) {
        int total = fixes + regressions;
        double p = 0;
        for (int k = fixes; k <= total; k++) {
            p += binomial(total, k) / Math.pow(2, total);
        }
        return total == 0 ? 1.0 : p;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    private static boolean contains(int[] xs, int x) {
        for (int v : xs) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }
}
