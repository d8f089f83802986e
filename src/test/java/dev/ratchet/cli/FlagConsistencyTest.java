package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** One meaning per flag across every command, read from the command tree itself. */
class FlagConsistencyTest {

    /** Every option of every command and subcommand, by "command path: option". */
    private static Map<String, OptionSpec> options() {
        Map<String, OptionSpec> all = new TreeMap<>();
        List<CommandLine> todo = new ArrayList<>(List.of(Main.commandLine()));
        while (!todo.isEmpty()) {
            CommandLine c = todo.remove(todo.size() - 1);
            for (OptionSpec o : c.getCommandSpec().options()) {
                all.put(c.getCommandSpec().qualifiedName() + ": " + o.longestName(), o);
            }
            todo.addAll(c.getSubcommands().values());
        }
        return all;
    }

    @Test
    void configIsACampaignConfigAndModelsTheModelsFileEverywhere() {
        int configs = 0;
        int modelsFiles = 0;
        for (Map.Entry<String, OptionSpec> e : options().entrySet()) {
            String description = String.join(" ", e.getValue().description()).toLowerCase(Locale.ROOT);
            if (e.getKey().endsWith(": --config")) {
                configs++;
                assertTrue(description.contains("campaign config"), e.getKey() + ": " + description);
            }
            if (e.getKey().endsWith(": --models")) {
                modelsFiles++;
                assertTrue(description.contains("model configurations"), e.getKey() + ": " + description);
            }
        }
        assertTrue(configs >= 5 && modelsFiles >= 5, configs + " --config, " + modelsFiles + " --models");
    }

    @Test
    void repetitionsAreSpelledOneWay() {
        List<String> repeating = new ArrayList<>();
        for (Map.Entry<String, OptionSpec> e : options().entrySet()) {
            assertFalse(e.getKey().endsWith(": --reps"), e.getKey());
            if (e.getKey().endsWith(": --repetitions")) {
                repeating.add(e.getKey());
            }
        }
        assertEquals(
                List.of(
                        "ratchet bench envs: --repetitions",
                        "ratchet bench episodes: --repetitions",
                        "ratchet bench fold: --repetitions",
                        "ratchet bench log: --repetitions"),
                repeating);
    }
}
