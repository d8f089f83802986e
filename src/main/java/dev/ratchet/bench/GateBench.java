package dev.ratchet.bench;

import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.GroundTruth;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.Event;
import dev.ratchet.model.Sleeper;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.skill.Library;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The gate's honesty on the simulator: runs one campaign config under many (campaign seed,
 * simulator seed) pairs, in memory, and judges each finished campaign against the simulator's
 * ground truth ({@link GroundTruth}). Run {@code i} adds {@code i} to both the config's seed and
 * the simulated models' seed, so run 0 is the config exactly as written.
 *
 * <p>Campaigns here measure no wall time (a wall-time budget never stops them) and use a fixed
 * clock, so every figure is a function of the config and the seeds alone.
 */
public final class GateBench {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final CampaignConfig config;
    private final ModelConfigs models;
    private final EnvironmentCatalog catalog;
    private final Library start;

    /**
     * @throws IllegalArgumentException if the config's agent or proposer is not the simulator
     */
    public GateBench(CampaignConfig config, ModelConfigs models, EnvironmentCatalog catalog, Library start) {
        this.config = Objects.requireNonNull(config, "config");
        this.models = Objects.requireNonNull(models, "models");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.start = Objects.requireNonNull(start, "start");
        for (String name : List.of(config.models().agent(), config.models().proposer())) {
            if (models.get(name).provider() != ModelConfig.Provider.SIMULATED) {
                throw new IllegalArgumentException("model '" + name + "' is provider "
                        + models.get(name).provider().id()
                        + ": only the simulated world knows the ground truth this benchmark measures");
            }
        }
    }

    /** One seeded campaign and what the simulator says about it. */
    public record Run(long campaignSeed, long simulatorSeed, GroundTruth truth) {
        public Run {
            Objects.requireNonNull(truth, "truth");
        }
    }

    /** A run with its whole event stream, for checks that read the evidence. */
    public record Campaign(Run run, List<Event> events) {
        public Campaign {
            Objects.requireNonNull(run, "run");
            events = List.copyOf(events);
        }
    }

    /** Runs {@code seeds} campaigns, reporting each as it finishes; only the figures are kept. */
    public List<Run> runs(int seeds, Consumer<Run> progress) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1: " + seeds);
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            Run r = campaign(i).run();
            progress.accept(r);
            runs.add(r);
        }
        return List.copyOf(runs);
    }

    /** The campaign with both seeds shifted by {@code offset}. */
    public Campaign campaign(int offset) {
        return campaign(offset, config.withSeed(config.seed() + offset));
    }

    /** The campaign with both seeds shifted by {@code offset}, run for {@code iterations} without stopping early. */
    public Campaign longCampaign(int offset, int iterations) {
        return campaign(offset, config.withSeed(config.seed() + offset).withLongRun(iterations));
    }

    private Campaign campaign(int offset, CampaignConfig shifted) {
        ModelConfigs shiftedModels = shiftSimulatorSeed(offset);
        try (CampaignSetup setup =
                CampaignSetup.live(shifted, shiftedModels, catalog, start, name -> null, FIXED, Sleeper.system())) {
            SimulatedWorld world = setup.world().orElseThrow();
            InMemoryEventLog log = new InMemoryEventLog(FIXED);
            setup.runner(log, "bench-gate-" + offset, nextSeq -> null, e -> {}).run();
            List<Event> events;
            try (Stream<RecordedEvent> s = log.read(EventQuery.all())) {
                events = s.map(RecordedEvent::event).toList();
            }
            GroundTruth truth = GroundTruth.of(events, world, shifted.environments());
            return new Campaign(new Run(shifted.seed(), world.seed(), truth), events);
        }
    }

    private ModelConfigs shiftSimulatorSeed(int offset) {
        TreeMap<String, ModelConfig> shifted = new TreeMap<>(models.models());
        for (String name : List.of(config.models().agent(), config.models().proposer())) {
            ModelConfig m = models.get(name);
            shifted.put(
                    name, m.toBuilder().seed(Math.addExact(m.seed(), offset)).build());
        }
        return new ModelConfigs(models.source(), shifted);
    }
}
