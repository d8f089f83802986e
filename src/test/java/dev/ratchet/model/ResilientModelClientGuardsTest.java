package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.BreakerSettings;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.PriceTable;
import dev.ratchet.config.RateLimitSettings;
import dev.ratchet.config.RetrySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The circuit breaker, rate limiters and bulkhead, around a scripted model and a fake clock. */
class ResilientModelClientGuardsTest {

    private final FakeClock clock = FakeClock.at2026();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private static ModelConfig.Builder config() {
        return ModelConfig.builder("scripted", ModelConfig.Provider.OPENAI)
                .model("scripted-model")
                .retry(new RetrySettings(
                        2, Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.0, Duration.ofMinutes(5)));
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().messages(UserMessage.from(text)).build();
    }

    private ResilientModelClient client(ModelConfig config, ScriptedChatModel model) {
        return new ResilientModelClient(config, model, clock, sleeper, Redactor.none());
    }

    @Test
    void anOpenBreakerPausesCallersThroughAnOutageAndResumes() {
        Instant recovery = clock.instant().plus(Duration.ofMinutes(2));
        ScriptedChatModel model = new ScriptedChatModel(r -> {
            if (clock.instant().isBefore(recovery)) {
                throw new InternalServerException("upstream is down");
            }
            return "fine";
        });
        ModelConfig cfg = config().breaker(
                        new BreakerSettings(50.0, 4, 4, Duration.ofSeconds(30), Duration.ofMinutes(10)))
                .build();
        ResilientModelClient client = client(cfg, model);

        // The first call's two attempts fail while the breaker is closed: an infrastructure failure.
        ModelCall first = client.call(new CallContext("c1", "agent"), ask("a"));
        assertEquals(CallFailure.INFRASTRUCTURE, first.record().errorClass());

        // The second call's failures open the breaker; from then on it waits instead of failing.
        ModelCall second = client.call(new CallContext("c2", "agent"), ask("b"));

        assertTrue(second.succeeded(), "the caller waited out the outage instead of failing");
        assertEquals("fine", second.response().aiMessage().text());
        assertFalse(clock.instant().isBefore(recovery));
        assertTrue(
                sleeper.sleeps().stream()
                                .filter(d -> d.equals(Duration.ofSeconds(6)))
                                .count()
                        >= 15,
                "paused in steps of open_seconds / 5 for about two minutes: " + sleeper.sleeps());
        // While open, the provider was spared: only one half-open probe every 30 s reached it.
        int probes = second.record().attempts().size();
        assertTrue(
                probes >= 3 && probes <= 8,
                "attempts through the outage: " + second.record().attempts());
        assertEquals("ok", second.record().attempts().get(probes - 1).result());
        // And the next call goes straight through.
        int before = sleeper.sleeps().size();
        assertTrue(client.call(new CallContext("c3", "agent"), ask("c")).succeeded());
        assertEquals(before, sleeper.sleeps().size());
    }

    @Test
    void anOutageLongerThanTheMaximumStopsTheCampaign() {
        ScriptedChatModel model = new ScriptedChatModel(r -> {
            throw new InternalServerException("upstream is down");
        });
        ModelConfig cfg = config().breaker(
                        new BreakerSettings(50.0, 2, 2, Duration.ofSeconds(10), Duration.ofMinutes(1)))
                .build();
        ResilientModelClient client = client(cfg, model);
        ProviderUnavailableException e = assertThrows(
                ProviderUnavailableException.class, () -> client.call(new CallContext("c1", "agent"), ask("a")));
        assertTrue(e.getMessage().contains("breaker.max_outage_seconds"), e.getMessage());
    }

    @Test
    void requestsPerMinuteAreEnforcedByWaitingForTheNextMinute() {
        ScriptedChatModel model = ScriptedChatModel.answering("ok");
        ResilientModelClient client =
                client(config().rateLimit(new RateLimitSettings(2, 0)).build(), model);
        for (int i = 0; i < 3; i++) {
            assertTrue(
                    client.call(new CallContext("c" + i, "agent"), ask("q" + i)).succeeded());
        }
        assertEquals(1, sleeper.sleeps().size(), "only the third call waited: " + sleeper.sleeps());
        Duration wait = sleeper.sleeps().get(0);
        assertTrue(
                wait.compareTo(Duration.ofSeconds(59)) > 0 && wait.compareTo(Duration.ofSeconds(60)) <= 0,
                wait.toString());
        assertEquals(3, model.calls());
    }

