package dev.ratchet.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.agent.EpisodePool;
import dev.ratchet.agent.EpisodeRunner;
import dev.ratchet.agent.EpisodeSpec;
import dev.ratchet.agent.PromptAssembler;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.log.event.Json;
import dev.ratchet.model.ModelClient;
import dev.ratchet.model.ModelFactory;
import dev.ratchet.model.Sleeper;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures how close concurrent episodes come to the ideal: N single-turn episodes (prompt assembly
 * from a library and a task, the full client path with its retry layer, rate limiter, bulkhead and
 * breaker, LangChain4j's OpenAI adapter over HTTP, verification, results handed back in instance
 * order by the {@link EpisodePool}) against a loopback endpoint that answers after a fixed latency,
 * at concurrency C. The ideal wall time is N × latency / C; the ratio is ideal / measured (1.0 is
 * perfect). Timing here is the measurement itself; nothing in the harness decides by it.
 */
public final class EpisodeBench {

    private static final String ENVIRONMENT = "arith.multiply";

    /** A system prompt of a realistic size, so that requests weigh what an agent's do. */
    private static final Library LIBRARY = new Library(
            List.of(
                    new PromptSection(
                            "role",
                            "You solve small, exactly checkable tasks: arithmetic, lists, text, dates, graphs, tables"
                                    + " and chains of them. Every answer is verified by a program, so a right answer"
                                    + " in the wrong format counts as wrong."),
                    new PromptSection(
                            "answer-format",
                            "Reply with the final answer only, in exactly the format the task states: no"
                                    + " explanation, no units unless the task asks for them, no surrounding quotes.")),
            List.of());

    private EpisodeBench() {}

    /**
     * One concurrency level: the episodes run, the ideal and measured wall times and their ratio, and
     * the same figures for bare HTTP requests ({@link RawHttpBaseline}).
     */
    public record Level(
            int concurrency,
            int episodes,
            long idealMillis,
            List<Long> wallMillis,
            long medianWallMillis,
            double ratio,
            int infraEpisodes,
            long rawMedianWallMillis,
            double rawRatio) {
        public Level {
            wallMillis = List.copyOf(wallMillis);
        }
    }

    /** Levels below {@code episodes / 32} concurrency run 32 episodes per slot so the sweep stays short. */
    public static int episodesAt(int episodes, int concurrency) {
        return (int) Math.min(episodes, 32L * concurrency);
    }

    public static List<Level> run(int episodes, List<Integer> concurrencies, int latencyMillis, int reps) {
        String completion =
                LoopbackOpenAiServer.Reply.completion("Answer: 42", 120, 4).body();
        Environment environment = EnvironmentCatalog.builtIn().resolve(ENVIRONMENT);
        try (FixedLatencyEndpoint server = new FixedLatencyEndpoint(completion, latencyMillis)) {
            RawHttpBaseline raw = new RawHttpBaseline(server.baseUrl(), rawBody(environment));
            // A discarded sweep at the highest level first, so the JIT has compiled the path before
            // the first measured level, whichever comes first.
            int most = Collections.max(concurrencies);
            try (EpisodePool pool = pool(server, most)) {
                round(pool, specs(environment, "warmup", Math.max(256, episodesAt(episodes, most))));
            }
            List<Level> levels = new ArrayList<>();
            for (int c : concurrencies) {
                try (EpisodePool pool = pool(server, c)) {
                    int n = episodesAt(episodes, c);
                    // One discarded repetition per level: its connections open.
                    round(pool, specs(environment, "warmup-" + c, n));
                    levels.add(withBaseline(level(pool, environment, n, c, latencyMillis, reps), raw, reps));
                }
            }
            return levels;
        }
    }

    /** The full client path at concurrency {@code c}: a bulkhead of c calls and a pool of c episodes. */
    private static EpisodePool pool(FixedLatencyEndpoint server, int c) {
        ModelConfig config = ModelConfig.builder("bench", ModelConfig.Provider.OPENAI)
                .model("loopback")
                .baseUrl(server.baseUrl())
                .maxConcurrentCalls(c)
                .timeout(Duration.ofSeconds(30))
                .build();
        ModelClient client =
                new ModelFactory(name -> null, Map.of()).client(config, Clock.systemUTC(), Sleeper.system());
        return new EpisodePool(new EpisodeRunner(client), c);
    }

    private static Level level(EpisodePool pool, Environment environment, int n, int c, int latencyMillis, int reps) {
        List<Long> walls = new ArrayList<>();
        int infra = 0;
        for (int rep = 0; rep < reps; rep++) {
            List<EpisodeSpec> specs = specs(environment, "c" + c + "-rep" + rep, n);
            long start = System.nanoTime();
            infra += round(pool, specs);
            walls.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = new ArrayList<>(walls);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long ideal = (long) n * latencyMillis / c;
        return new Level(c, n, ideal, walls, median, ratio(ideal, median), infra, 0, 0.0);
    }

    private static Level withBaseline(Level l, RawHttpBaseline raw, int reps) {
        raw.wallMillis(l.episodes(), l.concurrency());
        List<Long> walls = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            walls.add(raw.wallMillis(l.episodes(), l.concurrency()));
        }
        Collections.sort(walls);
        long median = walls.get(walls.size() / 2);
        return new Level(
                l.concurrency(),
                l.episodes(),
                l.idealMillis(),
                l.wallMillis(),
                l.medianWallMillis(),
                l.ratio(),
                l.infraEpisodes(),
                median,
                ratio(l.idealMillis(), median));
    }

    private static double ratio(long ideal, long measured) {
        return measured == 0 ? 0.0 : (double) ideal / measured;
    }

    /** A request body of the size an episode sends: the system prompt and a task. */
    private static String rawBody(Environment environment) {
        ObjectNode body = Json.object(Map.of("model", "loopback", "temperature", 0.0, "max_tokens", 1024));
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", PromptAssembler.systemPrompt(LIBRARY));
        Instance task = environment.sample(1, environment.minDifficulty());
        messages.addObject().put("role", "user").put("content", PromptAssembler.userMessage(task, "bench/raw/0"));
        return Json.write(body);
    }

    /** Runs the episodes; returns how many ended as infrastructure errors (the call failed). */
    private static int round(EpisodePool pool, List<EpisodeSpec> specs) {
        int[] infra = {0};
        pool.run(specs, result -> {
            infra[0] += "infra".equals(result.scored().outcome()) ? 1 : 0;
            return true;
        });
        return infra[0];
    }

    /** Distinct tasks per round, prepared before the clock starts: generation is not what is measured. */
    private static List<EpisodeSpec> specs(Environment environment, String label, int n) {
        List<EpisodeSpec> specs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int difficulty =
                    environment.minDifficulty() + i % (environment.maxDifficulty() - environment.minDifficulty() + 1);
            Instance instance = environment.sample(label.hashCode() * 100_003L + i, difficulty);
            specs.add(new EpisodeSpec(
                    "bench/" + label + "/" + i, 0, "bench", "probe", instance, environment, LIBRARY, 0));
        }
        return specs;
    }
}
