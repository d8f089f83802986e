package dev.ratchet.campaign;

import dev.ratchet.agent.EpisodePool;
import dev.ratchet.agent.EpisodeRunner;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.SplitSizes;
import dev.ratchet.env.Splits;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.ChatModelProvider;
import dev.ratchet.model.ModelClient;
import dev.ratchet.model.ModelFactory;
import dev.ratchet.model.ProposerModelClient;
import dev.ratchet.model.ReplayModelClient;
import dev.ratchet.model.ResponseCache;
import dev.ratchet.model.Sleeper;
import dev.ratchet.model.simulated.SimulatedFaults;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.propose.ProposalSchema;
import dev.ratchet.skill.Library;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Assembles a campaign from its configuration: the environments and splits, the models (real,
 * simulated, or replayed from a log), the episode pool and the decider. Live runs, resumes and
 * replays all go through here, so they build exactly the same campaign.
 */
public final class CampaignSetup implements AutoCloseable {

    private final CampaignConfig config;
    private final EnvironmentCatalog catalog;
    private final Splits splits;
    private final Library start;
    private final ModelClient agent;
    private final ModelClient proposer;
    private final EpisodePool pool;
    private final SimulatedWorld world;

    private CampaignSetup(
            CampaignConfig config,
            EnvironmentCatalog catalog,
            Library start,
            ModelClient agent,
            ModelClient proposer,
            SimulatedWorld world) {
        this.config = config;
        this.catalog = catalog;
        this.start = start;
        this.splits = drawSplits(config, catalog);
        this.agent = agent;
        this.proposer = proposer;
        this.world = world;
        this.pool = new EpisodePool(new EpisodeRunner(agent), config.concurrency());
    }

    /** A live campaign without a response cache. */
    public static CampaignSetup live(
            CampaignConfig config,
            ModelConfigs models,
            EnvironmentCatalog catalog,
            Library start,
            Function<String, String> env,
            Clock clock,
            Sleeper sleeper) {
        return live(config, models, catalog, start, env, clock, sleeper, Optional.empty());
    }

    /**
     * A live campaign: models built by the factory; the simulator when a model's provider is
     * simulated; {@code cache} behind every model whose {@code cache} setting is on.
     */
    public static CampaignSetup live(
            CampaignConfig config,
            ModelConfigs models,
            EnvironmentCatalog catalog,
            Library start,
            Function<String, String> env,
            Clock clock,
            Sleeper sleeper,
            Optional<ResponseCache> cache) {
        return live(config, models, catalog, start, env, clock, sleeper, cache, notice -> {});
    }

    /** As above; {@code notices} hears when calls wait for a provider that stopped answering. */
    public static CampaignSetup live(
            CampaignConfig config,
            ModelConfigs models,
            EnvironmentCatalog catalog,
            Library start,
            Function<String, String> env,
            Clock clock,
            Sleeper sleeper,
            Optional<ResponseCache> cache,
            Consumer<String> notices) {
        ModelConfig agentConfig = models.get(config.models().agent());
        ModelConfig proposerConfig = models.get(config.models().requiredProposer());
        SimulatedWorld world = needsWorld(agentConfig, proposerConfig)
                ? new SimulatedWorld(
                        simulatorSeed(agentConfig, proposerConfig),
                        catalog::resolve,
                        SimulatedWorld.Settings.defaults()
                                .withEnvIds(baseIds(config, catalog))
                                .withDeterministic(deterministic(agentConfig)))
                : null;
        ModelFactory factory = new ModelFactory(env, Map.of("simulated", simulator(world)), notices);
        return new CampaignSetup(
                config,
                catalog,
                start,
                factory.client(agentConfig, clock, sleeper, cache),
                asProposer(factory.client(proposerConfig, clock, sleeper, cache), proposerConfig),
                world);
    }

    /** The simulator as the model factory's {@code simulated} provider: options.role picks agent or proposer. */
    public static ChatModelProvider simulator(SimulatedWorld world) {
        return c -> SimulatedFaults.wrap(c, role(c).equals("proposer") ? world.proposer() : world.agent());
    }

    /** A replay: both models answer only from the calls recorded in {@code recorded}. */
    public static CampaignSetup replay(
            CampaignConfig config,
            ModelConfigs models,
            EnvironmentCatalog catalog,
            Library start,
            Collection<ModelCallRecorded> recorded) {
        ModelConfig proposer = models.get(config.models().requiredProposer());
        return new CampaignSetup(
                config,
                catalog,
                start,
                new ReplayModelClient(models.get(config.models().agent()), recorded),
                asProposer(new ReplayModelClient(proposer, recorded), proposer),
                null);
    }

