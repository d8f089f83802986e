package dev.ratchet.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nested sections of a {@link CampaignConfig}. Each has a constructor that validates and a
 * creator for the file that fills in defaults, so a missing key means the default and a present
 * key must be well typed and in range. Validation messages start with the key they are about.
 */
public final class CampaignConfigParts {

    private CampaignConfigParts() {}

    /** How many instances each split holds; the probe split is the pool fresh probes are drawn from. */
    public record Splits(int train, int probe, int confirm) {
        public static final int DEFAULT_TRAIN = 240;
        public static final int DEFAULT_PROBE = 144;
        public static final int DEFAULT_CONFIRM = 120;

        public Splits {
            atLeast("splits.train", train, 1);
            atLeast("splits.probe", probe, 2);
            atLeast("splits.confirm", confirm, 1);
        }

        public static Splits defaults() {
            return new Splits(DEFAULT_TRAIN, DEFAULT_PROBE, DEFAULT_CONFIRM);
        }

        @JsonCreator
        static Splits fromFile(
                @JsonProperty("train") Integer train,
                @JsonProperty("probe") Integer probe,
                @JsonProperty("confirm") Integer confirm) {
            return new Splits(
                    CampaignConfig.or(train, DEFAULT_TRAIN),
                    CampaignConfig.or(probe, DEFAULT_PROBE),
                    CampaignConfig.or(confirm, DEFAULT_CONFIRM));
        }
    }

