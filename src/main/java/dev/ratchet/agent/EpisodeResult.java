package dev.ratchet.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A finished episode: its verdict, the records of its model calls in call order, the conversation
 * (system, user, assistant and tool messages) for display, and for an episode that ended on a failed
 * call, that call's last failure (for messages only; never recorded).
 */
public record EpisodeResult(
        EpisodeScored scored, List<ModelCallRecorded> calls, List<ChatMessage> trajectory, Failure failure) {

    public EpisodeResult {
        Objects.requireNonNull(scored, "scored");
        calls = List.copyOf(calls);
        trajectory = List.copyOf(trajectory);
    }

    public EpisodeResult(EpisodeScored scored, List<ModelCallRecorded> calls, List<ChatMessage> trajectory) {
        this(scored, calls, trajectory, null);
    }

    /** The conversation as plain text, one block per message headed by its role, for display. */
    public String transcript() {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : trajectory) {
            text.append("[")
                    .append(message.type().name().toLowerCase(Locale.ROOT))
                    .append("]\n");
            text.append(body(message)).append("\n\n");
        }
        return text.toString().strip();
    }

    private static String body(ChatMessage message) {
        if (message instanceof SystemMessage m) {
            return m.text();
        }
        if (message instanceof UserMessage m) {
            return m.hasSingleText() ? m.singleText() : m.contents().toString();
        }
        if (message instanceof ToolExecutionResultMessage m) {
            return m.toolName() + " -> " + m.text();
        }
        if (message instanceof AiMessage m) {
            StringBuilder body = new StringBuilder(m.text() == null ? "" : m.text());
            for (ToolExecutionRequest call : m.toolExecutionRequests()) {
                body.append(body.length() == 0 ? "" : "\n")
                        .append("call ")
                        .append(call.name())
                        .append(' ');
                body.append(call.arguments());
            }
            return body.toString();
        }
        return message.toString();
    }

    /** The events to append for this episode: every model call, then the score. */
    public List<Event> events() {
        List<Event> events = new ArrayList<>(calls);
        events.add(scored);
        return List.copyOf(events);
    }

    /**
     * {@link #events()} keyed for the log, so that appending an episode again (a resumed campaign
     * retrying its batch) returns the originals instead of writing twice.
     */
    public List<NewEvent> keyedEvents() {
        List<NewEvent> out = new ArrayList<>(calls.size() + 1);
        for (ModelCallRecorded call : calls) {
            out.add(NewEvent.keyed(call, "call:" + call.callId()));
        }
        out.add(NewEvent.keyed(scored, "episode:" + scored.episodeId()));
        return out;
    }
}
