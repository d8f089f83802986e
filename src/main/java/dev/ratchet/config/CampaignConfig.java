package dev.ratchet.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ratchet.log.event.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One campaign's settings, read from {@code config/<name>.yaml} by {@link CampaignConfigLoader}.
 * Every nested part has defaults, so a file needs only its models and environments. Keys in the
 * file are kebab-case ({@code batch-size}); {@link #toJson()} writes them back the same way for the
 * campaign's start event.
 */
public record CampaignConfig(
        String name,
        Models models,
        List<EnvironmentShare> environments,
        List<SuiteShare> suites,
        CampaignConfigParts.Splits splits,
        int batchSize,
        int candidates,
        CampaignConfigParts.Gate gate,
        CampaignConfigParts.LibraryCaps library,
        int iterations,
        CampaignConfigParts.Budgets budgets,
        int stopAfterDiscards,
        long seed,
        int concurrency,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> holdoutEnvironments) {

    public static final int DEFAULT_BATCH_SIZE = 48;
    public static final int DEFAULT_CANDIDATES = 4;
    public static final int DEFAULT_ITERATIONS = 10;
    public static final int DEFAULT_STOP_AFTER_DISCARDS = 3;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_CONCURRENCY = 4;

    private static final JsonMapper SNAPSHOT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .build();

    public CampaignConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(models, "models");
        environments = List.copyOf(environments);
        suites = List.copyOf(suites);
        holdoutEnvironments = holdoutEnvironments == null ? List.of() : List.copyOf(holdoutEnvironments);
        requireUnique("holdout-environments", holdoutEnvironments);
        for (String id : holdoutEnvironments) {
            if (environments.stream().anyMatch(e -> e.id().equals(id))) {
                throw new IllegalArgumentException("holdout-environments: " + id + " is also among environments: a"
                        + " held-out environment is one the campaign never trains or gates on");
            }
        }
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(budgets, "budgets");
        CampaignConfigParts.atLeast("batch-size", batchSize, 1);
        CampaignConfigParts.atLeast("candidates", candidates, 1);
        CampaignConfigParts.atLeast("iterations", iterations, 1);
        CampaignConfigParts.atLeast("stop-after-discards", stopAfterDiscards, 1);
        CampaignConfigParts.atLeast("concurrency", concurrency, 1);
        if (environments.isEmpty() && suites.isEmpty()) {
            throw new IllegalArgumentException("environments: at least one environment or suite is required");
        }
        requireUnique(
                "environments", environments.stream().map(EnvironmentShare::id).toList());
        requireUnique("suites", suites.stream().map(SuiteShare::name).toList());
        if (gate.finalists() > candidates) {
            throw new IllegalArgumentException("gate.finalists: at most candidates (" + candidates
                    + ") can be forwarded, got " + gate.finalists());
        }
        double smallest = smallestShare(environments, suites);
        if (gate.minEnvItems() > smallest * gate.maxItems()) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "gate.min-env-items: the smallest environment's share (%.1f%%) of gate.max-items (%d) is about %d"
                            + " items, fewer than %d; lower gate.min-env-items or raise gate.max-items",
                    100 * smallest,
                    gate.maxItems(),
                    (long) Math.floor(smallest * gate.maxItems()),
                    gate.minEnvItems()));
        }
        if (gate.refusesSuiteReuse()) {
            suiteReuse(suites, splits, gate).ifPresent(m -> {
                throw new IllegalArgumentException("gate.suite-reuse: refused: " + m
                        + "; enlarge splits.probe or lower gate.max-items, or set gate.suite-reuse: warn");
            });
        }
        if (environments.isEmpty() && splits.probe() < gate.screenItems()) {
            throw new IllegalArgumentException("splits.probe: a campaign on suites alone gates on the probe split's"
                    + " tasks, so it must hold at least gate.screen-items (" + gate.screenItems() + "), got "
                    + splits.probe());
        }
    }

    @JsonCreator
    static CampaignConfig fromFile(
            @JsonProperty("name") String name,
            @JsonProperty("models") Models models,
            @JsonProperty("environments") List<EnvironmentShare> environments,
            @JsonProperty("suites") List<SuiteShare> suites,
            @JsonProperty("splits") CampaignConfigParts.Splits splits,
            @JsonProperty("batch-size") Integer batchSize,
            @JsonProperty("candidates") Integer candidates,
            @JsonProperty("gate") CampaignConfigParts.Gate gate,
            @JsonProperty("library") CampaignConfigParts.LibraryCaps library,
            @JsonProperty("iterations") Integer iterations,
            @JsonProperty("budgets") CampaignConfigParts.Budgets budgets,
            @JsonProperty("stop-after-discards") Integer stopAfterDiscards,
            @JsonProperty("seed") Long seed,
            @JsonProperty("concurrency") Integer concurrency,
            @JsonProperty("holdout-environments") List<String> holdoutEnvironments) {
        if (models == null) {
            throw new IllegalArgumentException("models: required (models.agent, and models.proposer for a campaign)");
        }
        if (candidates != null) {
            // Before the gate's finalists default to min(2, candidates): a zero would be blamed on them.
            CampaignConfigParts.atLeast("candidates", candidates, 1);
        }
        return new CampaignConfig(
                name == null ? "" : name,
                models,
                environments == null ? List.of() : environments,
                suites == null ? List.of() : suites,
                splits == null ? CampaignConfigParts.Splits.defaults() : splits,
                or(batchSize, DEFAULT_BATCH_SIZE),
                or(candidates, DEFAULT_CANDIDATES),
                resolved(gate, or(candidates, DEFAULT_CANDIDATES)),
                library == null ? CampaignConfigParts.LibraryCaps.defaults() : library,
                or(iterations, DEFAULT_ITERATIONS),
                budgets == null ? CampaignConfigParts.Budgets.unlimited() : budgets,
                or(stopAfterDiscards, DEFAULT_STOP_AFTER_DISCARDS),
                seed == null ? DEFAULT_SEED : seed,
                or(concurrency, DEFAULT_CONCURRENCY),
                holdoutEnvironments);
    }

    /** A config with every default, for the given models and environment ids (weight 1 each). */
    public static CampaignConfig defaults(String name, Models models, List<String> environmentIds) {
        return fromFile(
                name,
                models,
                environmentIds.stream().map(EnvironmentShare::of).toList(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The same config under another name (the loader names a file's config after the file). */
    public CampaignConfig named(String newName) {
        return new CampaignConfig(
                newName,
                models,
                environments,
                suites,
                splits,
                batchSize,
                candidates,
                gate,
                library,
                iterations,
                budgets,
                stopAfterDiscards,
                seed,
                concurrency,
                holdoutEnvironments);
    }

    /** The same config over other environments and suites (an evaluation of a chosen set, say). */
    public CampaignConfig withEnvironments(List<EnvironmentShare> newEnvironments, List<SuiteShare> newSuites) {
        return new CampaignConfig(
                name,
                models,
                newEnvironments,
                newSuites,
                splits,
                batchSize,
                candidates,
                gate,
                library,
                iterations,
                budgets,
                stopAfterDiscards,
                seed,
                concurrency,
                holdoutEnvironments);
    }

    /** The same config with another named model as the agent. */
    public CampaignConfig withAgent(String agentModel) {
        return new CampaignConfig(
                name,
                new Models(agentModel, models.proposer()),
                environments,
                suites,
                splits,
                batchSize,
                candidates,
                gate,
                library,
                iterations,
                budgets,
                stopAfterDiscards,
                seed,
                concurrency,
                holdoutEnvironments);
    }

    public CampaignConfig withGate(CampaignConfigParts.Gate newGate) {
        return new CampaignConfig(
                name,
                models,
                environments,
                suites,
                splits,
                batchSize,
                candidates,
                newGate,
                library,
                iterations,
                budgets,
                stopAfterDiscards,
                seed,
                concurrency,
                holdoutEnvironments);
    }

    /** The same config under another seed: benchmarks repeat one campaign over many seeds. */
    public CampaignConfig withSeed(long newSeed) {
        return new CampaignConfig(
                name,
                models,
                environments,
                suites,
                splits,
                batchSize,
                candidates,
                gate,
                library,
                iterations,
                budgets,
                stopAfterDiscards,
                newSeed,
                concurrency,
                holdoutEnvironments);
    }

    /** The same config run for {@code n} iterations, never stopping early for discards or budgets. */
    public CampaignConfig withLongRun(int n) {
        return new CampaignConfig(
                name,
                models,
                environments,
                suites,
                splits,
                batchSize,
                candidates,
                gate,
                library,
                n,
                CampaignConfigParts.Budgets.unlimited(),
                n,
                seed,
                concurrency,
                holdoutEnvironments);
    }

    /** The config as kebab-case JSON, as recorded in the campaign's start event. Holds no secrets. */
    public JsonNode toJson() {
        return Json.frozen(SNAPSHOT.valueToTree(this));
    }

    /** The smallest share an environment (or a suite, weighted as the lightest environment) has of gate items. */
    /**
     * Why the gate's test is only approximate on this campaign's suites, if it is: a library
     * version's decisions draw a suite's tasks from the probe split with replacement, up to
     * (screen-items + max-items) draws over about as many tasks as the probe split holds for it.
     * Repeated draws of one task share its difficulty, so they are not the independent
     * observations the sequential test counts.
     */
    public Optional<String> suiteReuseWarning() {
        return suiteReuse(suites, splits, gate)
                .map(m -> m + "; the gate's error rate holds only approximately (set gate.suite-reuse: refuse to"
                        + " stop such a campaign, or enlarge splits.probe)");
    }

    private static Optional<String> suiteReuse(
            List<SuiteShare> suites, CampaignConfigParts.Splits splits, CampaignConfigParts.Gate gate) {
        if (suites.isEmpty()) {
            return Optional.empty();
        }
        double perTask = (double) (gate.screenItems() + gate.maxItems()) / splits.probe();
        if (perTask <= gate.suiteReuseLimit()) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                java.util.Locale.ROOT,
                "each suite task may be drawn about %.1f times per library version (gate.screen-items %d +"
                        + " gate.max-items %d over a probe split of %d), above the limit of %s",
                perTask,
                gate.screenItems(),
                gate.maxItems(),
                splits.probe(),
                gate.suiteReuseLimit()));
    }

    private static double smallestShare(List<EnvironmentShare> environments, List<SuiteShare> suites) {
        double lightest = environments.stream()
                .mapToDouble(EnvironmentShare::weight)
                .min()
                .orElse(1);
        double total =
                environments.stream().mapToDouble(EnvironmentShare::weight).sum() + lightest * suites.size();
        return total <= 0 ? 1 : lightest / total;
    }

    private static CampaignConfigParts.Gate resolved(CampaignConfigParts.Gate gate, int candidates) {
        CampaignConfigParts.Gate g = gate == null ? CampaignConfigParts.Gate.defaults() : gate;
        boolean unset = gate == null || g.finalists() == CampaignConfigParts.Gate.FINALISTS_UNSET;
        return unset ? g.withFinalists(Math.min(CampaignConfigParts.Gate.DEFAULT_FINALISTS, candidates)) : g;
    }

    static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    static boolean or(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    /** Names the second entry by its index, so that the message points at its line rather than the list's. */
    private static void requireUnique(String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!seen.add(n)) {
                throw new IllegalArgumentException(key + "[" + i + "]: '" + n + "' is listed twice");
            }
        }
    }

    /**
     * Named models from {@code config/models.yaml}: one answers as the agent, one proposes edits.
     * {@code proposer} is null when the config names none, which only an evaluation can run with.
     */
    public record Models(String agent, String proposer) {
        @JsonCreator
        public Models(@JsonProperty("agent") String agent, @JsonProperty("proposer") String proposer) {
            this.agent = CampaignConfigParts.required("models.agent", agent);
            this.proposer = proposer == null ? null : CampaignConfigParts.required("models.proposer", proposer);
        }

        /** The proposer's name, which a campaign cannot run without. */
        public String requiredProposer() {
            if (proposer == null) {
                throw new IllegalArgumentException(
                        "models.proposer: required to run a campaign (only `ratchet eval` runs without one)");
            }
            return proposer;
        }
    }

    /** A built-in or composite environment id and its share of the splits. */
    public record EnvironmentShare(String id, double weight) {
        @JsonCreator
        public EnvironmentShare(@JsonProperty("id") String id, @JsonProperty("weight") Double weight) {
            this(CampaignConfigParts.required("environments.id", id), weight == null ? 1.0 : weight.doubleValue());
        }

        public EnvironmentShare {
            CampaignConfigParts.required("environments.id", id);
            CampaignConfigParts.positive("environments.weight", weight);
        }

        /** A bare id in the list ({@code - arith.add}) means weight 1. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static EnvironmentShare of(String id) {
            return new EnvironmentShare(id, 1.0);
        }
    }

    /** A user task suite ({@code eval/<name>.jsonl}) and its share of the splits. */
    public record SuiteShare(String name, double weight) {
        @JsonCreator
        public SuiteShare(@JsonProperty("name") String name, @JsonProperty("weight") Double weight) {
            this(CampaignConfigParts.required("suites.name", name), weight == null ? 1.0 : weight.doubleValue());
        }

        public SuiteShare {
            CampaignConfigParts.required("suites.name", name);
            CampaignConfigParts.positive("suites.weight", weight);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static SuiteShare of(String name) {
            return new SuiteShare(name, 1.0);
        }
    }
}
