package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfig.Provider;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.log.event.Json;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import dev.ratchet.propose.ProposalParser;
import dev.ratchet.propose.ProposalSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The proposer asks each provider for its edit the provider's own structured way, through the real
 * LangChain4j adapters over loopback HTTP, with its own token limit; and what comes back parses.
 */
class ProposerModelClientTest {

    /** An edit whose skill body alone is longer than 256 tokens would allow. */
    private static final String EDIT = Json.write(Json.object(Map.of(
            "op", "add-skill",
            "target", "carry-digits",
            "description", "Add numbers column by column",
            "trigger", "the task adds two numbers",
            "content", "Write both numbers right-aligned. ".repeat(60),
            "rationale", "the failures drop a carry")));

    private final FakeClock clock = FakeClock.at2026();
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());

    private static ChatRequest proposerPrompt() {
        return ChatRequest.builder()
                .messages(SystemMessage.from("Answer with ONE JSON object."), UserMessage.from("Cluster: arith.add"))
                .build();
    }

    private ModelCall propose(ModelConfig config, LoopbackOpenAiServer server) {
        ModelFactory factory = new ModelFactory(name -> "sk-ant-test-0123456789abcdef", Map.of());
        ModelClient client = new ProposerModelClient(
                factory.client(config, clock, new RecordingSleeper(clock)),
                config,
                ProposalSchema.SCHEMA,
                ProposalSchema.DESCRIPTION);
        ModelCall call = client.call(new CallContext("i1/propose/c1/a1", "proposer"), proposerPrompt());
        assertTrue(call.succeeded(), () -> "the call failed: " + call.record());
        assertEquals(1, server.requests());
        return call;
    }

    private LoopbackOpenAiServer serve(Function<JsonNode, String> reply) {
        return LoopbackOpenAiServer.start(
                r -> {
                    bodies.add(r.body());
                    return new Reply(
                            200,
                            Map.of("Content-Type", "application/json"),
                            reply.apply(r.body()),
                            Duration.ZERO,
                            false);
                },
                2);
    }

    private static ModelConfig model(String yaml) {
        return ModelConfigs.parse("models:\n  m: " + yaml + "\n", "test.yaml").get("m");
    }

    private static void assertParses(ModelCall call) {
        ProposalParser.Result r = ProposalParser.parseResponse(call.record().response());
        assertInstanceOf(ProposalParser.Parsed.class, r, r.toString());
        assertEquals("carry-digits", ((ProposalParser.Parsed) r).edit().target());
    }

    @Test
    void anOpenAiCompatibleServerIsAskedForTheSchemaWithTheProposersOwnTokenLimit() {
        try (LoopbackOpenAiServer server = serve(body -> completion(EDIT))) {
            ModelConfig config =
                    model("{provider: openai, base_url: " + server.baseUrl() + ", model: small," + " max_tokens: 256}");
            ModelCall call = propose(config, server);

            JsonNode body = bodies.get(0);
            assertEquals(
                    "json_schema", body.path("response_format").path("type").asText(), body.toString());
            JsonNode schema = body.path("response_format").path("json_schema");
            assertEquals(ProposalSchema.NAME, schema.path("name").asText());
            assertEquals(
                    List.of("op", "target", "rationale"),
                    Json.CANONICAL.convertValue(schema.path("schema").path("required"), List.class));
            assertEquals(4096, maxTokens(body), "256 would cut an edit off: the proposer has its own limit");
            assertParses(call);
            JsonNode recorded = call.record().request().path("parameters").path("responseFormat");
            assertEquals(ProposalSchema.NAME, recorded.path("name").asText(), recorded.toString());
            assertTrue(
                    recorded.path("schema").path("properties").has("content"),
                    "the recorded request holds the schema sent, so replay hashes what was sent");
        }
    }

    @Test
    void anthropicIsAskedForOneForcedToolCallWhoseArgumentsAreTheAnswer() {
        try (LoopbackOpenAiServer server = serve(body -> anthropicToolUse(EDIT))) {
            ModelConfig config = model("{provider: anthropic, base_url: " + server.baseUrl() + ", model: claude,"
                    + " api_key_env: ANTHROPIC_API_KEY, max_tokens: 256, proposer: {max_tokens: 2000}}");
            ModelCall call = propose(config, server);

            JsonNode body = bodies.get(0);
            assertEquals(
                    ProposalSchema.NAME, body.path("tools").path(0).path("name").asText(), body.toString());
            assertEquals("any", body.path("tool_choice").path("type").asText(), body.toString());
            assertEquals(2000, body.path("max_tokens").asInt(), "proposer.max_tokens is what is sent");
            assertTrue(call.record().response().path("text").asText("").isEmpty());
            assertParses(call);
        }
    }

    @Test
    void ollamaIsGivenTheSchemaAsItsFormat() {
        try (LoopbackOpenAiServer server = serve(body -> ollamaMessage(EDIT))) {
            String base = server.baseUrl().replace("/v1", "");
            ModelConfig config = model("{provider: ollama, base_url: " + base + ", model: llama}");
            ModelCall call = propose(config, server);

            JsonNode body = bodies.get(0);
            assertEquals("object", body.path("format").path("type").asText(), body.toString());
            assertTrue(body.path("format").path("properties").has("rationale"), body.toString());
            assertEquals(4096, body.path("options").path("num_predict").asInt(), body.toString());
            assertParses(call);
        }
    }

    @Test
    void structuredOutputOffLeavesThePromptAloneAndTheParserFindsTheJson() {
        try (LoopbackOpenAiServer server = serve(body -> completion("Here is my edit:\n```json\n" + EDIT + "\n```"))) {
            ModelConfig config = model("{provider: openai, base_url: " + server.baseUrl() + ", model: small,"
                    + " proposer: {structured_output: false}}");
            ModelCall call = propose(config, server);

            assertFalse(bodies.get(0).has("response_format"), bodies.get(0).toString());
            assertParses(call);
        }
    }

    @Test
    void shapingIsDeterministicSoTheRequestHashIsStable() {
        ModelConfig config = model("{provider: openai, model: small}").toBuilder()
                .retry(RetrySettings.DEFAULTS)
                .build();
        ProposerModelClient a = new ProposerModelClient(
                (c, r) -> {
                    throw new AssertionError("not called");
                },
                config,
                ProposalSchema.SCHEMA,
                ProposalSchema.DESCRIPTION);
        String first = RequestCanon.hash(config, a.shape(proposerPrompt()));
        String second = RequestCanon.hash(config, a.shape(proposerPrompt()));
        assertEquals(first, second);
        assertTrue(
                RequestCanon.canonical(config, a.shape(proposerPrompt()))
                        .path("parameters")
                        .path("responseFormat")
                        .path("schema")
                        .path("properties")
                        .has("op"),
                "the schema is part of the canonical request");
    }

    @Test
    void theSimulatorKeepsItsRequestsAsTheyWere() {
        ModelConfig simulated = model("{provider: simulated, options: {role: proposer}}");
        ProposerModelClient client =
                new ProposerModelClient((c, r) -> null, simulated, ProposalSchema.SCHEMA, ProposalSchema.DESCRIPTION);
        assertEquals(
                RequestCanon.hash(simulated, proposerPrompt()),
                RequestCanon.hash(simulated, client.shape(proposerPrompt())),
                "campaigns recorded on the simulator replay unchanged");
        assertEquals(Provider.SIMULATED, simulated.provider());
    }

    private static int maxTokens(JsonNode body) {
        return body.has("max_completion_tokens")
                ? body.path("max_completion_tokens").asInt()
                : body.path("max_tokens").asInt();
    }

    private static String completion(String text) {
        return Reply.completion(text, 100, 60).body();
    }

    private static String anthropicToolUse(String argumentsJson) {
        ObjectNode body = Json.object(Map.of(
                "id", "msg_1", "type", "message", "role", "assistant", "model", "claude", "stop_reason", "tool_use"));
        ObjectNode use = body.putArray("content").addObject();
        use.put("type", "tool_use");
        use.put("id", "toolu_1");
        use.put("name", ProposalSchema.NAME);
        use.set("input", Json.parse(argumentsJson));
        ObjectNode usage = body.putObject("usage");
        usage.put("input_tokens", 100);
        usage.put("output_tokens", 60);
        return Json.write(body);
    }

    private static String ollamaMessage(String text) {
        ObjectNode body = Json.object(
                Map.of("model", "llama", "created_at", "2026-01-01T00:00:00Z", "done", true, "done_reason", "stop"));
        ObjectNode message = body.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        body.put("prompt_eval_count", 100);
        body.put("eval_count", 60);
        return Json.write(body);
    }
}
