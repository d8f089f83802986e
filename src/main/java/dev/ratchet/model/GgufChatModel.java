package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfigException;
import dev.ratchet.log.event.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A GGUF model file run in-process through java-llama.cpp ({@code de.kherud:llama}), for fully
 * local campaigns. Text chat only (system, user and assistant turns); a JSON response format is
 * enforced with a grammar compiled from its schema. The file's own chat template formats the
 * prompt (llama.cpp falls back to ChatML when the file has none). Calls are serialized: one model,
 * one slot, deterministic for a fixed seed at temperature 0.
 *
 * <p>Close it when done. Even then, java-llama.cpp 4.2.0 leaves its server thread attached to the
 * JVM as a non-daemon thread (its native {@code loadModel} attaches a detached {@code std::thread}
 * and never detaches it), so a JVM that loaded a model ends only through {@code System.exit}, as the
 * command line always does.
 *
 * <p>Token usage is counted by tokenizing the prompt and the answer with the model's tokenizer: the
 * binding does not report the generation's own counts.
 */
public final class GgufChatModel implements ChatModel, AutoCloseable {

    private static final Set<String> OPTIONS = Set.of("context_size", "threads", "gpu_layers");

    private final ModelConfig config;
    private final LlamaModel llama;
    private final Object lock = new Object();
    /** Guarded by {@code lock}: a closed model's native memory is freed, and touching it would crash the JVM. */
    private boolean closed;

    private GgufChatModel(ModelConfig config, LlamaModel llama) {
        this.config = config;
        this.llama = llama;
    }

    /** Loads the model file named by {@code config.path()}; bad options or an unreadable file are config errors. */
    public static GgufChatModel load(ModelConfig config) {
        JsonNode options = config.options();
        for (Iterator<String> it = options.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!OPTIONS.contains(key)) {
                throw new ModelConfigException("model '" + config.name() + "': options." + key
                        + ": unknown option for provider gguf (known: context_size, threads, gpu_layers)");
            }
        }
        Path file = Path.of(config.path());
        if (!Files.isRegularFile(file)) {
            throw new ModelConfigException("model '" + config.name() + "': path " + file + ": no such model file");
        }
        ModelParameters params = new ModelParameters()
                .setModel(file.toString())
                .setCtxSize(option(config, "context_size", 4096))
                .setThreads(option(
                        config,
                        "threads",
                        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))))
                .setSeed(config.seed())
                .setParallel(1)
                .disableLog();
        if (config.options().has("gpu_layers")) {
            // Only when asked: the CPU-only native build warns about the option otherwise.
            params.setGpuLayers(option(config, "gpu_layers", 0));
        }
        // The native server logs every request to stderr; the harness reports what matters itself.
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {});
        try {
            return new GgufChatModel(config, new LlamaModel(params));
        } catch (RuntimeException e) { // LlamaException is package-private in java-llama.cpp
            throw new ModelConfigException(
                    "model '" + config.name() + "': path " + file + ": cannot load the model: " + e.getMessage(), e);
        }
    }

    private static int option(ModelConfig config, String key, int fallback) {
        JsonNode v = config.options().get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asInt() < 0) {
            throw new ModelConfigException(
                    "model '" + config.name() + "': options." + key + ": expected a whole number, got " + v);
        }
        return v.asInt();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (request.toolSpecifications() != null
                && !request.toolSpecifications().isEmpty()) {
            throw new UnsupportedFeatureException("the gguf provider does not run tools; serve the file with"
                    + " llama.cpp's server and use provider openai for tool calls");
        }
        int maxTokens = request.maxOutputTokens() != null ? request.maxOutputTokens() : config.maxTokens();
        String text;
        int in;
        int out;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("gguf model '" + config.name() + "' is closed");
            }
            String prompt = llama.applyTemplate(chatTemplate(request.messages()));
            text = llama.complete(inference(prompt, request).setNPredict(maxTokens));
            in = llama.encode(prompt).length;
            // Re-tokenizing can overcount text that is not valid UTF-8; generation never exceeds the cap.
            out = Math.min(llama.encode(text).length, maxTokens);
        }
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .tokenUsage(new TokenUsage(in, out))
                .finishReason(out >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP)
                .modelName(config.model())
                .build();
    }

    private static InferenceParameters chatTemplate(List<ChatMessage> messages) {
        StringBuilder system = new StringBuilder();
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage) {
                system.append(system.length() == 0 ? "" : "\n\n").append(((SystemMessage) m).text());
            } else if (m instanceof UserMessage && ((UserMessage) m).hasSingleText()) {
                turns.add(new Pair<>("user", ((UserMessage) m).singleText()));
            } else if (m instanceof AiMessage && !((AiMessage) m).hasToolExecutionRequests()) {
                String text = ((AiMessage) m).text();
                turns.add(new Pair<>("assistant", text == null ? "" : text));
            } else {
                throw new UnsupportedFeatureException("the gguf provider takes text turns only, not " + m.type());
            }
        }
        return new InferenceParameters("")
                .setMessages(system.length() == 0 ? null : system.toString(), turns)
                .setUseChatTemplate(true);
    }

    private InferenceParameters inference(String prompt, ChatRequest request) {
        double temperature = request.temperature() != null ? request.temperature() : config.temperature();
        InferenceParameters p = new InferenceParameters(prompt)
                .setTemperature((float) temperature)
                .setSeed(config.seed())
                .setCachePrompt(false);
        if (request.topP() != null) {
            p.setTopP(request.topP().floatValue());
        }
        if (request.topK() != null) {
            p.setTopK(request.topK());
        }
        if (request.stopSequences() != null && !request.stopSequences().isEmpty()) {
            p.setStopStrings(request.stopSequences().toArray(new String[0]));
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormatType.JSON) {
            JsonNode schema = format.jsonSchema() == null
                    ? Json.parse("{\"type\":\"object\"}")
                    : RequestCanon.schema(format.jsonSchema().rootElement());
            p.setGrammar(LlamaModel.jsonSchemaToGrammar(Json.write(schema)));
        }
        return p;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                llama.close();
            }
        }
    }

    @Override
    public String toString() {
        return "GgufChatModel[" + config.name() + ", " + config.path() + "]";
    }
}
