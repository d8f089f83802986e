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
     * The held-out gate: probe size N, samples per probe item k, the regression budget, the minimum
     * net gain, and an optional alpha for a one-sided exact sign test on discordant pairs.
     */
    public record Gate(int probeSize, int samplesPerItem, int regressionBudget, int minNetGain, Double alpha) {
        public static final int DEFAULT_PROBE_SIZE = 36;

        public Gate {
            atLeast("gate.probe-size", probeSize, 2);
            atLeast("gate.samples-per-item", samplesPerItem, 1);
            atLeast("gate.regression-budget", regressionBudget, 0);
            if (minNetGain < 1) {
                throw new IllegalArgumentException("gate.min-net-gain: must be at least 1, got " + minNetGain
                        + " (a candidate that only ties the baseline is never promoted)");
            }
            if (alpha != null && !(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("gate.alpha: must be between 0 and 1 exclusive, got " + alpha);
            }
        }

        public static Gate defaults() {
            return new Gate(DEFAULT_PROBE_SIZE, 1, 0, 1, null);
        }

        @JsonCreator
        static Gate fromFile(
                @JsonProperty("probe-size") Integer probeSize,
                @JsonProperty("samples-per-item") Integer samplesPerItem,
                @JsonProperty("regression-budget") Integer regressionBudget,
                @JsonProperty("min-net-gain") Integer minNetGain,
                @JsonProperty("alpha") Double alpha) {
            return new Gate(
                    CampaignConfig.or(probeSize, DEFAULT_PROBE_SIZE),
                    CampaignConfig.or(samplesPerItem, 1),
                    CampaignConfig.or(regressionBudget, 0),
                    CampaignConfig.or(minNetGain, 1),
                    alpha);
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
