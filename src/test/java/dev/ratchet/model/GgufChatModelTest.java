package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.log.event.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gguf provider for real, through java-llama.cpp's native library, on a tiny random-weight model
 * that the test writes itself: loading, chat through the chat template, and output constrained by
 * a JSON-schema grammar.
 */
class GgufChatModelTest {

    @TempDir
    static Path dir;

    static Path modelFile;

    @BeforeAll
    static void writeModel() throws IOException {
        modelFile = dir.resolve("tiny-random.gguf");
        TinyGguf.write(modelFile, 42);
    }

    private static ModelConfig config() {
        return ModelConfig.builder("tiny", ModelConfig.Provider.GGUF)
                .path(modelFile.toString())
                .model("tiny-random")
                .seed(7)
                .maxTokens(24)
                .options(Json.parse("{\"context_size\": 512, \"threads\": 1}"))
                .build();
    }

    private static ChatRequest question() {
        return ChatRequest.builder()
                .messages(SystemMessage.from("Answer yes or no."), UserMessage.from("Is the sky blue?"))
                .build();
    }

    private static ResponseFormat yesOrNo() {
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("verdict")
                        .rootElement(JsonObjectSchema.builder()
                                .addProperty(
                                        "answer",
                                        JsonEnumSchema.builder()
                                                .enumValues("yes", "no")
                                                .build())
                                .required("answer")
                                .build())
                        .build())
                .build();
    }

    @Test
    void loadsChatsAndConstrainsOutputWithAJsonSchemaGrammar() throws Exception {
        ChatModel built = new ModelFactory(name -> null, Map.of()).chatModel(config());
        assertInstanceOf(GgufChatModel.class, built);
        try (GgufChatModel model = (GgufChatModel) built) {
            ChatResponse first = model.chat(question());
            ChatResponse again = model.chat(question());
            assertNotNull(first.aiMessage().text());
            assertEquals(first.aiMessage().text(), again.aiMessage().text(), "seeded and serialized: repeatable");
            // The ChatML prompt of the template alone is dozens of byte tokens.
            assertTrue(
                    first.tokenUsage().inputTokenCount() > 40,
                    first.tokenUsage().toString());
            assertTrue(first.tokenUsage().outputTokenCount() >= 1);

            ChatResponse free =
                    model.chat(question().toBuilder().maxOutputTokens(48).build());
            assertFalse(isVerdict(free.aiMessage().text()), "random weights do not write the JSON by chance");

            ChatRequest constrained = question().toBuilder()
                    .responseFormat(yesOrNo())
                    .maxOutputTokens(200)
                    .build();
            for (int i = 0; i < 3; i++) {
                String text = model.chat(constrained).aiMessage().text();
                assertTrue(isVerdict(text), "grammar-constrained output: " + text);
            }
        }
    }

    private static boolean isVerdict(String text) {
        try {
            JsonNode json = Json.parse(text);
            return json.isObject()
                    && json.size() == 1
                    && Set.of("yes", "no").contains(json.path("answer").asText());
        } catch (UncheckedIOException | IllegalArgumentException notJson) {
            return false;
        }
    }

    @Test
    void worksBehindTheRetryLayerAndRecordsTheCall() throws Exception {
        ChatModel model = new ModelFactory(name -> null, Map.of()).chatModel(config());
        try (GgufChatModel gguf = (GgufChatModel) model) {
            ResilientModelClient client =
                    new ResilientModelClient(config(), gguf, Clock.systemUTC(), Sleeper.system(), Redactor.none());
            ModelCall call = client.call(new CallContext("c1", "agent"), question());
            assertTrue(call.succeeded());
            assertEquals("tiny-random", call.record().model());
            assertTrue(call.record().usage().inputTokens() > 40);

            ChatRequest withTools = question().toBuilder()
                    .toolSpecifications(
                            ToolSpecification.builder().name("lookup").build())
                    .build();
            ModelCall refused = client.call(new CallContext("c2", "agent"), withTools);
            assertFalse(refused.succeeded(), "tools are not supported in-process");
            assertEquals(CallFailure.PROVIDER_FAILED, refused.record().errorClass());
            assertEquals(1, refused.record().attempts().size());
        }
    }

    @Test
    void theCommandLineExitsAfterUsingTheModel() throws Exception {
        Path models = dir.resolve("models.yaml");
        Files.writeString(
                models,
                "models:\n  tiny:\n    provider: gguf\n    path: " + modelFile + "\n    max_tokens: 8\n"
                        + "    options: {context_size: 512, threads: 1}\n");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        classpath,
                        "dev.ratchet.cli.Main",
                        "models",
                        "check",
                        "--models",
                        models.toString()))
                .redirectErrorStream(true)
                .start();
        boolean exited = p.waitFor(90, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            p.destroyForcibly();
        }
        assertTrue(exited, "the JVM did not exit; output:\n" + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("model tiny: gguf tiny-random.gguf"), output);
        assertTrue(output.contains("ok in"), output);
    }
}
