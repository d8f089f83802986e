package dev.ratchet.propose;

import dev.ratchet.log.event.EpisodeScored;
import java.util.List;

/** Small builders for scored episodes in tests. */
final class Episodes {

    private Episodes() {}

    static EpisodeScored failed(String instanceId, String failureKind, String answer, String finishReason) {
        String env = instanceId.substring(0, instanceId.indexOf('@'));
        return new EpisodeScored(
                "i1/batch/" + instanceId + "/s0",
                1,
                "batch",
                "train",
                instanceId,
                env,
                "v1",
                0,
                "fail",
                failureKind,
                "wrong-step".equals(failureKind) ? 1 : null,
                answer,
                finishReason,
                1,
                List.of());
    }

    static EpisodeScored passed(String instanceId, String answer) {
        String env = instanceId.substring(0, instanceId.indexOf('@'));
        return new EpisodeScored(
                "i1/batch/" + instanceId + "/s0",
                1,
                "batch",
                "train",
                instanceId,
                env,
                "v1",
                0,
                "pass",
                "none",
                null,
                answer,
                "stop",
                1,
                List.of());
    }

    static EpisodeScored infra(String instanceId) {
        String env = instanceId.substring(0, instanceId.indexOf('@'));
        return new EpisodeScored(
                "i1/batch/" + instanceId + "/s0",
                1,
                "batch",
                "train",
                instanceId,
                env,
                "v1",
                0,
                "infra",
                "infrastructure",
                null,
                "",
                "error",
                0,
                List.of());
    }
}
