package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.log.event.Json;
import org.junit.jupiter.api.Test;

class RequestCanonTest {

    private static final ModelConfig CONFIG = ModelConfig.builder("agent", ModelConfig.Provider.OPENAI)
            .model("gpt-test")
            .temperature(0.2)
            .maxTokens(300)
            .seed(11)
            .build();

    private static ToolSpecification calculator() {
        return ToolSpecification.builder()
                .name("calc")
                .description("evaluates arithmetic")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("expression", "the expression")
                        .addIntegerProperty("precision")
                        .required("expression")
                        .build())
                .build();
    }

    private static ChatRequest multiTurn() {
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id("t1")
                .name("calc")
                .arguments("{\"expression\":\"6*7\"}")
                .build();
        return ChatRequest.builder()
                .messages(
                        SystemMessage.from("## Answer format\nDigits only."),
                        UserMessage.from("Task id: arith.mul@3/d1\nEpisode: e1\n\nWhat is 6 times 7?"),
                        AiMessage.from(java.util.List.of(call)),
                        ToolExecutionResultMessage.from(call, "42"))
                .toolSpecifications(calculator())
                .build();
    }

    @Test
    void theCanonicalFormIsSortedJsonOfModelParametersMessagesAndTools() {
        String json = Json.write(RequestCanon.canonical(CONFIG, multiTurn()));
        assertTrue(json.startsWith("{\"messages\":[{\"role\":\"system\""), json);
        assertTrue(json.contains("\"model\":\"gpt-test\""), json);
        assertTrue(json.contains("\"parameters\":{\"maxOutputTokens\":300,\"seed\":11,\"temperature\":0.2}"), json);
        assertTrue(json.contains("{\"id\":\"t1\",\"name\":\"calc\",\"role\":\"tool\",\"text\":\"42\"}"), json);
        assertTrue(
                json.contains("\"toolCalls\":[{\"arguments\":\"{\\\"expression\\\":\\\"6*7\\\"}\",\"id\":\"t1\""),
                json);
        assertTrue(json.contains("\"required\":[\"expression\"]"), json);
    }

    @Test
    void equalRequestsHashEquallyAndAnyDifferenceChangesTheHash() {
        String hash = RequestCanon.hash(CONFIG, multiTurn());
        assertEquals(64, hash.length());
        assertEquals(hash, RequestCanon.hash(CONFIG, multiTurn()));

        ChatRequest hotter = multiTurn().toBuilder().temperature(0.9).build();
        ChatRequest noTools =
                ChatRequest.builder().messages(multiTurn().messages()).build();
        ChatRequest otherText = ChatRequest.builder()
                .messages(SystemMessage.from("## Answer format\nDigits only."), UserMessage.from("What is 6 times 8?"))
                .build();
        assertNotEquals(hash, RequestCanon.hash(CONFIG, hotter));
        assertNotEquals(hash, RequestCanon.hash(CONFIG, noTools));
        assertNotEquals(hash, RequestCanon.hash(CONFIG, otherText));
        // The model's configured defaults are part of the request: another seed is another call.
        assertNotEquals(hash, RequestCanon.hash(CONFIG.toBuilder().seed(12).build(), multiTurn()));
        assertNotEquals(
                hash, RequestCanon.hash(CONFIG.toBuilder().model("gpt-other").build(), multiTurn()));
    }

    @Test
    void aRequestParameterEqualToTheDefaultIsTheSameCall() {
        ChatRequest explicit =
                multiTurn().toBuilder().temperature(0.2).maxOutputTokens(300).build();
        assertEquals(RequestCanon.hash(CONFIG, multiTurn()), RequestCanon.hash(CONFIG, explicit));
    }
}
