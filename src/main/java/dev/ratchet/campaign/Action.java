package dev.ratchet.campaign;

import dev.ratchet.log.event.Event;
import java.util.List;

/**
 * What the decider asks the shell to do next. Exactly one thing at a time, and always derived
 * from the folded log, so that after any interruption folding the log and asking again continues
 * where the campaign stopped without repeating anything completed.
 */
public sealed interface Action {

    /** Append these events, in order, in one transaction. */
    record Emit(List<Event> events) implements Action {
        public Emit {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an Emit carries at least one event");
            }
        }
    }

    /**
     * Run these episodes (none of them recorded yet) and append each one's {@code EpisodeScored},
     * with its model calls, in the order listed.
     */
    record RunEpisodes(List<EpisodeRequest> requests) implements Action {
        public RunEpisodes {
            requests = List.copyOf(requests);
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("RunEpisodes carries at least one request");
            }
        }
    }

    /**
     * Make these proposer calls (none recorded yet) and append each one's {@code ModelCallRecorded}
     * under its call id and role "proposer", in the order listed.
     */
    record CallProposer(List<ProposerCall> calls) implements Action {
        public CallProposer {
            calls = List.copyOf(calls);
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("CallProposer carries at least one call");
            }
        }
    }

    /** The campaign has stopped; nothing is left to do. */
    record Done() implements Action {}
}
