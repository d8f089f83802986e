package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Instance;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.GateDecided.Verdict;
import dev.ratchet.log.event.IterationStarted;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Properties of whole campaigns over many seeds, noise levels and gate settings, on the fake world. */
class DeciderProperties {

    /** One campaign's settings: the config seed and gate, and the world's noise and provider failures. */
    record Setup(long seed, double noise, double infraRate, int samples, int budget, Double alpha) {
        String yaml() {
            return "seed: " + seed + "\niterations: 4\ngate: {min-env-items: 0, screen-items: 12, min-items: "
                    + (12 + 12 * budget)
                    + ", max-items: 48, chunk-items: 12, samples-per-item: " + samples
                    + (alpha == null ? "" : ", alpha: " + alpha) + "}\n";
        }

        CampaignHarness harness() {
            return CampaignHarness.of(yaml(), FakeWorld.standard(noise, infraRate));
        }
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(
                        Arbitraries.longs(),
                        Arbitraries.of(0.0, 0.05, 0.15),
                        Arbitraries.of(0.0, 0.03),
                        Arbitraries.of(1, 2),
                        Arbitraries.of(0, 1),
                        Arbitraries.of(0.1, 0.25).injectNull(0.5))
                .as(Setup::new);
    }

    /** Both properties read one campaign, so each try runs it once. */
    @Property(tries = 25)
    void promotionsKeepTheBudgetAndProbesStayHeldOut(@ForAll("setups") Setup setup) {
        List<Event> events = setup.harness().run();

        noPromotionShowsMoreNewRegressionsThanTheBudget(events);
        theProbeNeverSharesAnInstanceWithTheBatchOrTheConfirmSplit(events);
        requireThatSomeCampaignsPromoteAndSomeReject(events);
    }

    /**
     * The budget check passes vacuously when no gate accepts, and the held-out check when no gate
     * runs: across the tried campaigns at least one must promote and some verdict must reject.
     */
    private static void requireThatSomeCampaignsPromoteAndSomeReject(List<Event> events) {
        List<Verdict> verdicts = CampaignHarness.ofType(events, GateDecided.class).stream()
                .flatMap(d -> d.verdicts().stream())
                .toList();
        boolean promoted =
                !CampaignHarness.ofType(events, CandidatePromoted.class).isEmpty();
        boolean rejected = verdicts.stream().anyMatch(v -> !v.accepted());
        Statistics.label("promoted").collect(promoted).coverage(c -> c.check(true)
                .count(n -> n >= 1));
        Statistics.label("a verdict rejected").collect(rejected).coverage(c -> c.check(true)
                .count(n -> n >= 1));
    }

    private static void noPromotionShowsMoreNewRegressionsThanTheBudget(List<Event> events) {
        for (GateDecided d : CampaignHarness.ofType(events, GateDecided.class)) {
            for (Verdict v : d.verdicts()) {
                if (v.accepted()) {
                    assertEquals(v.candidateId(), d.acceptedCandidateId());
                    assertEquals("success", v.status(), v.toString());
                    assertTrue(v.gain().mean() > 0, v.toString());
                    assertTrue(v.environments().stream().noneMatch(e -> e.regressed()), v.toString());
                }
            }
        }
        Set<String> accepted = CampaignHarness.ofType(events, GateDecided.class).stream()
                .map(GateDecided::acceptedCandidateId)
                .collect(Collectors.toSet());
        for (CandidatePromoted p : CampaignHarness.ofType(events, CandidatePromoted.class)) {
            assertTrue(accepted.contains(p.candidateId()), "every promotion was accepted by the gate");
        }
    }

    private static void theProbeNeverSharesAnInstanceWithTheBatchOrTheConfirmSplit(List<Event> events) {
        Set<String> probeSplit = ids(CampaignHarness.PROBE);
        Set<String> confirm = ids(CampaignHarness.CONFIRM);
        List<IterationStarted> iterations = CampaignHarness.ofType(events, IterationStarted.class);
        for (EpisodeScored e : CampaignHarness.ofType(events, EpisodeScored.class)) {
            if (e.split().equals("gate")) {
                Set<String> batch =
                        new HashSet<>(iterations.get(e.iteration() - 1).batch());
                assertTrue(!probeSplit.contains(e.instanceId()), "gate items are fresh: " + e.instanceId());
                assertTrue(!batch.contains(e.instanceId()) && !confirm.contains(e.instanceId()));
            }
        }
    }

    @Property(tries = 8)
    void aCampaignResumedAfterACrashDecidesExactlyLikeAnUninterruptedOne(
            @ForAll("setups") Setup setup,
            @ForAll @IntRange(min = 0, max = 100_000) int a,
            @ForAll @IntRange(min = 0, max = 100_000) int b) {
        CampaignHarness uninterrupted = setup.harness();
        List<Event> full = uninterrupted.run();

        for (int pick : List.of(a, b)) {
            int cut = uninterrupted.boundaries.get(pick % uninterrupted.boundaries.size());
            List<Event> resumed =
                    setup.harness().resumedFrom(full.subList(0, cut)).run();
            CampaignHarness.assertSameStream(full, resumed, "resumed after event " + cut);
        }
    }

    private static Set<String> ids(List<Instance> split) {
        return split.stream().map(Instance::id).collect(Collectors.toSet());
    }
}
