package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.BreakerSettings;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ModelCallRecorded.Attempt;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible path end to end (LangChain4j's OpenAI adapter, our HTTP client, the retry
 * layer) against a loopback server that injects faults. The clock is fake and the sleeper only
 * records waits, so minutes of backoff take milliseconds.
 */
class ResilientModelClientHttpTest {

    private static final int TASKS = 10;

    private final FakeClock clock = FakeClock.at2026();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** Faults per task, in order; a task's attempts beyond its list get the right answer. */
    private Map<String, List<Supplier<Reply>>> faults() {
        String quotaFree = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                + "\"code\":\"rate_limit_exceeded\"}}";
        return Map.of(
                "task-1", List.of(() -> Reply.error(429, quotaFree, Map.of("Retry-After", "3"))),
                "task-2", List.of(() -> Reply.error(500, "{}", Map.of()), () -> Reply.error(503, "", Map.of())),
                "task-3", List.of(() -> Reply.error(529, "{\"error\":{\"type\":\"overloaded_error\"}}", Map.of())),
                "task-4", List.of(Reply::connectionReset),
                "task-5", List.of(() -> Reply.error(200, "{\"id\": \"chatcmpl-1\", \"choi", Map.of())),
                "task-6", List.of(() -> Reply.completion("too late", 1, 1).after(Duration.ofMillis(3000))),
                "task-7",
                        List.of(
                                () -> Reply.error(429, quotaFree, Map.of("retry-after-ms", "2500")),
                                () -> Reply.error(502, "<html>bad gateway</html>", Map.of())),
                "task-8", List.of(() -> Reply.error(200, "<html>maintenance</html>", Map.of())),
                "task-9", List.of(() -> Reply.error(429, quotaFree, Map.of("Retry-After", httpDate(20)))));
    }

    /** The last Retry-After date sent, which has whole-second precision. */
    private volatile String sentDate;

