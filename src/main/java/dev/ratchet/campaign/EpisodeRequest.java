package dev.ratchet.campaign;

import dev.ratchet.env.Instance;
import java.util.Objects;

/**
 * One episode for the shell to run: the instance (regenerated from env id, seed and difficulty),
 * the library version to run it with and the sample index. The episode id is derived from
 * iteration, phase, instance and sample, e.g. {@code i3/batch/<instanceId>/s0} or {@code
 * i3/cand-2/<instanceId>/s1}, so repeated samples are distinct requests and a rerun asks for the
 * same ids. {@code phase} is batch, screen, baseline, candidate or confirm; {@code split} is train,
 * probe or confirm.
 */
public record EpisodeRequest(
        String episodeId,
        int iteration,
        String phase,
        String split,
        String instanceId,
        String envId,
        long seed,
        int difficulty,
        String libraryVersion,
        int sample) {

    public EpisodeRequest {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
    }

    /** The id of an episode: {@code i<iteration>/<tag>/<instance id>/s<sample>}. */
    static String id(int iteration, String tag, String instanceId, int sample) {
        return "i" + iteration + "/" + key(tag, instanceId, sample);
    }

    /** An episode's id without its iteration: {@code <tag>/<instance id>/s<sample>}. */
    static String key(String tag, String instanceId, int sample) {
        return tag + "/" + instanceId + "/s" + sample;
    }

    /** {@link #key} of an id made by {@link #id}. */
    static String withoutIteration(String episodeId) {
        return episodeId.substring(episodeId.indexOf('/') + 1);
    }

    static EpisodeRequest of(
            int iteration, String tag, String phase, String split, Instance instance, String version, int sample) {
        return new EpisodeRequest(
                id(iteration, tag, instance.id(), sample),
                iteration,
                phase,
                split,
                instance.id(),
                instance.envId(),
                instance.seed(),
                instance.difficulty(),
                version,
                sample);
    }
}
