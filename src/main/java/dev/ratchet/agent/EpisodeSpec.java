package dev.ratchet.agent;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.skill.Library;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /**
     * A deterministic episode id: {@code ep-} and 16 hex digits of SHA-256 over the campaign seed,
     * iteration, phase, instance id and sample, so that a rerun or a resume names episodes alike
     * and repeated samples of one item are distinct requests.
     */
    public static String episodeId(long campaignSeed, int iteration, String phase, String instanceId, int sample) {
        String key = Long.toUnsignedString(campaignSeed) + "\n" + iteration + "\n" + phase + "\n" + instanceId + "\n"
                + sample;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "ep-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