    /**
     * The held-out gate (see the README's gate section). Stage 1 screens the baseline and every
     * candidate on {@code screenItems} fresh items and forwards at most {@code finalists}; stage 2
     * tests each finalist sequentially on new items, {@code chunkItems} at a time, at {@code alpha}
     * (split over the finalists), stopping for success, for futility (gain shown below {@code
     * minEffect} points at {@code futilityBeta}) or at {@code maxItems}, never before {@code
     * minItems}, and for success not before every environment has {@code minEnvItems}. The guard rejects an edit that regresses an environment by {@code
     * regressionMargin} points or more at {@code guardAlpha}. {@code placebo} adds a null edit.
     */
    public record Gate(
            int screenItems,
            int finalists,
            int samplesPerItem,
            double alpha,
            double futilityBeta,
            double minEffect,
            int minItems,
            int minEnvItems,
            int maxItems,
            int chunkItems,
            double regressionMargin,
            double guardAlpha,
            boolean placebo,
            double suiteReuseLimit,
            String suiteReuse) {
        public static final int DEFAULT_SCREEN_ITEMS = 192;
        public static final int DEFAULT_FINALISTS = 2;
        public static final double DEFAULT_ALPHA = 0.01;
        public static final double DEFAULT_FUTILITY_BETA = 0.2;
        public static final double DEFAULT_MIN_EFFECT = 4;
        public static final int DEFAULT_MIN_ITEMS = 240;
        public static final int DEFAULT_MIN_ENV_ITEMS = 120;
        public static final int DEFAULT_MAX_ITEMS = 1500;
        public static final int DEFAULT_CHUNK_ITEMS = 120;
        public static final double DEFAULT_REGRESSION_MARGIN = 5;
        public static final double DEFAULT_GUARD_ALPHA = 0.05;
        /**
         * Draws of one suite task per library version at which the gate warns (or refuses): repeated
         * draws of one task are not independent observations, which the sequential test assumes.
         */
        public static final double DEFAULT_SUITE_REUSE_LIMIT = 1;

        /** Finalists not given in the file: the campaign sets min(the default, candidates). */
        static final int FINALISTS_UNSET = -1;

        public Gate {
            atLeast("gate.screen-items", screenItems, 2);
            if (finalists != FINALISTS_UNSET) {
                atLeast("gate.finalists", finalists, 1);
            }
            atLeast("gate.samples-per-item", samplesPerItem, 1);
            errorRate("gate.alpha", alpha);
            errorRate("gate.futility-beta", futilityBeta);
            errorRate("gate.guard-alpha", guardAlpha);
            if (!(minEffect >= 0 && minEffect < 100)) {
                throw new IllegalArgumentException("gate.min-effect: must be in [0, 100) points, got " + minEffect);
            }
            if (!(regressionMargin >= 0 && regressionMargin <= 100)) {
                throw new IllegalArgumentException(
                        "gate.regression-margin: must be in [0, 100] points, got " + regressionMargin);
            }
            atLeast("gate.chunk-items", chunkItems, 1);
            atLeast("gate.min-items", minItems, 1);
            atLeast("gate.min-env-items", minEnvItems, 0);
            if (!java.util.List.of("warn", "refuse").contains(suiteReuse)) {
                throw new IllegalArgumentException(
                        "gate.suite-reuse: must be warn or refuse, got '" + suiteReuse + "'");
            }
            if (!(suiteReuseLimit > 0)) {
                throw new IllegalArgumentException(
                        "gate.suite-reuse-limit: must be above 0 draws per task, got " + suiteReuseLimit);
            }
            if (maxItems < minItems) {
                throw new IllegalArgumentException("gate.max-items: must be at least gate.min-items (" + minItems
                        + "), the sample no stop comes before, got " + maxItems);
            }
        }

        public static Gate defaults() {
            return new Gate(
                    DEFAULT_SCREEN_ITEMS,
                    DEFAULT_FINALISTS,
                    1,
                    DEFAULT_ALPHA,
                    DEFAULT_FUTILITY_BETA,
                    DEFAULT_MIN_EFFECT,
                    DEFAULT_MIN_ITEMS,
                    DEFAULT_MIN_ENV_ITEMS,
                    DEFAULT_MAX_ITEMS,
                    DEFAULT_CHUNK_ITEMS,
                    DEFAULT_REGRESSION_MARGIN,
                    DEFAULT_GUARD_ALPHA,
                    false,
                    DEFAULT_SUITE_REUSE_LIMIT,
                    "warn");
        }

        @JsonCreator
        static Gate fromFile(
                @JsonProperty("screen-items") Integer screenItems,
                @JsonProperty("finalists") Integer finalists,
                @JsonProperty("samples-per-item") Integer samplesPerItem,
                @JsonProperty("alpha") Double alpha,
                @JsonProperty("futility-beta") Double futilityBeta,
                @JsonProperty("min-effect") Double minEffect,
                @JsonProperty("min-items") Integer minItems,
                @JsonProperty("min-env-items") Integer minEnvItems,
                @JsonProperty("max-items") Integer maxItems,
                @JsonProperty("chunk-items") Integer chunkItems,
                @JsonProperty("regression-margin") Double regressionMargin,
                @JsonProperty("guard-alpha") Double guardAlpha,
                @JsonProperty("placebo") Boolean placebo,
                @JsonProperty("suite-reuse-limit") Double suiteReuseLimit,
                @JsonProperty("suite-reuse") String suiteReuse) {

            return new Gate(
                    CampaignConfig.or(screenItems, DEFAULT_SCREEN_ITEMS),
                    CampaignConfig.or(finalists, FINALISTS_UNSET),
                    CampaignConfig.or(samplesPerItem, 1),
                    CampaignConfig.or(alpha, DEFAULT_ALPHA),
                    CampaignConfig.or(futilityBeta, DEFAULT_FUTILITY_BETA),
                    CampaignConfig.or(minEffect, DEFAULT_MIN_EFFECT),
                    CampaignConfig.or(minItems, DEFAULT_MIN_ITEMS),
                    CampaignConfig.or(minEnvItems, DEFAULT_MIN_ENV_ITEMS),
                    CampaignConfig.or(maxItems, DEFAULT_MAX_ITEMS),
                    CampaignConfig.or(chunkItems, DEFAULT_CHUNK_ITEMS),
                    CampaignConfig.or(regressionMargin, DEFAULT_REGRESSION_MARGIN),
                    CampaignConfig.or(guardAlpha, DEFAULT_GUARD_ALPHA),
                    CampaignConfig.or(placebo, false),
                    CampaignConfig.or(suiteReuseLimit, DEFAULT_SUITE_REUSE_LIMIT),
                    suiteReuse == null ? "warn" : suiteReuse);
        }

        Gate withFinalists(int n) {
            return new Gate(
                    screenItems,
                    n,
                    samplesPerItem,
                    alpha,
                    futilityBeta,
                    minEffect,
                    minItems,
                    minEnvItems,
                    maxItems,
                    chunkItems,
                    regressionMargin,
                    guardAlpha,
                    placebo,
                    suiteReuseLimit,
                    suiteReuse);
        }

        /** Whether a campaign whose suites the gate would redraw beyond the limit is refused at load. */
        public boolean refusesSuiteReuse() {
            return "refuse".equals(suiteReuse);
        }

        private static void errorRate(String key, double value) {
            if (!(value > 0 && value < 0.5)) {
                throw new IllegalArgumentException(key + ": an error rate must be in (0, 0.5), got " + value);
            }
        }
    }

