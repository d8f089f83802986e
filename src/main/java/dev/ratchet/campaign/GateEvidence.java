package dev.ratchet.campaign;

import dev.ratchet.env.Instance;
import dev.ratchet.gate.Estimate;
import dev.ratchet.gate.ItemState;
import java.util.ArrayList;
import java.util.List;

/**
 * Paired per-item evidence from recorded episodes: for each item, the baseline's and a
 * candidate's pass fraction over their samples, and the difference. Infrastructure samples are the
 * provider's fault and are left out; an item with none left on either side counts as infra and
 * pairs nothing. No item is dropped for disagreeing samples: a fraction keeps what they say.
 */
final class GateEvidence {

    private final IterationState iteration;
    private final int samples;

    GateEvidence(IterationState iteration, int samples) {
        this.iteration = iteration;
        this.samples = samples;
    }

    /** One paired item. */
    record Item(String instanceId, String envId, ItemState baseline, ItemState candidate, double difference) {}

    /** Paired items in draw order, and how many items paired nothing for infrastructure failures. */
    record Paired(List<Item> items, int infra) {
        static final Paired EMPTY = new Paired(List.of(), 0);

        Paired {
            items = List.copyOf(items);
        }

        Paired plus(Paired more) {
            List<Item> all = new ArrayList<>(items);
            all.addAll(more.items);
            return new Paired(all, infra + more.infra);
        }

        List<Double> differences() {
            return items.stream().map(Item::difference).toList();
        }

        List<String> envIds() {
            return items.stream().map(Item::envId).toList();
        }

        /** The sample variance of the differences (0 with fewer than two items). */
        double variance() {
            int n = items.size();
            if (n < 2) {
                return 0;
            }
            double mean = items.stream().mapToDouble(Item::difference).average().orElse(0);
            double squares = items.stream()
                    .mapToDouble(i -> (i.difference() - mean) * (i.difference() - mean))
                    .sum();
            return squares / (n - 1);
        }

        Estimate gain() {
            return Estimate.of(differences());
        }

        /** Paired items of the environment with the fewest, out of {@code environments} (0 if one has none). */
        int smallestEnvironment(int environments) {
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            items.forEach(i -> counts.merge(i.envId(), 1, Integer::sum));
            return counts.size() < environments
                    ? 0
                    : counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        }

        /** Items the candidate passed more often than the baseline. */
        int better() {
            return (int) items.stream().filter(i -> i.difference() > 0).count();
        }

        int worse() {
            return (int) items.stream().filter(i -> i.difference() < 0).count();
        }
    }

    Paired paired(List<GateItems.Item> stageItems, String arm) {
        List<Item> out = new ArrayList<>();
        int infra = 0;
        for (GateItems.Item item : stageItems) {
            Instance instance = item.instance();
            List<String> base = outcomes(GateStep.tag(GateStep.BASELINE, item), instance);
            List<String> cand = outcomes(GateStep.tag(arm, item), instance);
            ItemState b = ItemState.of(base);
            ItemState c = ItemState.of(cand);
            if (b == ItemState.INFRA || c == ItemState.INFRA) {
                infra++;
            } else {
                out.add(new Item(instance.id(), item.group(), b, c, fraction(cand) - fraction(base)));
            }
        }
        return new Paired(out, infra);
    }

    private List<String> outcomes(String tag, Instance instance) {
        List<String> got = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            got.add(iteration.gateEpisode(tag, instance.id(), s).orElseThrow().outcome());
        }
        return got;
    }

    private static double fraction(List<String> outcomes) {
        long agent = outcomes.stream().filter(o -> !"infra".equals(o)).count();
        long passed = outcomes.stream().filter("pass"::equals).count();
        return (double) passed / agent;
    }
}