    private String httpDate(int secondsFromNow) {
        sentDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(secondsFromNow).atOffset(ZoneOffset.UTC));
        return sentDate;
    }

    /** A server answering "answer for task-N", after the task's scripted faults; logs arrival times. */
    private final class Scripted implements LoopbackOpenAiServer.Responder {
        final Map<String, List<Supplier<Reply>>> plan;
        final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        final Map<String, List<Instant>> arrivals = new ConcurrentHashMap<>();

        Scripted(Map<String, List<Supplier<Reply>>> plan) {
            this.plan = plan;
        }

        @Override
        public Reply reply(Request request) {
            String task = request.lastUserText().lines().findFirst().orElse("").replace("Task id: ", "");
            arrivals.computeIfAbsent(task, t -> new ArrayList<>()).add(clock.instant());
            int k = tries.computeIfAbsent(task, t -> new AtomicInteger()).getAndIncrement();
            List<Supplier<Reply>> script = plan.getOrDefault(task, List.of());
            return k < script.size() ? script.get(k).get() : Reply.completion("answer for " + task, 12, 3);
        }
    }

    private ModelConfig config(LoopbackOpenAiServer server, int maxAttempts) {
        return ModelConfig.builder("loopback", ModelConfig.Provider.OPENAI)
                .model("loopback-model")
                .baseUrl(server.baseUrl())
                .timeout(Duration.ofMillis(1500))
                .seed(7)
                .retry(new RetrySettings(
                        maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5, Duration.ofMinutes(10)))
                // Effectively off here: the breaker has its own test.
                .breaker(new BreakerSettings(100.0, 100, 100, Duration.ofSeconds(30), Duration.ofMinutes(30)))
                .build();
    }

    private ResilientModelClient client(ModelConfig config) {
        return new ModelFactory(name -> null, Map.of()).client(config, clock, sleeper);
    }

    private static ChatRequest task(int i) {
        return ChatRequest.builder()
                .messages(
                        SystemMessage.from("## Answer format\nAnswer with the value only."),
                        UserMessage.from("Task id: task-" + i + "\nEpisode: e" + i + "\n\nWhat is the answer?"))
                .build();
    }

    private List<ModelCall> runSequentially(ResilientModelClient client) {
        List<ModelCall> calls = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            calls.add(client.call(new CallContext("call-" + i, "agent"), task(i)));
        }
        return calls;
    }

    private static List<String> answers(List<ModelCall> calls) {
        return calls.stream().map(c -> c.response().aiMessage().text()).collect(Collectors.toList());
    }

    private static List<String> results(ModelCallRecorded r) {
        return r.attempts().stream().map(Attempt::result).collect(Collectors.toList());
    }

    @Test
    void faultyProviderGivesTheSameAnswersAsAFaultFreeOne() {
        List<String> clean;
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(new Scripted(Map.of()), 8)) {
            clean = answers(runSequentially(client(config(server, 6))));
            assertEquals(TASKS, server.requests(), "a fault-free run makes one request per call");
        }
        Scripted scripted = new Scripted(faults());
        List<ModelCall> faulty;
        int requests;
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(scripted, 8)) {
            faulty = runSequentially(client(config(server, 6)));
            requests = server.requests();
        }
        assertTrue(faulty.stream().allMatch(ModelCall::succeeded));
        assertEquals(clean, answers(faulty));
        assertEquals("answer for task-3", faulty.get(3).response().aiMessage().text());
        int attempts =
                faulty.stream().mapToInt(c -> c.record().attempts().size()).sum();
        assertEquals(attempts, requests, "each attempt is exactly one HTTP request: the provider's retries are off");

        assertEquals(List.of("ok"), results(faulty.get(0).record()));
        assertEquals(List.of("rate-limited", "ok"), results(faulty.get(1).record()));
        assertEquals(
                List.of("server-error", "server-error", "ok"),
                results(faulty.get(2).record()));
        assertEquals(List.of("overloaded", "ok"), results(faulty.get(3).record()));
        assertEquals(List.of("connection-reset", "ok"), results(faulty.get(4).record()));
        assertEquals(List.of("malformed-response", "ok"), results(faulty.get(5).record()));
        assertEquals(List.of("timeout", "ok"), results(faulty.get(6).record()));
        assertEquals(
                List.of("rate-limited", "server-error", "ok"),
                results(faulty.get(7).record()));
        assertEquals(List.of("malformed-response", "ok"), results(faulty.get(8).record()));
        assertEquals(List.of("rate-limited", "ok"), results(faulty.get(9).record()));
        Attempt overloaded = faulty.get(3).record().attempts().get(0);
        assertEquals(529, overloaded.httpStatus());
        assertNull(faulty.get(3).record().errorClass());
    }

    @Test
    void noRetryFiresBeforeRetryAfter() {
        Scripted scripted = new Scripted(faults());
        List<ModelCall> calls;
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(scripted, 8)) {
            calls = runSequentially(client(config(server, 6)));
        }
        // Retry-After: 3 (seconds), retry-after-ms: 2500, and an HTTP date about 20 s ahead.
        assertTrue(calls.get(1).record().attempts().get(1).waitedMillis() >= 3000);
        assertTrue(calls.get(7).record().attempts().get(1).waitedMillis() >= 2500);
        assertTrue(calls.get(9).record().attempts().get(1).waitedMillis() >= 19_000);
        for (int task : List.of(1, 7)) {
            List<Instant> at = scripted.arrivals.get("task-" + task);
            Duration gap = Duration.between(at.get(0), at.get(1));
            long floor = task == 1 ? 3000 : 2500;
            assertTrue(gap.toMillis() >= floor, "task-" + task + " was retried after only " + gap);
        }
        Instant notBefore = ZonedDateTime.parse(sentDate, DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        Instant retried = scripted.arrivals.get("task-9").get(1);
        assertFalse(retried.isBefore(notBefore), "task-9 retried at " + retried + ", Retry-After " + notBefore);
        // Every recorded wait was asked of the sleeper: nothing waits behind its back.
        List<Long> recorded = calls.stream()
                .flatMap(c -> c.record().attempts().stream())
                .map(Attempt::waitedMillis)
                .filter(ms -> ms > 0)
                .collect(Collectors.toList());
        assertEquals(recorded, sleeper.sleptMillis());
    }

    @Test
    void concurrentCallsRecordTheSameAttemptsAndWaitsAsSequentialOnes() throws Exception {
        List<ModelCall> sequential;
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(new Scripted(faults()), 8)) {
            sequential = runSequentially(client(config(server, 6)));
        }
        List<ModelCall> concurrent = new ArrayList<>();
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(new Scripted(faults()), 16)) {
            ResilientModelClient client = client(config(server, 6));
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<ModelCall>> futures = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> client.call(new CallContext("call-" + n, "agent"), task(n))));
                }
                for (Future<ModelCall> f : futures) {
                    concurrent.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
        // task-9's Retry-After is an absolute date, so its wait depends on when the answer came: skip it.
        for (int i = 0; i < TASKS - 1; i++) {
            ModelCallRecorded a = sequential.get(i).record();
            ModelCallRecorded b = concurrent.get(i).record();
            assertEquals(a.attempts(), b.attempts(), "call-" + i);
            assertEquals(a.requestHash(), b.requestHash());
            assertEquals(a.response(), b.response());
        }
    }

    @Test
    void otherClientErrorsAreRecordedWithoutRetry() {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(
                request -> Reply.error(400, "{\"error\":{\"message\":\"context too long\"}}", Map.of()), 4)) {
            ModelCall call = client(config(server, 6)).call(new CallContext("c1", "agent"), task(1));
            assertFalse(call.succeeded());
            assertEquals(CallFailure.REQUEST_REJECTED, call.record().errorClass());
            assertEquals(1, call.record().attempts().size());
            assertEquals(400, call.record().attempts().get(0).httpStatus());
            assertEquals(1, server.requests());
            assertTrue(sleeper.sleeps().isEmpty());
        }
    }

    @Test
    void unauthorizedIsNotRetriedAndStopsWithTheRecord() {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(
                request -> Reply.error(401, "{\"error\":{\"message\":\"Incorrect API key\"}}", Map.of()), 4)) {
            ProviderRejectedException e = assertThrows(ProviderRejectedException.class, () -> client(config(server, 6))
                    .call(new CallContext("c1", "agent"), task(1)));
            assertEquals(401, e.httpStatus());
            assertEquals(1, server.requests());
            assertEquals(CallFailure.REJECTED, e.record().orElseThrow().errorClass());
            assertEquals(List.of("unauthorized"), results(e.record().orElseThrow()));
            assertTrue(e.getMessage().contains("api_key"), e.getMessage());
        }
    }

    @Test
    void exhaustedQuotaIsNotRetriedAndStopsTheCampaign() {
        String body = "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                + "\"code\":\"insufficient_quota\"}}";
        try (LoopbackOpenAiServer server =
                LoopbackOpenAiServer.start(request -> Reply.error(429, body, Map.of("Retry-After", "1")), 4)) {
            QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> client(config(server, 6))
                    .call(new CallContext("c1", "agent"), task(1)));
            assertEquals(1, server.requests());
            assertTrue(e.getMessage().contains("quota"), e.getMessage());
            assertEquals(CallFailure.QUOTA, e.record().orElseThrow().errorClass());
        }
    }

    @Test
    void aRetryAfterBeyondTheMaximumIsTreatedAsAnExhaustedQuota() {
        try (LoopbackOpenAiServer server =
                LoopbackOpenAiServer.start(request -> Reply.error(429, "{}", Map.of("Retry-After", "86400")), 4)) {
            QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> client(config(server, 6))
                    .call(new CallContext("c1", "agent"), task(1)));
            assertEquals(1, server.requests());
            assertTrue(e.getMessage().contains("max_retry_after_seconds"), e.getMessage());
        }
    }

    @Test
    void aCallThatRunsOutOfAttemptsIsAnInfrastructureFailureNotAnException() {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(request -> Reply.error(503, "", Map.of()), 4)) {
            ModelCall call = client(config(server, 4)).call(new CallContext("c1", "agent"), task(1));
            assertFalse(call.succeeded());
            assertNull(call.record().response());
            assertEquals(CallFailure.INFRASTRUCTURE, call.record().errorClass());
            assertEquals(4, call.record().attempts().size());
            assertEquals(4, server.requests());
            List<Long> waits =
                    call.record().attempts().stream().map(Attempt::waitedMillis).collect(Collectors.toList());
            assertEquals(0L, waits.get(0));
            // Jittered exponential: within [base/2, base] for bases 1 s, 2 s, 4 s.
            for (int i = 1; i < 4; i++) {
                long base = 1000L << (i - 1);
                assertTrue(waits.get(i) >= base / 2 && waits.get(i) <= base, "wait " + i + ": " + waits);
            }
        }
    }
}
