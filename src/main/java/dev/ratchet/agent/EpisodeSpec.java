package dev.ratchet.agent;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.skill.Library;
import java.util.Objects;

/**
 * One episode to run: which instance, in which environment, with which library, and where it
 * belongs in the campaign ({@code phase}: batch, baseline, candidate or confirm; {@code split}:
 * train, probe or confirm; {@code sample}: which repetition of the item).
 */
public record EpisodeSpec(
        String episodeId,
        int iteration,
        String phase,
        String split,
        Instance instance,
        Environment environment,
        Library library,
        int sample) {

    public EpisodeSpec {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(library, "library");
        if (episodeId.isBlank() || episodeId.contains("\n")) {
            throw new IllegalArgumentException("episode id must be a non-blank single line: '" + episodeId + "'");
        }
        if (!instance.envId().equals(environment.id())) {
            throw new IllegalArgumentException(
                    "instance " + instance.id() + " does not belong to environment " + environment.id());
        }
        if (iteration < 0 || sample < 0) {
            throw new IllegalArgumentException("iteration and sample must be >= 0: " + iteration + ", " + sample);
        }
    }
}
