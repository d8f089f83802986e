package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ModelCallRecorded.Attempt;
import dev.ratchet.log.event.ModelCallRecorded.Usage;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The one retry layer between the harness and a LangChain4j {@link ChatModel} whose own retries are
 * off. It retries 429, 5xx, 529, timeouts, resets and malformed bodies with jittered exponential
 * backoff that never fires before Retry-After; records every other 4xx without retrying; throws
 * {@link QuotaExhaustedException} or {@link ProviderRejectedException} when no call can succeed;
 * waits on the rate limiters and the bulkhead; and pauses through an outage while the circuit
 * breaker is open. Resilience4j's {@link Retry} decides whether and how long to wait; the injected
 * {@link Sleeper} does the waiting and the injected clock measures, so a call's record depends only
 * on what the provider answered.
 *
 * <p>A call whose retries run out is not an exception: it returns {@code ModelCall(null, record)}
 * with the record's error class set, and the episode counts as an infrastructure failure.
 */
public final class ResilientModelClient implements ModelClient {

    private final ModelConfig config;
    private final ChatModel model;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Redactor redactor;
    private final FailureClassifier classifier;
    private final CallGuards guards;
    private final Retry retry;

    public ResilientModelClient(ModelConfig config, ChatModel model, Clock clock, Sleeper sleeper, Redactor redactor) {
        this(config, model, clock, sleeper, redactor, notice -> {});
    }

