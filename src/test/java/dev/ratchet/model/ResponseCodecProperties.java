package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ratchet.log.event.Json;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Replay rebuilds responses from their JSON: encoding what was decoded gives the same bytes. */
class ResponseCodecProperties {

    @Property(tries = 300)
    void decodingThenEncodingReproducesTheRecordedJson(@ForAll("responses") ChatResponse response) {
        JsonNode recorded = ResponseCodec.encode(response);
        ChatResponse replayed = ResponseCodec.decode(Json.parse(Json.write(recorded)));
        assertEquals(Json.write(recorded), Json.write(ResponseCodec.encode(replayed)));
        assertEquals(response.aiMessage().text(), replayed.aiMessage().text());
        assertEquals(
                response.aiMessage().toolExecutionRequests(),
                replayed.aiMessage().toolExecutionRequests());
        assertEquals(
                response.tokenUsage().inputTokenCount(), replayed.tokenUsage().inputTokenCount());
    }

    @Property(tries = 50)
    void theFinishReasonUsesTheSharedLabels(@ForAll FinishReason reason) {
        ChatResponse r = ChatResponse.builder()
                .aiMessage(AiMessage.from("x"))
                .finishReason(reason)
                .build();
        String label = ResponseCodec.encode(r).path("finishReason").asText();
        assertEquals(
                true,
                List.of("stop", "length", "tool", "content-filter", "other").contains(label));
        assertEquals(reason, ResponseCodec.decode(ResponseCodec.encode(r)).finishReason());
    }

    @Provide
    Arbitrary<ChatResponse> responses() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(80).injectNull(0.2);
        Arbitrary<List<ToolExecutionRequest>> calls = Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.strings().ofMaxLength(40))
                .as((id, name, args) -> ToolExecutionRequest.builder()
                        .id(id)
                        .name(name)
                        .arguments(args)
                        .build())
                .list()
                .ofMaxSize(3);
        return Combinators.combine(
                        text,
                        calls,
                        Arbitraries.of(FinishReason.class),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 100_000))
                .as((t, c, f, in, out) -> ChatResponse.builder()
                        .aiMessage(
                                c.isEmpty()
                                        ? AiMessage.from(t == null ? "" : t)
                                        : AiMessage.builder()
                                                .text(t)
                                                .toolExecutionRequests(new ArrayList<>(c))
                                                .build())
                        .finishReason(f)
                        .tokenUsage(new TokenUsage(in, out))
                        .build());
    }
}
