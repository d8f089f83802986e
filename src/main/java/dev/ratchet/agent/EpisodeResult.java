package dev.ratchet.agent;

import dev.langchain4j.data.message.ChatMessage;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finished episode: its verdict, the records of its model calls in call order, and the
 * conversation (system, user, assistant and tool messages) for display.
 */
public record EpisodeResult(EpisodeScored scored, List<ModelCallRecorded> calls, List<ChatMessage> trajectory) {

    public EpisodeResult {
        Objects.requireNonNull(scored, "scored");
        calls = List.copyOf(calls);
        trajectory = List.copyOf(trajectory);
    }

    /** The events to append for this episode: every model call, then the score. */
    public List<Event> events() {
        List<Event> events = new ArrayList<>(calls);
        events.add(scored);
        return List.copyOf(events);
    }
}
