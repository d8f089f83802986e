package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchEpisodesCommandTest {

    @Test
    void reportsEachLevelAgainstTheIdealAsJson() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchEpisodesCommand());
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute(
                "--episodes", "40", "--concurrency", "1,4", "--latency-ms", "2", "--repetitions", "1", "--json");
        assertEquals(ExitCodes.OK, code);
        JsonNode json = Json.parse(out.toString());
        assertEquals("episodes", json.path("bench").asText());
        JsonNode levels = json.path("levels");
        assertEquals(2, levels.size());
        assertEquals(1, levels.get(0).path("concurrency").asInt());
        assertEquals(32, levels.get(0).path("episodes").asInt(), "32 episodes per slot below N/32");
        assertEquals(40, levels.get(1).path("episodes").asInt());
        assertEquals(20, levels.get(1).path("idealMillis").asInt(), "40 episodes x 2 ms / 4");
        for (JsonNode level : levels) {
            assertEquals(0, level.path("infraEpisodes").asInt(), "every episode got its answer");
            assertTrue(level.path("ratio").asDouble() > 0);
            assertTrue(level.path("rawHttpMedianWallMillis").asLong() > 0, "the bare-HTTP baseline was measured");
        }
    }

    @Test
    void rejectsNonsenseOptions() {
        CommandLine cli = new CommandLine(new BenchEpisodesCommand());
        cli.setErr(new PrintWriter(new StringWriter(), true));
        cli.setExitCodeExceptionMapper(
                t -> t instanceof UsageException ? ExitCodes.BAD_INPUT : ExitCodes.RUNTIME_FAILURE);
        assertEquals(ExitCodes.BAD_INPUT, cli.execute("--concurrency", "0"));
    }
}
