package dev.ratchet.campaign;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Seeds;
import dev.ratchet.env.compose.NoInstanceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Fresh instances for the held-out gate. Item {@code j} of a stage is drawn independently: an
 * environment by the campaign's weights, a difficulty uniformly over its range and an instance
 * seed, all derived from (campaign seed, iteration, stage, j), so every decision sees items no
 * earlier decision, batch or confirm evaluation has seen, and the draw replays exactly. Independent
 * draws keep each item's expected difference equal to the weighted mean the sequential test is
 * about. Finite suites cannot be fresh: their tasks are drawn from the probe split, with
 * replacement, and {@link #reused} says how many.
 */
final class GateItems {

    private static final int REDRAWS = 16;

    private final long seed;
    private final List<String> weighted;
    private final Function<String, Environment> environments;
    private final SplitIndex splits;
    private final Set<String> held = new HashSet<>();

    /** @param weighted environment ids repeated by weight, or {@code <suite>/*} for a suite's probe tasks */
    GateItems(long seed, List<String> weighted, Function<String, Environment> environments, SplitIndex splits) {
        this.seed = seed;
        this.weighted = List.copyOf(weighted);
        this.environments = environments;
        this.splits = splits;
        for (List<Instance> split : List.of(splits.train(), splits.probe(), splits.confirm())) {
            split.forEach(i -> held.add(i.id()));
        }
    }

    /** Items {@code from .. from + count - 1} of a stage of an iteration's decision. */
    List<Instance> draw(int iteration, String stage, int from, int count) {
        List<Instance> out = new ArrayList<>(count);
        for (int j = from; j < from + count; j++) {
            out.add(item(iteration, stage, j));
        }
        return out;
    }

    /** Whether an instance of a finite suite (drawn from the probe split, so possibly seen before). */
    boolean reused(Instance instance) {
        return held.contains(instance.id());
    }

    private Instance item(int iteration, String stage, int j) {
        Rng rng = Rng.derived(seed, "gate", Integer.toString(iteration), stage, Integer.toString(j));
        String id = rng.pick(weighted);
        if (id.endsWith("/*")) {
            return suiteTask(id.substring(0, id.length() - 2), rng);
        }
        Environment env = environments.apply(id);
        for (int redraw = 0; redraw <= REDRAWS; redraw++) {
            int difficulty = env.minDifficulty() + rng.nextInt(env.maxDifficulty() - env.minDifficulty() + 1);
            long instanceSeed = Seeds.derive(rng.nextLong(), "instance");
            try {
                Instance instance = env.sample(instanceSeed, difficulty);
                if (!held.contains(instance.id())) {
                    return instance;
                }
            } catch (NoInstanceException e) {
                // a composite whose steps did not fit for this seed: draw another
            }
        }
        throw new IllegalStateException("could not draw a fresh instance of " + id + " in " + (REDRAWS + 1) + " draws");
    }

    private Instance suiteTask(String suite, Rng rng) {
        List<Instance> tasks = splits.probe().stream()
                .filter(i -> i.envId().startsWith(suite + "/"))
                .toList();
        if (tasks.isEmpty()) {
            throw new IllegalStateException("suite " + suite + " has no task in the probe split to gate on");
        }
        return rng.pick(tasks);
    }
}
