package dev.ratchet.model.simulated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.ratchet.log.event.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulator's stand-in for the proposer model: one edit per request, picked from the seeded
 * catalogue and phrased as the JSON the protocol asks for. It is a pure function of (world seed,
 * request): a retry that resends the same messages gets the same answer, while a retry that shows
 * the malformed answer back is never answered malformed again.
 */
final class SimulatedProposer implements ChatModel {

    static final String MODEL = "simulated-proposer";

    private final SimulatedWorld world;
    private final EditChooser chooser;

    SimulatedProposer(SimulatedWorld world, EditChooser chooser) {
        this.world = world;
        this.chooser = chooser;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        SplittableRandom random = Draws.random(world.seed(), "proposer", transcript(request.messages()));
        boolean retry = request.messages().stream().anyMatch(AiMessage.class::isInstance);
        Optional<ProposerContext> context = latestContext(request.messages());
        String text;
        if (context.isEmpty()) {
            text = "I could not find the failure summary (a fenced JSON block) in the request, so I cannot"
                    + " propose an edit.";
        } else {
            boolean malformed = random.nextDouble() < world.settings().malformedRate();
            boolean invalid = random.nextDouble() < world.settings().invalidEditRate();
            ObjectNode edit = invalid ? chooser.invalid(context.get(), random) : chooser.choose(context.get(), random);
            text = malformed && !retry ? malformed(edit, random) : render(edit, random.nextBoolean());
        }
        int input = Replies.inputTokens(request);
        return Replies.response(MODEL, AiMessage.from(text), FinishReason.STOP, input, Replies.tokens(text));
    }

    @Override
    public String toString() {
        return "simulated proposer (simulator, seed " + world.seed() + ")";
    }

    /** The newest user message that carries the failure summary: a retry may only ask again. */
    private static Optional<ProposerContext> latestContext(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage) {
                Optional<ProposerContext> context = ProposerContext.parse(Replies.text(messages.get(i)));
                if (context.isPresent()) {
                    return context;
                }
            }
        }
        return Optional.empty();
    }

    private static String transcript(List<ChatMessage> messages) {
        StringBuilder all = new StringBuilder();
        for (ChatMessage m : messages) {
            all.append(m.type()).append('\u0000').append(Replies.text(m)).append('\u0000');
        }
        return all.toString();
    }

    private static String render(ObjectNode edit, boolean fenced) {
        String json;
        try {
            json = Json.CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(edit);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return fenced ? "Here is the edit I propose.\n\n```json\n" + json + "\n```\n" : json;
    }

    /** Broken output of the kinds real models produce: a cut-off object, or prose about an edit. */
    private static String malformed(ObjectNode edit, SplittableRandom random) {
        if (random.nextBoolean()) {
            String json = render(edit, false);
            return json.substring(0, json.length() * 3 / 5);
        }
        JsonNode tags = edit.path("tags");
        String about = tags.size() == 0 ? "the failing tasks" : tags.get(0).asText() + " tasks";
        return "I would add a skill for " + about + " that reminds the agent to check its answer before"
                + " replying, named " + edit.path("target").asText() + ".";
    }
}
