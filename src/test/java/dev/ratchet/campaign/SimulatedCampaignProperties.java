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
                    gate: {min-env-items: 0, screen-items: 10, min-items: %d, max-items: 60, chunk-items: 20, samples-per-item: %d%s}
                    iterations: 3
                    concurrency: 2
                    seed: %d
                    """
                    .formatted(20 + 20 * budget, samples, alpha == null ? "" : ", alpha: " + alpha, seed);
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
                        Arbitraries.of(0.2).injectNull(0.7))
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
            noMoreNewRegressionsThanTheBudget(setup, v);
        }
        theProbeNeverSharesAnInstanceWithTheBatchOrTheConfirmSplit(events);
    }

    /** Recounted from the stage-2 evidence item by item, not taken from the verdict's own totals. */
    private static void noMoreNewRegressionsThanTheBudget(Setup setup, Verdict v) {
        int better = 0;
        int worse = 0;
        for (Flip f : v.flips()) {
            better += f.candidate().equals("pass") && f.baseline().equals("fail") ? 1 : 0;
            worse += f.candidate().equals("fail") && f.baseline().equals("pass") ? 1 : 0;
        }
        if (setup.samples() == 1) {
            assertEquals(v.fixes(), better, v.toString());
            assertEquals(v.regressions(), worse, v.toString());
        }
        assertEquals("success", v.status(), v.toString());
        assertTrue(v.gain().mean() > 0 && v.gain().items() >= v.flips().size(), v.toString());
        assertTrue(v.environments().stream().noneMatch(e -> e.regressed()), v.toString());
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
        List<EpisodeScored> gate = ofType(events, EpisodeScored.class).stream()
                .filter(e -> e.split().equals("gate"))
                .toList();
        Statistics.label("gate episodes").collect(gate.isEmpty() ? "none" : "some");
        for (EpisodeScored e : gate) {
            Set<String> batch = batches.get(e.iteration());
            assertNotNull(batch, "iteration " + e.iteration() + " started before its gate");
            assertFalse(batch.contains(e.instanceId()), "gate item in the batch: " + e.instanceId());
            assertFalse(confirm.contains(e.instanceId()), "gate item in the confirm split: " + e.instanceId());
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

    @SuppressWarnings("unchecked")
    private static <T extends Event> List<T> ofType(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }
}
