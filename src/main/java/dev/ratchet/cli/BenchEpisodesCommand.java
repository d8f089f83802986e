package dev.ratchet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.bench.EpisodeBench;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratchet bench episodes}: concurrent episodes against a fixed-latency loopback endpoint. */
@Command(
        name = "episodes",
        mixinStandardHelpOptions = true,
        description = {
            "Runs N single-turn episodes (prompt assembly, the full client path: retry layer, rate limiter,"
                    + " bulkhead, breaker, LangChain4j's OpenAI adapter, HTTP; verification; results handed back in"
                    + " instance order) against a loopback OpenAI-compatible endpoint with a fixed latency, at each"
                    + " concurrency C, and reports the median wall time against the ideal N x latency / C.",
            "Each level is also measured with bare JDK HttpClient requests of the same size (the transport under the"
                    + " adapter, nothing else): when episodes come as close to the ideal as bare requests do, the harness"
                    + " adds nothing measurable.",
            "Levels with C < N/32 run 32 x C episodes so the sweep stays short."
        })
public final class BenchEpisodesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--episodes",
            defaultValue = "512",
            description = "Episodes per level, N (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(
            names = "--concurrency",
            split = ",",
            defaultValue = "1,16,64",
            description = "Concurrency levels, C (default ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Option(names = "--latency-ms", defaultValue = "50", description = "Endpoint latency (default ${DEFAULT-VALUE}).")
    int latencyMillis;

    @Option(
            names = "--repetitions",
            paramLabel = "R",
            defaultValue = "3",
            description = "Repetitions per level (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (episodes < 1
                || repetitions < 1
                || latencyMillis < 1
                || concurrency.isEmpty()
                || concurrency.stream().anyMatch(c -> c < 1 || c > 1024)) {
            throw new UsageException(
                    "--episodes, --repetitions and --latency-ms must be at least 1; --concurrency within 1..1024");
        }
        List<EpisodeBench.Level> levels = EpisodeBench.run(episodes, concurrency, latencyMillis, repetitions);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(levels)));
        } else {
            print(out, levels);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ObjectNode toJson(List<EpisodeBench.Level> levels) {
        ObjectNode root =
                Json.object(Map.of("bench", "episodes", "latencyMillis", latencyMillis, "repetitions", repetitions));
        ArrayNode array = root.putArray("levels");
        for (EpisodeBench.Level l : levels) {
            ObjectNode node = array.addObject();
            node.put("concurrency", l.concurrency());
            node.put("episodes", l.episodes());
            node.put("idealMillis", l.idealMillis());
            node.put("medianWallMillis", l.medianWallMillis());
            node.put("ratio", Math.round(l.ratio() * 1000) / 1000.0);
            node.put("infraEpisodes", l.infraEpisodes());
            node.put("rawHttpMedianWallMillis", l.rawMedianWallMillis());
            node.put("rawHttpRatio", Math.round(l.rawRatio() * 1000) / 1000.0);
            ArrayNode walls = node.putArray("wallMillis");
            l.wallMillis().forEach(walls::add);
        }
        return root;
    }

    private void print(PrintWriter out, List<EpisodeBench.Level> levels) {
        out.printf(
                Locale.ROOT,
                "bench episodes: loopback OpenAI-compatible endpoint, %d ms per call, median of %d rep(s)%n",
                latencyMillis,
                repetitions);
        out.println("concurrency  episodes  ideal ms  median wall ms  ratio  infra  bare HTTP ms  ratio");
        for (EpisodeBench.Level l : levels) {
            out.printf(
                    Locale.ROOT,
                    "%11d  %8d  %8d  %14d  %5.2f  %5d  %12d  %5.2f%n",
                    l.concurrency(),
                    l.episodes(),
                    l.idealMillis(),
                    l.medianWallMillis(),
                    l.ratio(),
                    l.infraEpisodes(),
                    l.rawMedianWallMillis(),
                    l.rawRatio());
        }
    }
}
