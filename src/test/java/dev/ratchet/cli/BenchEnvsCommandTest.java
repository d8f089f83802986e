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

class BenchEnvsCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchEnvsCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void printsOneJsonObjectPerFigure() {
        List<String> lines = run("--json", "--repetitions", "3", "--instances", "300", "--composite-instances", "30")
                .lines()
                .toList();
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            JsonNode figure = Json.parse(line);
            assertTrue(figure.get("name").asText().startsWith("envs."), line);
            assertTrue(figure.get("median").asLong() > 0, line);
            assertEquals("instances/s", figure.get("unit").asText());
            assertTrue(figure.get("baseline_median").asDouble() > 0, line);
            assertEquals(
                    figure.get("median").asDouble()
                            / figure.get("baseline_median").asDouble(),
                    figure.get("ratio").asDouble(),
                    1e-9,
                    line);
        }
    }

    @Test
    void refusesFewerThanThreeRepetitions() {
        CommandLine cli = new CommandLine(new BenchEnvsCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.setExecutionExceptionHandler((e, c, p) -> ExitCodes.BAD_INPUT);
        assertEquals(ExitCodes.BAD_INPUT, cli.execute("--repetitions", "2"));
    }
}