    @Test
    void tokensPerMinuteCountThePromptAndMaxTokens() {
        ScriptedChatModel model = ScriptedChatModel.answering("ok");
        // Each call reserves about 1 prompt token + 60 max tokens: the second exceeds 100 per minute.
        ModelConfig cfg =
                config().maxTokens(60).rateLimit(new RateLimitSettings(0, 100)).build();
        ResilientModelClient client = client(cfg, model);
        client.call(new CallContext("c1", "agent"), ask("q"));
        assertTrue(sleeper.sleeps().isEmpty());
        client.call(new CallContext("c2", "agent"), ask("q"));
        assertEquals(1, sleeper.sleeps().size());
    }

    /**
     * Calls hold the model until released, so two are inside at once for certain; only when every
     * worker is parked (in the model or at the bulkhead) is the count inside read, so a missing
     * bulkhead shows as all eight inside rather than depending on how threads happen to interleave.
     */
    @Test
    void theBulkheadCapsConcurrentCalls() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedChatModel model = new ScriptedChatModel(r -> {
            peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
            twoInside.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS), "never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return "ok";
        });
        ResilientModelClient client = client(config().maxConcurrentCalls(2).build(), model);
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8, task -> {
            Thread worker = new Thread(task);
            workers.add(worker);
            return worker;
        });
        try {
            List<Future<ModelCall>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = "c" + i;
                futures.add(pool.submit(() -> client.call(new CallContext(id, "agent"), ask(id))));
            }
            assertTrue(twoInside.await(30, TimeUnit.SECONDS), "two calls never got in");
            awaitAllParked(workers, 8);
            assertEquals(2, inside.get(), "calls inside the model while every worker waits");
            release.countDown();
            for (Future<ModelCall> f : futures) {
                assertTrue(f.get(30, TimeUnit.SECONDS).succeeded());
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals(2, peak.get(), "peak concurrency");
        assertEquals(16, model.calls());
    }

    // Spins until the workers park; yielding lets them get there on a two-core machine without a sleep.
    @SuppressWarnings("ThreadPriorityCheck")
    private static void awaitAllParked(List<Thread> workers, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (workers.size() < count
                || !workers.stream()
                        .allMatch(t ->
                                t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
            assertTrue(System.nanoTime() < deadline, "workers never all waited: " + workers);
            Thread.yield();
        }
    }

    @Test
    void costComesFromThePriceTable() {
        ScriptedChatModel model = ScriptedChatModel.answering("ok");
        ModelConfig cfg = config().price(new PriceTable(3.0, 15.0)).build();
        ModelCall call = client(cfg, model).call(new CallContext("c1", "agent"), ask("q"));
        // 10 input tokens at $3/M plus 2 output tokens at $15/M.
        assertEquals((10 * 3.0 + 2 * 15.0) / 1_000_000.0, call.record().costUsd(), 1e-15);
        assertEquals(10, call.record().usage().inputTokens());
    }

    @Test
    void backoffJitterIsAFunctionOfTheSeedAndCallIdOnly() {
        RetrySettings retry =
                new RetrySettings(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.5, Duration.ofMinutes(5));
        List<Long> a = waits(new Backoff(retry, Backoff.seed(7, "campaign/1/agent/x")));
        List<Long> b = waits(new Backoff(retry, Backoff.seed(7, "campaign/1/agent/x")));
        List<Long> c = waits(new Backoff(retry, Backoff.seed(7, "campaign/1/agent/y")));
        List<Long> d = waits(new Backoff(retry, Backoff.seed(8, "campaign/1/agent/x")));
        assertEquals(a, b);
        assertFalse(a.equals(c));
        assertFalse(a.equals(d));
        // Retry-After wins over a shorter backoff.
        assertEquals(45_000, new Backoff(retry, 1).delayMillis(1, Duration.ofSeconds(45)));
    }

    private static List<Long> waits(Backoff backoff) {
        List<Long> waits = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            waits.add(backoff.delayMillis(i, Duration.ZERO));
        }
        return waits;
    }
}