    /** Bounds on the library: learned skills (hand-written ones do not count) and text sizes. */
    public record LibraryCaps(int maxSkills, int maxSkillChars, int maxSectionChars) {
        public static final int DEFAULT_MAX_SKILLS = 10;
        public static final int DEFAULT_MAX_SKILL_CHARS = 1500;
        public static final int DEFAULT_MAX_SECTION_CHARS = 4000;

        public LibraryCaps {
            atLeast("library.max-skills", maxSkills, 0);
            atLeast("library.max-skill-chars", maxSkillChars, 1);
            atLeast("library.max-section-chars", maxSectionChars, 1);
        }

        public static LibraryCaps defaults() {
            return new LibraryCaps(DEFAULT_MAX_SKILLS, DEFAULT_MAX_SKILL_CHARS, DEFAULT_MAX_SECTION_CHARS);
        }

        @JsonCreator
        static LibraryCaps fromFile(
                @JsonProperty("max-skills") Integer maxSkills,
                @JsonProperty("max-skill-chars") Integer maxSkillChars,
                @JsonProperty("max-section-chars") Integer maxSectionChars) {
            return new LibraryCaps(
                    CampaignConfig.or(maxSkills, DEFAULT_MAX_SKILLS),
                    CampaignConfig.or(maxSkillChars, DEFAULT_MAX_SKILL_CHARS),
                    CampaignConfig.or(maxSectionChars, DEFAULT_MAX_SECTION_CHARS));
        }
    }

    /**
     * Spending limits; null means unlimited. Model calls, tokens and cost are summed over every
     * recorded call (agent and proposer); wall time is measured by the process running the campaign.
     */
    public record Budgets(
            Long modelCalls,
            Long tokens,
            Double costUsd,
            @JsonSerialize(using = ToStringSerializer.class) Duration wallTime) {

        private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

        public Budgets {
            if (modelCalls != null) {
                atLeast("budgets.model-calls", modelCalls, 1);
            }
            if (tokens != null) {
                atLeast("budgets.tokens", tokens, 1);
            }
            if (costUsd != null && !(costUsd > 0)) {
                throw new IllegalArgumentException("budgets.cost-usd: must be positive, got " + costUsd);
            }
            if (wallTime != null && (wallTime.isNegative() || wallTime.isZero())) {
                throw new IllegalArgumentException("budgets.wall-time: must be positive, got " + wallTime);
            }
        }

        public static Budgets unlimited() {
            return new Budgets(null, null, null, null);
        }

        @JsonCreator
        static Budgets fromFile(
                @JsonProperty("model-calls") Long modelCalls,
                @JsonProperty("tokens") Long tokens,
                @JsonProperty("cost-usd") Double costUsd,
                @JsonProperty("wall-time") String wallTime) {
            return new Budgets(modelCalls, tokens, costUsd, wallTime == null ? null : duration(wallTime));
        }

        /** {@code 90s}, {@code 2m}, {@code 1h30m} or ISO-8601 ({@code PT2M}). */
        static Duration duration(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.startsWith("p")) {
                    return Duration.parse(t.toUpperCase(Locale.ROOT));
                }
            } catch (DateTimeParseException e) {
                throw badDuration(text);
            }
            Matcher m = SHORT_DURATION.matcher(t);
            if (t.isEmpty() || !m.matches()) {
                throw badDuration(text);
            }
            return Duration.ofHours(part(m.group(1)))
                    .plusMinutes(part(m.group(2)))
                    .plusSeconds(part(m.group(3)));
        }

        private static long part(String digits) {
            return digits == null ? 0 : Long.parseLong(digits);
        }

        private static IllegalArgumentException badDuration(String text) {
            return new IllegalArgumentException(
                    "budgets.wall-time: '" + text + "' is not a duration (use 90s, 2m, 1h30m or PT2M)");
        }
    }

    static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": required, and must not be blank");
        }
        return value;
    }

    static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + ": must be at least " + min + ", got " + value);
        }
    }

    static void positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + ": must be a positive number, got " + value);
        }
    }
}