    /** {@code notices} hears, in words for standard error, when calls start and stop waiting for the provider. */
    public ResilientModelClient(
            ModelConfig config,
            ChatModel model,
            Clock clock,
            Sleeper sleeper,
            Redactor redactor,
            Consumer<String> notices) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.classifier = new FailureClassifier(clock, redactor);
        this.guards = new CallGuards(config, clock, sleeper, notices);
        this.retry = retryPolicy(config);
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    public ModelCall call(CallContext context, ChatRequest request) {
        JsonNode canonical = RequestCanon.canonical(config, request);
        Call call = new Call(context, canonical, RequestCanon.hash(canonical), clock.millis());
        try {
            guards.admit(estimateTokens(canonical, request));
            return attempt(call, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("model call " + context.callId() + " was interrupted");
        }
    }

    private ModelCall attempt(Call call, ChatRequest request) throws InterruptedException {
        Retry.AsyncContext<ChatResponse> retrying = retry.asyncContext();
        Backoff backoff = new Backoff(config.retry(), () -> Backoff.seed(config.seed(), call.context.callId()));
        long waited = 0;
        while (true) {
            int number = call.attempts.size() + 1;
            Outcome outcome = once(request);
            Failure failure = outcome.failure;
            if (failure == null) {
                retrying.onComplete();
                call.attempts.add(new Attempt(number, "ok", null, null, waited));
                return succeeded(call, outcome.response);
            }
            call.attempts.add(
                    new Attempt(number, failure.kind().label(), failure.httpStatus(), failure.errorClass(), waited));
            stopIfHopeless(call, failure);
            if (failure.kind().outage() && guards.providerDown()) {
                // An outage does not use up this call's retries: the breaker holds it until the
                // provider answers again or the outage outlasts breaker.max_outage_seconds.
                waited = 0;
                continue;
            }
            long delay = retrying.onError(new RetrySignal(failure, backoff));
            if (delay < 0) {
                return new ModelCall(null, failedRecord(call, failure.kind().errorClass()), failure);
            }
            sleeper.sleep(Duration.ofMillis(delay));
            waited = delay;
        }
    }

    /** One try at the provider, holding a bulkhead slot and a breaker permission. */
    private Outcome once(ChatRequest request) throws InterruptedException {
        guards.enter();
        long started = nanos();
        Failure failure = null;
        ProviderHttpClient.forgetSuccessBody();
        try {
            return new Outcome(Objects.requireNonNull(model.chat(request), "the model returned no response"), null);
        } catch (RuntimeException e) {
            failure = classifier.classify(e, ProviderHttpClient.successBody());
            return new Outcome(null, failure);
        } finally {
            guards.exit(failure, nanos() - started);
        }
    }

    /**
     * Resilience4j's retry decides whether to retry and how long to wait, with the call's own backoff
     * (seeded per call) carried in by the signal; nothing sleeps in there.
     */
    private static Retry retryPolicy(ModelConfig config) {
        RetryConfig policy = RetryConfig.<ChatResponse>custom()
                .maxAttempts(config.retry().maxAttempts())
                .retryOnException(t -> t instanceof RetrySignal
                        && ((RetrySignal) t).failure.kind().action() == CallFailure.Action.RETRY)
                .intervalBiFunction((failures, outcome) -> {
                    RetrySignal signal = (RetrySignal) outcome.getLeft();
                    return signal.backoff.delayMillis(failures, signal.failure.retryAfter());
                })
                .failAfterMaxAttempts(false)
                .build();
        return Retry.of(config.name(), policy);
    }

    private void stopIfHopeless(Call call, Failure failure) {
        String who = "model '" + config.name() + "' (" + config.provider().id() + ", " + config.model() + ")";
        Duration maxWait = config.retry().maxRetryAfter();
        if (failure.kind() == CallFailure.QUOTA_EXHAUSTED) {
            throw new QuotaExhaustedException(
                    who + ": the provider's quota is exhausted (" + failure.describe() + ": " + failure.detail()
                            + "); no call can succeed until the quota is raised",
                    failedRecord(call, CallFailure.QUOTA));
        }
        if (failure.kind() == CallFailure.RATE_LIMITED && failure.retryAfter().compareTo(maxWait) > 0) {
            throw new QuotaExhaustedException(
                    who + ": the provider asks to wait " + failure.retryAfter().toSeconds() + " s, longer than"
                            + " retry.max_retry_after_seconds (" + maxWait.toSeconds() + "); treating it as an"
                            + " exhausted quota",
                    failedRecord(call, CallFailure.QUOTA));
        }
        if (failure.kind().action() == CallFailure.Action.REJECT) {
            throw new ProviderRejectedException(
                    who + ": the provider rejected the configuration (" + failure.describe() + ": " + failure.detail()
                            + "); check " + hint(failure.kind()),
                    failure.httpStatus() == null ? 0 : failure.httpStatus(),
                    failedRecord(call, CallFailure.REJECTED));
        }
    }

    private String hint(CallFailure kind) {
        String key = config.apiKeyEnv() == null
                ? "the API key (no api_key_env is configured)"
                : "the key in environment variable " + config.apiKeyEnv() + " (api_key_env)";
        if (kind == CallFailure.REDIRECTED) {
            return "base_url (the provider redirects it elsewhere)";
        }
        return kind == CallFailure.NOT_FOUND ? "model and base_url" : key + " and base_url";
    }

    private ModelCall succeeded(Call call, ChatResponse response) {
        JsonNode json = ResponseCodec.redact(ResponseCodec.encode(response), redactor);
        Usage usage = ResponseCodec.usage(json);
        double cost = config.price().costUsd(usage.inputTokens(), usage.outputTokens());
        ModelCallRecorded record = record(call, json, usage, null, cost);
        return new ModelCall(ResponseCodec.decode(json), record);
    }

    private ModelCallRecorded failedRecord(Call call, String errorClass) {
        return record(call, null, new Usage(0, 0), errorClass, 0.0);
    }

    private ModelCallRecorded record(Call call, JsonNode response, Usage usage, String errorClass, double cost) {
        return new ModelCallRecorded(
                call.context.callId(),
                call.context.role(),
                config.model(),
                call.hash,
                call.canonical,
                response,
                usage,
                Math.max(0, clock.millis() - call.startMillis),
                call.attempts,
                errorClass,
                cost);
    }

    /** What a hosted API counts against tokens per minute: the prompt (about 4 chars a token) plus max tokens. */
    private long estimateTokens(JsonNode canonical, ChatRequest request) {
        long chars = canonical.path("messages").toString().length();
        int max = request.maxOutputTokens() != null ? request.maxOutputTokens() : config.maxTokens();
        return chars / 4 + max;
    }

    private long nanos() {
        java.time.Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** One call in progress. */
    private static final class Call {
        final CallContext context;
        final JsonNode canonical;
        final String hash;
        final long startMillis;
        final List<Attempt> attempts = new ArrayList<>();

        Call(CallContext context, JsonNode canonical, String hash, long startMillis) {
            this.context = context;
            this.canonical = canonical;
            this.hash = hash;
            this.startMillis = startMillis;
        }
    }

    /** What one try gave: a response or a failure. */
    private static final class Outcome {
        final ChatResponse response;
        final Failure failure;

        Outcome(ChatResponse response, Failure failure) {
            this.response = response;
            this.failure = failure;
        }
    }

    /** Carries a classified failure into Resilience4j's retry decision; never thrown. */
    private static final class RetrySignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;
        private final transient Backoff backoff;

        RetrySignal(Failure failure, Backoff backoff) {
            super(failure.describe(), null, false, false);
            this.failure = failure;
            this.backoff = backoff;
        }
    }
}
