package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** A candidate passed every static rule (listed by name). */
public record StaticCheckPassed(int iteration, String candidateId, List<String> rules) implements Event {

    public StaticCheckPassed {
        Objects.requireNonNull(candidateId, "candidateId");
        rules = List.copyOf(rules);
    }
}
