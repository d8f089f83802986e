package dev.ratchet.model;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.ratchet.config.ModelConfig;
import java.util.Objects;

/**
 * A model as a campaign's proposer: every request goes out with the model's {@code proposer.max_tokens}
 * and, where the provider has structured output and {@code proposer.structured_output} is on, held
 * to the answer's JSON schema: a {@code response_format} for OpenAI-compatible servers and Ollama's
 * {@code format}, one forced tool call for Anthropic (whose tool use every Claude model has).
 * Other providers get the request as it is, and the prompt's own description of the JSON.
 *
 * <p>Shaping is a pure function of the model's configuration and the request, done before the
 * wrapped client hashes it, so a live run, a resume and a replay send and hash the same request.
 */
public final class ProposerModelClient implements ModelClient {

    private final ModelClient delegate;
    private final ModelConfig config;
    private final JsonSchema schema;
    private final String toolDescription;

    /**
     * @param schema the answer's schema, whose root is an object; its name is the tool's name
     * @param toolDescription what the tool does, for providers that take the schema as a tool
     */
    public ProposerModelClient(ModelClient delegate, ModelConfig config, JsonSchema schema, String toolDescription) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.config = Objects.requireNonNull(config, "config");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.toolDescription = Objects.requireNonNull(toolDescription, "toolDescription");
        if (!(schema.rootElement() instanceof JsonObjectSchema)) {
            throw new IllegalArgumentException("the proposer's answer schema must describe an object");
        }
    }

    @Override
    public ModelCall call(CallContext context, ChatRequest request) {
        return delegate.call(context, shape(request));
    }

    /** The request as this model's proposer sends it. */
    public ChatRequest shape(ChatRequest request) {
        ChatRequest.Builder b =
                request.toBuilder().maxOutputTokens(config.proposer().maxTokens());
        if (!config.proposer().structuredOutput()) {
            return b.build();
        }
        if (config.provider() == ModelConfig.Provider.ANTHROPIC) {
            ToolSpecification tool = ToolSpecification.builder()
                    .name(schema.name())
                    .description(toolDescription)
                    .parameters((JsonObjectSchema) schema.rootElement())
                    .build();
            return b.toolSpecifications(tool).toolChoice(ToolChoice.REQUIRED).build();
        }
        return b.responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(schema)
                        .build())
                .build();
    }
}
