package dev.ratchet.campaign;

import dev.ratchet.agent.EpisodePool;
import dev.ratchet.agent.EpisodeRunner;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.SplitSizes;
import dev.ratchet.env.Splits;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.event.Event;
import dev.ratchet.model.ModelFactory;
import dev.ratchet.model.ResponseCache;
import dev.ratchet.model.Sleeper;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.skill.Library;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Assembles an evaluation as {@link CampaignSetup} assembles a campaign: the splits a campaign over
 * these environments would draw, and the agent's model (the simulator when it is simulated) behind
 * an episode pool. The proposer is never called, so its model, and its key, are not needed.
 */
public final class EvalSetup implements AutoCloseable {

    /** The split names {@link #episodes} accepts; {@code all} is train, probe and confirm in that order. */
    public static final List<String> SPLITS = List.of("train", "probe", "confirm", "all");

    private final CampaignConfig config;
    private final EnvironmentCatalog catalog;
    private final Library start;
    private final SimulatedWorld world;
    private final EpisodePool pool;

    private EvalSetup(
            CampaignConfig config, EnvironmentCatalog catalog, Library start, SimulatedWorld world, EpisodePool pool) {
        this.config = config;
        this.catalog = catalog;
        this.start = start;
        this.world = world;
        this.pool = pool;
    }

    /**
     * Wires an evaluation: the agent's model client (or the simulator) and the episode pool.
     *
     * @param config the evaluation's config: its environments, agent model, seed, split sizes, budgets
     * @param universe the campaign config whose environments the simulator's catalogue covers, so
     *     that a library learned in that campaign has the same true effects here
     * @param cache the response cache, used when the agent's {@code cache} setting is on
     * @param concurrency episodes at once; it cannot change what is written, so it is not recorded
     * @param notices hears when calls wait for a provider that stopped answering
     */
    public static EvalSetup live(
            CampaignConfig config,
            CampaignConfig universe,
            ModelConfig agent,
            EnvironmentCatalog catalog,
            Library start,
            Function<String, String> env,
            Clock clock,
            Sleeper sleeper,
            Optional<ResponseCache> cache,
            int concurrency,
            Consumer<String> notices) {
        if (!agent.name().equals(config.models().agent())) {
            throw new IllegalArgumentException("model " + agent.name() + " is not the config's agent "
                    + config.models().agent());
        }
        SimulatedWorld world = agent.provider() == ModelConfig.Provider.SIMULATED
                ? new SimulatedWorld(
                        agent.seed(),
                        catalog::resolve,
                        SimulatedWorld.Settings.defaults().withEnvIds(CampaignSetup.baseIds(universe, catalog)))
                : null;
        ModelFactory factory = new ModelFactory(env, Map.of("simulated", CampaignSetup.simulator(world)), notices);
        EpisodePool pool =
                new EpisodePool(new EpisodeRunner(factory.client(agent, clock, sleeper, cache)), concurrency);
        return new EvalSetup(config, catalog, start, world, pool);
    }

    /**
     * One episode per instance of {@code split} (one of {@link #SPLITS}), with the starting library,
     * each under its own split, in draw order. They are drawn as the evaluation asks for them, so
     * memory does not grow with the split's size.
     */
    public Evaluation.Episodes episodes(String split) {
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException("--split " + split + ": use one of " + SPLITS);
        }
        List<String> names = split.equals("all") ? SPLITS.subList(0, 3) : List.of(split);
        Splits.Sequence instances = Splits.stream(
                catalog,
                CampaignSetup.weightedIds(config),
                new SplitSizes(
                        config.splits().train(),
                        config.splits().probe(),
                        config.splits().confirm()),
                config.seed(),
                names);
        return Evaluation.episodes(instances, catalog::resolve, start);
    }

    public Evaluation evaluation(
            EventLog log, String stream, CampaignRunner.WallTime wallTime, Consumer<Event> listener) {
        return new Evaluation(log, stream, pool, Evaluation.budget(config.budgets()), wallTime, listener);
    }

    /** The row an environment's results go in: its suite for a suite task, else its config entry. */
    public Function<String, String> groups() {
        // Lookup only: the rows' order comes from the log.
        Map<String, String> rows = new HashMap<>();
        for (String pattern : CampaignSetup.weightedIds(config)) {
            String suite = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : null;
            catalog.expand(pattern).forEach(e -> rows.putIfAbsent(e.id(), suite == null ? pattern : suite));
        }
        return id -> rows.getOrDefault(id, id);
    }

    public CampaignConfig config() {
        return config;
    }

    public Library start() {
        return start;
    }

    /** The simulator behind the agent, when it is simulated. */
    public Optional<SimulatedWorld> world() {
        return Optional.ofNullable(world);
    }

    @Override
    public void close() {
        pool.close();
    }
}
