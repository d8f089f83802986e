package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchFoldCommandTest {

    @Test
    void printsTimePerEventAtThreeSizesAgainstTheSmallest() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchFoldCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute("--json", "--events", "2000", "--repetitions", "3"));
        List<JsonNode> figures = out.toString().lines().map(Json::parse).toList();
        assertEquals(
                List.of("fold of 20 events", "fold of 200 events", "fold of 2,000 events"),
                figures.stream().map(f -> f.get("name").asText()).toList());
        for (JsonNode f : figures) {
            assertEquals("ns/event", f.get("unit").asText());
            assertTrue(f.get("median").asDouble() > 0, f.toString());
            assertEquals(
                    figures.get(0).get("median").asDouble(),
                    f.get("baseline_median").asDouble(),
                    f.toString());
        }
    }

    @Test
    void refusesFewerThanThreeRepetitions() {
        CommandLine cli = new CommandLine(new BenchFoldCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.setExecutionExceptionHandler((e, c, p) -> ExitCodes.BAD_INPUT);
        assertEquals(ExitCodes.BAD_INPUT, cli.execute("--events", "1000", "--repetitions", "2"));
    }
}
