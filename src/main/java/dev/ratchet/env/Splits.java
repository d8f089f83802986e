package dev.ratchet.env;

import dev.ratchet.env.compose.NoInstanceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Train, probe (held out) and confirm instances, drawn deterministically from a campaign seed and
 * disjoint by instance identity.
 *
 * <p>For each split, its total is spread evenly over the generated environments in the given order
 * (the first ones get one more when it does not divide); an environment's instances cycle through
 * its difficulty range from a seeded offset. Instance seeds are derived from (seed, split, env,
 * index); a draw that repeats an instance id or a prompt already drawn is drawn again, so splits
 * do not share tasks even when a generator's space is small (as is a composite seed that finds no
 * instance). Fixed tasks (suite lines) are
 * shuffled with the seed and dealt to the splits in proportion to their sizes.
 */
public final class Splits {

    static final String TRAIN = "train";
    static final String PROBE = "probe";
    static final String CONFIRM = "confirm";
    private static final List<String> NAMES = List.of(TRAIN, PROBE, CONFIRM);
    /** Redraws allowed per instance before a repeated prompt is accepted (the space is exhausted). */
    private static final int REDRAWS = 16;

    private final List<Instance> train;
    private final List<Instance> probe;
    private final List<Instance> confirm;

    private Splits(List<Instance> train, List<Instance> probe, List<Instance> confirm) {
        this.train = List.copyOf(train);
        this.probe = List.copyOf(probe);
        this.confirm = List.copyOf(confirm);
    }

    /** Splits as given, e.g. read back from a log; {@link #checkDisjoint} tells if they overlap. */
    public static Splits of(List<Instance> train, List<Instance> probe, List<Instance> confirm) {
        return new Splits(train, probe, confirm);
    }

    /**
     * Draws the three splits. {@code envIds} are catalog ids (composites included) or
     * {@code <suite>/*}; throws IllegalArgumentException for an unknown id.
     */
    public static Splits draw(EnvironmentCatalog catalog, List<String> envIds, SplitSizes sizes, long seed) {
        List<Environment> generated = new ArrayList<>();
        List<Environment> fixed = new ArrayList<>();
        for (String id : envIds) {
            for (Environment environment : catalog.expand(id)) {
                (environment.generated() ? generated : fixed).add(environment);
            }
        }
        if (generated.isEmpty() && sizes.total() > 0 && fixed.isEmpty()) {
            throw new IllegalArgumentException("no environments to draw splits from");
        }
        List<List<Instance>> splits = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Set<String> ids = new HashSet<>();
        Set<String> prompts = new HashSet<>();
        for (int s = 0; s < NAMES.size(); s++) {
            String split = NAMES.get(s);
            int total = generated.isEmpty() ? 0 : sizes.of(split);
            for (int e = 0; e < generated.size(); e++) {
                int count = total / generated.size() + (e < total % generated.size() ? 1 : 0);
                drawInstances(generated.get(e), split, count, seed, ids, prompts, splits.get(s));
            }
        }
        deal(fixed, sizes, seed, splits);
        return new Splits(splits.get(0), splits.get(1), splits.get(2));
    }

    private static void drawInstances(
            Environment environment,
            String split,
            int count,
            long seed,
            Set<String> ids,
            Set<String> prompts,
            List<Instance> into) {
        int range = environment.maxDifficulty() - environment.minDifficulty() + 1;
        long offset = Rng.derived(seed, "difficulty", split, environment.id()).below(range);
        for (int j = 0; j < count; j++) {
            int difficulty = environment.minDifficulty() + (int) ((offset + j) % range);
            Instance instance = null;
            for (int redraw = 0; redraw <= REDRAWS; redraw++) {
                long instanceSeed = Seeds.derive(
                        seed, "split", split, environment.id(), Integer.toString(j), Integer.toString(redraw));
                Instance candidate;
                try {
                    candidate = environment.sample(instanceSeed, difficulty);
                } catch (NoInstanceException e) {
                    continue; // a composite whose steps did not fit for this seed: draw another
                }
                if (ids.contains(candidate.id())) {
                    continue;
                }
                instance = candidate;
                if (!prompts.contains(candidate.prompt())) {
                    break;
                }
            }
            if (instance == null) {
                throw new IllegalStateException(
                        "could not draw a new instance of " + environment.id() + " in " + (REDRAWS + 1) + " draws");
            }
            ids.add(instance.id());
            prompts.add(instance.prompt());
            into.add(instance);
        }
    }

    /** Shuffles fixed tasks and deals them in proportion to the split sizes (largest remainder). */
    private static void deal(List<Environment> fixed, SplitSizes sizes, long seed, List<List<Instance>> splits) {
        if (fixed.isEmpty()) {
            return;
        }
        List<Environment> shuffled = Rng.derived(seed, "fixed-tasks").shuffled(fixed);
        int[] shares = shares(shuffled.size(), sizes);
        int next = 0;
        for (int s = 0; s < NAMES.size(); s++) {
            for (int k = 0; k < shares[s]; k++) {
                Environment task = shuffled.get(next++);
                splits.get(s).add(task.sample(0, task.minDifficulty()));
            }
        }
    }

    private static int[] shares(int count, SplitSizes sizes) {
        int total = sizes.total();
        int[] weights = total == 0 ? new int[] {1, 1, 1} : new int[] {sizes.train(), sizes.probe(), sizes.confirm()};
        int weightSum = weights[0] + weights[1] + weights[2];
        int[] shares = new int[3];
        long[] remainders = new long[3];
        int given = 0;
        for (int s = 0; s < 3; s++) {
            shares[s] = (int) ((long) count * weights[s] / weightSum);
            remainders[s] = (long) count * weights[s] % weightSum;
            given += shares[s];
        }
        while (given < count) {
            int best = 0;
            for (int s = 1; s < 3; s++) {
                if (remainders[s] > remainders[best]) {
                    best = s;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    public List<Instance> train() {
        return train;
    }

    public List<Instance> probe() {
        return probe;
    }

    public List<Instance> confirm() {
        return confirm;
    }

    /** Throws IllegalStateException naming the first instance id that appears in two splits (or twice in one). */
    public void checkDisjoint() {
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < NAMES.size(); s++) {
            List<Instance> split = List.of(train, probe, confirm).get(s);
            for (Instance instance : split) {
                if (!seen.add(instance.id())) {
                    throw new IllegalStateException("instance " + instance.id() + " appears more than once across the"
                            + " splits (again in " + NAMES.get(s) + ")");
                }
            }
        }
    }
}
