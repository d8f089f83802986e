package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Step;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SORT: the steps of a chain are shown shuffled; the agent recovers their order. Draws prefer
 * instances in which only the true order reaches the target; any order that does is accepted.
 */
final class Sort extends Ordering {

    /** Draws spent looking for an instance with a unique order before settling for one that is not. */
    private static final int UNIQUE_DRAWS = 8;

    Sort(List<Composable> children) {
        super(Operator.SORT, children);
    }

    @Override
    public String description() {
        return "Order " + steps().size() + " shuffled operations: "
                + String.join(", ", children().stream().map(c -> c.id()).toList());
    }

    @Override
    Part bind(long seed, int difficulty) {
        Chain fallback = null;
        int fallbackAttempt = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Chain> chain = Chain.draw(steps(), seed, difficulty, attempt);
            if (chain.isEmpty()) {
                continue;
            }
            if (uniqueOrder(chain.get())) {
                return part(chain.get(), attempt, seed);
            }
            if (fallback == null) {
                fallback = chain.get();
                fallbackAttempt = attempt;
            }
            if (attempt >= UNIQUE_DRAWS) {
                break;
            }
        }
        if (fallback == null) {
            throw noInstance(seed, difficulty);
        }
        return part(fallback, fallbackAttempt, seed);
    }

    private Part part(Chain chain, int attempt, long seed) {
        return part(
                chain,
                chain.steps(),
                true,
                Rng.derived(seed, "labels", Integer.toString(attempt)),
                "The operations below are shuffled. Applied one after another in the right order, each exactly once and"
                        + " each to the result of the one before, they");
    }

    /** True when no other order of the steps reaches the chain's result. */
    static boolean uniqueOrder(Chain chain) {
        List<Step> steps = chain.steps();
        for (List<Integer> order : permutations(steps.size())) {
            if (order.equals(OrderSlot.indices(steps.size()))) {
                continue;
            }
            List<Step> reordered = order.stream().map(steps::get).toList();
            Optional<Value> result = Chain.run(reordered, chain.input());
            if (result.isPresent() && ValueFormat.matches(chain.output(), result.get(), true)) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Integer>> permutations(int n) {
        List<List<Integer>> all = new ArrayList<>();
        permute(new ArrayList<>(), new boolean[n], all);
        return all;
    }

    private static void permute(List<Integer> prefix, boolean[] used, List<List<Integer>> all) {
        if (prefix.size() == used.length) {
            all.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(i);
                permute(prefix, used, all);
                prefix.remove(prefix.size() - 1);
                used[i] = false;
            }
        }
    }
}
