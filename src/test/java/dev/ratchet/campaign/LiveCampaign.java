package dev.ratchet.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.model.Sleeper;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.SkillFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small campaign on the real simulator, run through the real shell ({@link CampaignSetup#live},
 * {@link CampaignRunner}) against an on-disk SQLite log, from config files written in a temp dir.
 *
 * <p>The clock is fixed. {@code ResilientModelClient} records a call's latency as the difference
 * of two readings of its injected clock, so under a fixed clock every latency is 0 and two runs of
 * one config agree on every recorded byte, hashes included: the comparison needs no exceptions.
 */
public final class LiveCampaign {

    public static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** Named models for the test configs: the simulator as agent and as proposer. */
    public static final String MODELS =
            """
            models:
              sim-agent: {provider: simulated, seed: 11, options: {role: agent}}
              sim-proposer: {provider: simulated, seed: 11, options: {role: proposer}}
            """;

    /** A campaign of a few seconds at most: three environments, small splits, a small probe. */
    public static String config(long seed) {
        return """
                name: small
                models: {agent: sim-agent, proposer: sim-proposer}
                environments:
                  - {id: "seq(arith.add,nt.digit-sum)", weight: 2}
                  - units.roman
                  - "par(strings.reverse,lists.sort)"
                splits: {train: 60, probe: 40, confirm: 16}
                batch-size: 16
                candidates: 3
                gate: {min-env-items: 0, screen-items: 24, min-items: 48, max-items: 480, chunk-items: 96, alpha: 0.45, finalists: 2}
                iterations: 3
                stop-after-discards: 3
                concurrency: 4
                seed: %d
                """
                .formatted(seed);
    }

    private final CampaignConfig config;
    private final ModelConfigs models;
    private final Library start;

    private LiveCampaign(CampaignConfig config, ModelConfigs models, Library start) {
        this.config = config;
        this.models = models;
        this.start = start;
    }

    /** Writes {@code configYaml} and {@link #MODELS} into {@code dir} and loads them as the CLI would. */
    public static LiveCampaign in(Path dir, String configYaml) {
        try {
            Files.createDirectories(dir);
            Path config = Files.writeString(dir.resolve("small.yaml"), configYaml);
            Path models = Files.writeString(dir.resolve("models.yaml"), MODELS);
            return new LiveCampaign(CampaignConfigLoader.load(config), ModelConfigs.load(models), startingLibrary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's own starting library, as {@code ratchet run} loads it. */
    public static Library startingLibrary() {
        return SkillFiles.loadLibrary(Path.of("skills"), Path.of("config/prompts"));
    }

    public CampaignConfig config() {
        return config;
    }

    /**
     * Starts campaign {@code id} in {@code db}, or continues it when the log already holds it, as a
     * fresh process would: a new log handle, a new simulator, a new episode pool. Runs until the
     * campaign stops or {@code listener} throws.
     */
    public void run(Path db, String id, CampaignRunner.Listener listener) {
        try (SqliteEventLog log = SqliteEventLog.open(
                        db, new SqliteOptions(true, SqliteOptions.defaults().busyTimeout()), FIXED);
                CampaignSetup setup = CampaignSetup.live(
                        config, models, EnvironmentCatalog.builtIn(), start, name -> null, FIXED, Sleeper.system())) {
            if (log.streamVersion(id) == 0) {
                log.append(id, 0, List.of(NewEvent.keyed(started(id), "campaign-started")));
            }
            setup.runner(log, id, nextSeq -> null, listener).run();
        }
    }

    /** The campaign's setup on the simulator, as {@link #run} builds it; the caller closes it. */
    public CampaignSetup setup() {
        return CampaignSetup.live(
                config, models, EnvironmentCatalog.builtIn(), start, name -> null, FIXED, Sleeper.system());
    }

    public CampaignStarted started(String id) {
        JsonNode snapshot = new CampaignSnapshot(config, models)
                .toJson(raw(config.models().agent()), raw(config.models().proposer()));
        return new CampaignStarted(id, config.name(), snapshot, config.seed(), "test", start.version());
    }

    private static JsonNode raw(String model) {
        try {
            return new YAMLMapper().readTree(MODELS).path("models").path(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every recorded event of the log at {@code db}, envelope and bytes. */
    public static List<RecordedEvent> read(Path db) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            return events.toList();
        }
    }
}
