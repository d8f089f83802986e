package dev.ratchet.torture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code ratchet} in a child JVM (this JVM's java and class path), the only way to kill a run
 * with SIGKILL: {@link Process#destroyForcibly()} sends it on Unix.
 */
public record ChildJvm(String mainClass) {

    /** Starts {@code args} with stdout and stderr going to {@code output}. */
    public Process start(List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xmx256m"));
        // The launcher's pre-extracted SQLite library, when this JVM was given one.
        for (String property : List.of("org.sqlite.lib.path", "org.sqlite.lib.name")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