    /** The proposer's requests carry its own token limit and, where the provider has one, the edit's schema. */
    private static ModelClient asProposer(ModelClient client, ModelConfig config) {
        return new ProposerModelClient(client, config, ProposalSchema.SCHEMA, ProposalSchema.DESCRIPTION);
    }

    public CampaignRunner runner(
            EventLog log, String campaignId, CampaignRunner.WallTime wallTime, CampaignRunner.Listener listener) {
        return runner(log, campaignId, wallTime, listener, List::of);
    }

    /** A runner that folds {@code inputs} copied from a recording before every decision (replay). */
    public CampaignRunner runner(
            EventLog log,
            String campaignId,
            CampaignRunner.WallTime wallTime,
            CampaignRunner.Listener listener,
            CampaignRunner.Inputs inputs) {
        Decider decider =
                new Decider(config, splits.train(), splits.probe(), splits.confirm(), start, catalog::resolve);
        return new CampaignRunner(
                decider,
                log,
                campaignId,
                catalog::resolve,
                pool,
                proposer,
                wallTime,
                listener,
                Evaluation.budget(config.budgets()),
                inputs);
    }

    /** Re-checks, bisections and rollbacks on the campaign recorded in {@code log}. */
    public Auditor auditor(EventLog log, String campaignId, CampaignRunner.Listener listener) {
        CampaignRunner runner = runner(log, campaignId, nextSeq -> null, listener);
        return new Auditor(
                runner,
                new AuditStep(
                        config, catalog::resolve, SplitIndex.of(splits.train(), splits.probe(), splits.confirm())));
    }

    public Splits splits() {
        return splits;
    }

    public CampaignConfig config() {
        return config;
    }

    public Library start() {
        return start;
    }

    /** The simulator behind the models, when they are simulated: for ground-truth figures only. */
    public java.util.Optional<SimulatedWorld> world() {
        return java.util.Optional.ofNullable(world);
    }

    public ModelClient agent() {
        return agent;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Environment ids in draw order; an integer weight repeats an environment's share. */
    static List<String> weightedIds(CampaignConfig config) {
        double smallest = config.environments().stream()
                .mapToDouble(CampaignConfig.EnvironmentShare::weight)
                .min()
                .orElse(1);
        List<String> ids = new ArrayList<>();
        for (CampaignConfig.EnvironmentShare share : config.environments()) {
            long copies = Math.max(1, Math.round(share.weight() / smallest));
            for (long i = 0; i < copies; i++) {
                ids.add(share.id());
            }
        }
        for (CampaignConfig.SuiteShare suite : config.suites()) {
            ids.add(suite.name() + "/*");
        }
        return ids;
    }

    static Splits drawSplits(CampaignConfig config, EnvironmentCatalog catalog) {
        Splits s = Splits.draw(
                catalog,
                weightedIds(config),
                new SplitSizes(
                        config.splits().train(),
                        config.splits().probe(),
                        config.splits().confirm()),
                config.seed());
        s.checkDisjoint();
        return s;
    }

    static List<String> baseIds(CampaignConfig config, EnvironmentCatalog catalog) {
        List<String> ids = new ArrayList<>();
        for (String id : weightedIds(config)) {
            for (var e : catalog.expand(id)) {
                for (String base : e.baseIds()) {
                    if (!ids.contains(base)) {
                        ids.add(base);
                    }
                }
            }
        }
        return ids;
    }

    private static boolean needsWorld(ModelConfig... configs) {
        for (ModelConfig c : configs) {
            if (c.provider() == ModelConfig.Provider.SIMULATED) {
                return true;
            }
        }
        return false;
    }

    private static long simulatorSeed(ModelConfig agent, ModelConfig proposer) {
        return agent.provider() == ModelConfig.Provider.SIMULATED ? agent.seed() : proposer.seed();
    }

    /** {@code options: {deterministic: true}} on a simulated agent: the simulator at temperature 0. */
    static boolean deterministic(ModelConfig c) {
        return c.options() != null && c.options().path("deterministic").asBoolean(false);
    }

    private static String role(ModelConfig c) {
        return c.options() == null ? "agent" : c.options().path("role").asText("agent");
    }
}
