package dev.ratchet.model.simulated;

import java.util.ArrayList;
import java.util.List;

/** The summed effect of everything in a library, as log-odds against each failure mode. */
record Gains(List<Effect.Term> terms) {

    static final Gains NONE = new Gains(List.of());

    Gains {
        terms = List.copyOf(terms);
    }

    static Gains of(List<Effect> effects) {
        List<Effect.Term> all = new ArrayList<>();
        for (Effect effect : effects) {
            all.addAll(effect.terms());
        }
        return new Gains(all);
    }

    double of(String baseId, FailureMode mode) {
        double gain = 0;
        for (Effect.Term term : terms) {
            if (term.appliesTo(baseId, mode)) {
                gain += term.gain();
            }
        }
        return gain;
    }
}
