package dev.ratchet.model.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.model.ProviderHttpException;
import dev.ratchet.model.RequestCanon;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated provider that sometimes fails, so that campaigns (and their replays) meet the retry
 * layer without a network: a share {@code options.fault_rate} of attempts fail with a retryable HTTP
 * status (429, 500, 503 or 529) before the simulator is asked. Whether attempt n of a request fails
 * depends only on the simulator's seed, the request hash and n, so a campaign meets the same faults
 * on every run and after a resume. Attempts are counted per request hash: the requests of a campaign
 * are distinct (each names its episode or candidate), so the count is the call's own attempt number.
 * A fault is transient, as a provider's are: no request fails more than {@link #LONGEST_FAULT}
 * attempts in a row, so a request that a run retries (or runs again) long enough is answered, also
 * after a resume, which counts attempts afresh.
 */
public final class SimulatedFaults implements ChatModel {

    /** The option that turns faults on; validated when the models file is loaded. */
    public static final String FAULT_RATE = "fault_rate";

    private static final int[] STATUSES = {429, 500, 503, 529};

    /** Attempts of one request that may fail in a row; later attempts are answered. */
    static final int LONGEST_FAULT = 4;

    private final ModelConfig config;
    private final ChatModel model;
    private final double rate;
    private final ConcurrentMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private SimulatedFaults(ModelConfig config, ChatModel model, double rate) {
        this.config = config;
        this.model = model;
        this.rate = rate;
    }

    /** {@code model} itself when the config asks for no faults, else {@code model} behind faults. */
    public static ChatModel wrap(ModelConfig config, ChatModel model) {
        Objects.requireNonNull(model, "model");
        double rate = faultRate(config);
        return rate == 0 ? model : new SimulatedFaults(config, model, rate);
    }

    /** The configured fault rate, 0 when absent. */
    public static double faultRate(ModelConfig config) {
        JsonNode node = config.options().get(FAULT_RATE);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isNumber() || !(node.asDouble() >= 0 && node.asDouble() < 1)) {
            throw new IllegalArgumentException("model '" + config.name() + "': options." + FAULT_RATE
                    + " must be a number within [0, 1), got " + node);
        }
        return node.asDouble();
    }

    /** Overrides {@code chat} itself so the hash is taken over exactly the request the client sent. */
    @Override
    public ChatResponse chat(ChatRequest request) {
        String hash = RequestCanon.hash(config, request);
        int attempt = attempts.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet();
        double draw = Draws.uniform(config.seed(), "fault", hash, Integer.toString(attempt));
        if (attempt <= LONGEST_FAULT && draw < rate) {
            int status = STATUSES[Math.min(STATUSES.length - 1, (int) (draw / rate * STATUSES.length))];
            throw new ProviderHttpException(
                    status,
                    Map.of(),
                    "{\"error\":{\"message\":\"simulated provider fault (simulator), attempt " + attempt + "\"}}");
        }
        return model.chat(request);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat(request);
    }

    @Override
    public String toString() {
        return model + " with simulated provider faults (rate " + rate + ")";
    }
}
