package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders cleanly: picocli reads descriptions as format strings, so a
 * bare percent sign ("95% Wilson") makes it warn on stderr and print the text unformatted.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        List<String> warned = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(Main.commandLine()));
        int commands = 0;
        PrintStream stderr = System.err;
        try {
            while (!todo.isEmpty()) {
                CommandLine c = todo.remove(todo.size() - 1);
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
                System.setErr(stderr);
                commands++;
                String name = c.getCommandSpec().qualifiedName();
                assertTrue(usage.startsWith("Usage: " + name), name + ": " + usage);
                if (captured.toString(StandardCharsets.UTF_8).contains("picocli WARN")) {
                    warned.add(name);
                }
                todo.addAll(c.getSubcommands().values());
            }
        } finally {
            System.setErr(stderr);
        }
        assertTrue(commands > 20, commands + " commands");
        assertEquals(List.of(), warned, "help texts picocli could not format");
    }
}
