package dev.ratchet.model.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.model.CallContext;
import dev.ratchet.model.ModelCall;
import dev.ratchet.model.ModelClient;
import dev.ratchet.model.ModelFactory;
import dev.ratchet.model.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures how close concurrent model calls come to the ideal: N single-turn calls through the full
 * client path (canonical request, hash, retry layer, rate limiter, bulkhead, breaker, LangChain4j's
 * OpenAI adapter, HTTP) against a loopback endpoint that answers after a fixed latency, at
 * concurrency C. The ideal wall time is N × latency / C; the ratio is ideal / measured (1.0 is
 * perfect). Timing here is the measurement itself; nothing in the harness decides by it.
 */
public final class EpisodeBench {

    private EpisodeBench() {}

    /** One concurrency level: the calls made, the ideal and measured wall times, and their ratio. */
    public record Level(
            int concurrency,
            int calls,
            long idealMillis,
            List<Long> wallMillis,
            long medianWallMillis,
            double ratio,
            int failedCalls) {
        public Level {
            wallMillis = List.copyOf(wallMillis);
        }
    }

    /** Levels below {@code calls / 32} concurrency run 32 calls per slot so the sweep stays short. */
    public static int callsAt(int calls, int concurrency) {
        return (int) Math.min(calls, 32L * concurrency);
    }

    public static List<Level> run(int calls, List<Integer> concurrencies, int latencyMillis, int reps)
            throws InterruptedException {
        String completion = LoopbackOpenAiServer.Reply.completion("42", 20, 1).body();
        try (FixedLatencyEndpoint server = new FixedLatencyEndpoint(completion, latencyMillis)) {
            ModelFactory factory = new ModelFactory(name -> null, Map.of());
            List<Level> levels = new ArrayList<>();
            for (int c : concurrencies) {
                ModelConfig config = ModelConfig.builder("bench", ModelConfig.Provider.OPENAI)
                        .model("loopback")
                        .baseUrl(server.baseUrl())
                        .maxConcurrentCalls(c)
                        .timeout(Duration.ofSeconds(30))
                        .build();
                ModelClient client = factory.client(config, Clock.systemUTC(), Sleeper.system());
                // One discarded repetition first: connections open and the JIT compiles the path.
                round(client, "warmup-" + c, callsAt(calls, c), c);
                levels.add(level(client, callsAt(calls, c), c, latencyMillis, reps));
            }
            return levels;
        }
    }

    private static Level level(ModelClient client, int n, int c, int latencyMillis, int reps)
            throws InterruptedException {
        List<Long> walls = new ArrayList<>();
        int failed = 0;
        for (int rep = 0; rep < reps; rep++) {
            long start = System.nanoTime();
            failed += round(client, "c" + c + "-rep" + rep, n, c);
            walls.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = new ArrayList<>(walls);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long ideal = (long) n * latencyMillis / c;
        return new Level(c, n, ideal, walls, median, median == 0 ? 0.0 : (double) ideal / median, failed);
    }

    /** Makes {@code n} calls on {@code c} threads; returns how many failed. */
    private static int round(ModelClient client, String label, int n, int c) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(c);
        try {
            List<Future<ModelCall>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = label + "-" + i;
                ChatRequest request = ChatRequest.builder()
                        .messages(UserMessage.from("Task id: bench@" + i + "/d1\nWhat is 6 times 7?"))
                        .build();
                futures.add(pool.submit(() -> client.call(new CallContext(id, "agent"), request)));
            }
            int failed = 0;
            for (Future<ModelCall> f : futures) {
                try {
                    failed += f.get().succeeded() ? 0 : 1;
                } catch (ExecutionException e) {
                    failed++;
                }
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }
}
