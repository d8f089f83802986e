package dev.ratchet.model.simulated;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The simulator's ground truth about one skill or prompt section: how much it changes the agent's
 * odds of avoiding each failure regime in each base environment. For benchmarks and tests only;
 * the gate never sees it.
 */
public record Effect(Kind kind, List<Term> terms) {

    /** Environment id of a term that applies to every environment. */
    public static final String EVERY_ENVIRONMENT = "*";

    public Effect {
        Objects.requireNonNull(kind, "kind");
        terms = List.copyOf(terms);
        if (kind != classify(terms)) {
            throw new IllegalArgumentException("kind " + kind + " does not match the terms " + terms);
        }
    }

    public static Effect of(List<Term> terms) {
        return new Effect(classify(terms), terms);
    }

    public static Effect neutral() {
        return new Effect(Kind.NEUTRAL, List.of());
    }

    /** Helpful (only gains), harmful (only losses), neutral (no change) or mixed (both). */
    public enum Kind {
        HELPFUL,
        HARMFUL,
        NEUTRAL,
        MIXED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A change of {@code gain} log-odds against failing with {@code regime} in base environment
     * {@code envId} ({@link #EVERY_ENVIRONMENT} for all): positive helps, negative hurts.
     */
    public record Term(String envId, String regime, double gain) {
        public Term {
            Objects.requireNonNull(envId, "envId");
            Objects.requireNonNull(regime, "regime");
            if (gain == 0 || !Double.isFinite(gain)) {
                throw new IllegalArgumentException("gain must be finite and non-zero: " + gain);
            }
        }

        boolean appliesTo(String baseId, FailureMode mode) {
            return (envId.equals(EVERY_ENVIRONMENT) || envId.equals(baseId)) && regime.equals(mode.label());
        }
    }

    private static Kind classify(List<Term> terms) {
        boolean gains = terms.stream().anyMatch(t -> t.gain() > 0);
        boolean losses = terms.stream().anyMatch(t -> t.gain() < 0);
        if (gains && losses) {
            return Kind.MIXED;
        }
        return gains ? Kind.HELPFUL : losses ? Kind.HARMFUL : Kind.NEUTRAL;
    }
}
