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
 * seed, all derived from (campaign seed, library version, stage, j), so no batch or confirm
 * evaluation and no decision on another version has seen them, and the draw replays exactly.
 * Independent draws keep each item's expected difference equal to the weighted mean the sequential
 * test is about.
 *
 * <p>Every decision on one library version draws the same items, so the baseline runs once per
 * version and item and each decision only pays for its candidates (see {@link
 * IterationState#baseline}). Each decision's test stays valid: its candidates were proposed without
 * seeing these items, and the baseline's episodes are independent of them. What the sharing changes
 * is that decisions on one version err together (a baseline that was unlucky on its items makes
 * every candidate look a little better); the expected number of false promotions is the same, and a
 * promotion moves the campaign to a new version with new items.
 *
 * <p>Finite suites cannot be fresh: their tasks are drawn from the probe split, with replacement,
 * and {@link #reused} says which.
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

    /**
     * One drawn item: its place in the decision ({@code stage.j}), which names its episodes so that a
     * suite task drawn twice is two observations; the instance; and its group for the per-environment
     * guard (the environment id, or {@code <suite>/*} for a suite's tasks).
     */
    record Item(String place, Instance instance, String group) {}

    /** Items {@code from .. from + count - 1} of a stage of the decisions on library {@code version}. */
    List<Item> draw(String version, String stage, int from, int count) {
        List<Item> out = new ArrayList<>(count);
        for (int j = from; j < from + count; j++) {
            Instance instance = item(version, stage, j);
            out.add(new Item(
                    stage + "." + j, instance, held.contains(instance.id()) ? suiteOf(instance) : instance.envId()));
        }
        return out;
    }

    /** How many environments the draws come from (a suite's tasks count as environments of their own). */
    int environments() {
        return (int) weighted.stream().distinct().count();
    }

    /** Whether an instance of a finite suite (drawn from the probe split, so possibly seen before). */
    boolean reused(Instance instance) {
        return held.contains(instance.id());
    }

    private Instance item(String version, String stage, int j) {
        Rng rng = Rng.derived(seed, "gate", version, stage, Integer.toString(j));
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

    /** A task of the suite from the probe split; from the other splits when the probe holds none (a tiny suite). */
    private Instance suiteTask(String suite, Rng rng) {
        List<Instance> tasks = ofSuite(splits.probe(), suite);
        if (tasks.isEmpty()) {
            tasks = new ArrayList<>(ofSuite(splits.train(), suite));
            tasks.addAll(ofSuite(splits.confirm(), suite));
        }
        if (tasks.isEmpty()) {
            throw new IllegalStateException("suite " + suite + " has no task in any split to gate on");
        }
        return rng.pick(tasks);
    }

    /** A suite task's group for the guard: {@code <suite>/*}, as the campaign's config names it. */
    private static String suiteOf(Instance instance) {
        String id = instance.envId();
        return id.substring(0, id.indexOf('/')) + "/*";
    }

    private static List<Instance> ofSuite(List<Instance> split, String suite) {
        return split.stream().filter(i -> i.envId().startsWith(suite + "/")).toList();
    }
}
