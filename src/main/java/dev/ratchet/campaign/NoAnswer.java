package dev.ratchet.campaign;

import dev.ratchet.agent.EpisodeResult;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.Failure;
import java.util.List;

/**
 * Whether the agent's model ever answered, and what to say when it never did: the first episode's
 * failure with its HTTP status and a short, redacted excerpt of the provider's body. The first in
 * instance order, never the last to finish, so that the words do not depend on timing.
 */
final class NoAnswer {

    private NoAnswer() {}

    /** An agent call that came back with a response. */
    static boolean answered(Event event) {
        return event instanceof ModelCallRecorded call && "agent".equals(call.role()) && call.response() != null;
    }

    static String message(List<EpisodeResult> results, long episodesSoFar) {
        EpisodeResult first = results.get(0);
        ModelCallRecorded call =
                first.calls().isEmpty() ? null : first.calls().get(first.calls().size() - 1);
        StringBuilder text = new StringBuilder("the agent's model never answered: ");
        text.append(episodesSoFar == 1 ? "the one episode" : "all " + episodesSoFar + " episodes")
                .append(" so far failed before an answer");
        if (call != null) {
            text.append(" (model ").append(call.model()).append(")");
        }
        Failure failure = first.failure();
        if (failure != null) {
            text.append("; the first call failed with ").append(failure.describe());
            if (call != null) {
                int attempts = call.attempts().size();
                text.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
            }
            if (!failure.detail().isBlank()) {
                text.append(": ").append(failure.detail());
            }
        } else if (call != null && call.errorClass() != null) {
            text.append("; the first call failed as ").append(call.errorClass());
        }
        return text.toString();
    }
}
