package dev.ratchet.propose;

import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.StaticCheckFailed;
import dev.ratchet.log.event.StaticCheckPassed;
import dev.ratchet.skill.Library;
import java.util.List;
import java.util.Objects;

/** The static gate's verdict on one candidate: passed every rule, or rejected by the named one. */
public sealed interface StaticVerdict {

    Event toEvent(int iteration, String candidateId);

    /** Every rule held; {@code library} is the candidate version the probe will run. */
    record Passed(List<String> rules, Library library) implements StaticVerdict {
        public Passed {
            rules = List.copyOf(rules);
            Objects.requireNonNull(library, "library");
        }

        @Override
        public Event toEvent(int iteration, String candidateId) {
            return new StaticCheckPassed(iteration, candidateId, rules);
        }
    }

    /** Rejected by {@code rule}; {@code detail} says what was wrong (never quoting a secret). */
    record Failed(String rule, String detail) implements StaticVerdict {
        public Failed {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Event toEvent(int iteration, String candidateId) {
            return new StaticCheckFailed(iteration, candidateId, rule, detail);
        }
    }
}
