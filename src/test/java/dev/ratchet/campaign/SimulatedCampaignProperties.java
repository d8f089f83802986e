package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.bench.GateBench;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.log.event.GateDecided.Verdict;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProbeBuilt.ProbeItem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The gate's must-holds over many seeded campaigns on the real simulator and the real shell, read
 * from the events alone: no promotion's evidence shows more new regressions than the budget, and
 * the probe never shares an instance with the batch that produced the proposals or with the
 * confirm split.
 */
class SimulatedCampaignProperties {

    /** One campaign: its seed, the simulator's seed and the gate's settings. */
    record Setup(long seed, int simulatorSeed, int samples, int budget, Double alpha) {
        String yaml() {
            return """
                    models: {agent: sim-agent, proposer: sim-proposer}
                    environments:
                      - {id: "seq(arith.add,nt.digit-sum)", weight: 2}
                      - units.roman
                      - "par(strings.reverse,lists.sort)"
                      - "sort(arith.multiply,nt.digit-sum)"
                    splits: {train: 40, probe: 30, confirm: 12}
                    batch-size: 12
                    candidates: 3
                    gate: {probe-size: 10, samples-per-item: %d, regression-budget: %d%s}
                    iterations: 3
                    concurrency: 2
                    seed: %d
                    """
                    .formatted(samples, budget, alpha == null ? "" : ", alpha: " + alpha, seed);
        }

        GateBench.Campaign run() {
            String models = LiveCampaign.MODELS.replace("seed: 11", "seed: " + simulatorSeed);
            return new GateBench(
                            CampaignConfigLoader.parse(yaml(), "property.yaml", "property"),
                            ModelConfigs.parse(models, "models.yaml"),
                            EnvironmentCatalog.builtIn(),
                            LiveCampaign.startingLibrary())
                    .campaign(0);
        }
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(
                        Arbitraries.longs(),
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.of(1, 2),
                        Arbitraries.of(0, 1),
                        Arbitraries.of(0.5).injectNull(0.7))
                .as(Setup::new);
    }

    /** Both must-holds read one campaign, so each try runs it once. */
    @Property(tries = 30)
    void promotionsKeepTheBudgetAndProbesStayHeldOut(@ForAll("setups") Setup setup) {
        List<Event> events = setup.run().events();
        List<CandidatePromoted> promotions = ofType(events, CandidatePromoted.class);
        Statistics.label("promotions").collect(promotions.isEmpty() ? "none" : "some");

        for (CandidatePromoted p : promotions) {
            Verdict v = acceptedVerdict(events, p);
            noMoreNewRegressionsThanTheBudget(setup, v, probeOf(events, p.iteration()));
        }
        theProbeNeverSharesAnInstanceWithTheBatchOrTheConfirmSplit(events);
    }

    /** Recounted from the evidence item by item, not taken from the verdict's own totals. */
    private static void noMoreNewRegressionsThanTheBudget(Setup setup, Verdict v, ProbeBuilt probe) {
        assertEquals(
                probe.items().stream().map(ProbeItem::instanceId).toList(),
                v.flips().stream().map(Flip::instanceId).toList(),
                "the evidence covers the probe, item by item");
        int regressions = 0;
        int baselineRegressions = 0;
        for (Flip f : v.flips()) {
            if (!definite(f.baseline()) || !definite(f.candidate())) {
                continue;
            }
            regressions += f.before().equals("pass") && f.candidate().equals("fail") ? 1 : 0;
            baselineRegressions += f.before().equals("pass") && f.baseline().equals("fail") ? 1 : 0;
        }
        assertEquals(v.regressions() - v.baselineRegressions(), regressions - baselineRegressions, v.toString());
        assertTrue(regressions - baselineRegressions <= setup.budget(), v.toString());
        assertTrue(v.net() >= 1, v.toString());
    }

    private static void theProbeNeverSharesAnInstanceWithTheBatchOrTheConfirmSplit(List<Event> events) {
        Set<String> confirm = ofType(events, EpisodeScored.class).stream()
                .filter(e -> e.split().equals("confirm"))
                .map(EpisodeScored::instanceId)
                .collect(Collectors.toSet());
        assertFalse(confirm.isEmpty(), "the starting library is always evaluated on the confirm split");
        Map<Integer, Set<String>> batches = new HashMap<>();
        for (IterationStarted i : ofType(events, IterationStarted.class)) {
            batches.put(i.iteration(), new HashSet<>(i.batch()));
        }
        for (ProbeBuilt probe : ofType(events, ProbeBuilt.class)) {
            Set<String> batch = batches.get(probe.iteration());
            assertNotNull(batch, "iteration " + probe.iteration() + " started before its probe");
            for (ProbeItem item : probe.items()) {
                assertFalse(batch.contains(item.instanceId()), "probe item in the batch: " + item.instanceId());
                assertFalse(confirm.contains(item.instanceId()), "probe item in the confirm split: " + item);
            }
        }
    }

    private static Verdict acceptedVerdict(List<Event> events, CandidatePromoted p) {
        GateDecided decided = ofType(events, GateDecided.class).stream()
                .filter(g -> g.iteration() == p.iteration())
                .findFirst()
                .orElseThrow(() -> new AssertionError("promotion without a gate decision: " + p));
        assertEquals(p.candidateId(), decided.acceptedCandidateId(), "only the accepted candidate is promoted");
        return decided.verdicts().stream()
                .filter(v -> v.candidateId().equals(p.candidateId()))
                .findFirst()
                .orElseThrow();
    }

    private static ProbeBuilt probeOf(List<Event> events, int iteration) {
        return ofType(events, ProbeBuilt.class).stream()
                .filter(p -> p.iteration() == iteration)
                .findFirst()
                .orElseThrow();
    }

    private static boolean definite(String state) {
        return state.equals("pass") || state.equals("fail");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Event> List<T> ofType(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }
}
