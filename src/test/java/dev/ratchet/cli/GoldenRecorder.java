package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.torture.DirectoryWatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Records the golden campaigns with {@code ratchet run}, as a user would, but on a fixed clock and
 * a sleeper that does not wait, so that a recording depends only on the code: latencies read 0 ms
 * and backoffs are the seeded ones. A regeneration without a code change then rewrites the files
 * byte for byte, and one with a change gives a diff to review. The inputs of campaign NAME live
 * under the golden folder: config/NAME.yaml, config/models.yaml, library/ and eval/.
 */
public final class GoldenRecorder {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private GoldenRecorder() {}

    /** A child JVM's entry point: {@code ratchet} with the recorder's clock and sleeper. */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset(); // what System.out itself uses on Java 17
        System.exit(run(new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset), args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RunCommand(Host.of(java.util.Map.of(), CLOCK), d -> {}));
        cli.setExitCodeExceptionMapper(Failures::exitCode);
        cli.setExecutionExceptionHandler(Failures::handle);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The events.db of golden campaign {@code name}, run start to finish in this JVM. */
    public static Path record(Path golden, Path runs, String name) {
        StringWriter out = new StringWriter();
        int code = run(new PrintWriter(out), new PrintWriter(out), arguments(golden, runs, name, false));
        assertEquals(0, code, out.toString());
        return runs.resolve(id(name)).resolve("events.db");
    }

    /**
     * The events.db of golden campaign {@code name}, run in a child JVM that is killed (SIGKILL) once
     * its log holds {@code killAt} events, then resumed in this JVM. Returns the seq reached at the kill.
     */
    public static long recordKilledAndResumed(Path golden, Path runs, String name, long killAt)
            throws IOException, InterruptedException {
        Path db = runs.resolve(id(name)).resolve("events.db");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GoldenRecorder.class.getName()));
        command.addAll(List.of(arguments(golden, runs, name, false)));
        Path output = Files.createDirectories(runs).resolve(name + "-child.txt");
        long reached = 0;
        try (DirectoryWatch watch = new DirectoryWatch(db.getParent())) {
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            while (child.isAlive() && reached < killAt) {
                watch.awaitChange(Duration.ofSeconds(1));
                reached = head(db);
            }
            child.destroyForcibly().waitFor();
        }
        reached = head(db);
        assertTrue(
                reached >= killAt && !stopped(db),
                "the child finished (or never started) before it could be killed at " + killAt + " events: "
                        + Files.readString(output));
        StringWriter out = new StringWriter();
        int code = run(new PrintWriter(out), new PrintWriter(out), arguments(golden, runs, name, true));
        assertEquals(0, code, out.toString());
        return reached;
    }

    static String id(String name) {
        return "golden-" + name;
    }

    private static String[] arguments(Path golden, Path runs, String name, boolean resume) {
        List<String> args = new ArrayList<>(List.of("--runs-dir", runs.toString()));
        if (resume) {
            args.addAll(List.of("--resume", id(name)));
        } else {
            args.addAll(List.of(
                    "--config", golden.resolve("config").resolve(name + ".yaml").toString()));
            args.addAll(List.of("--campaign", id(name)));
        }
        args.addAll(List.of(
                "--models",
                golden.resolve("config/models.yaml").toString(),
                "--skills",
                golden.resolve("library/skills").toString(),
                "--prompts",
                golden.resolve("library/prompts").toString(),
                "--eval-dir",
                golden.resolve("eval").toString(),
                "--plugins",
                golden.resolve("plugins").toString(),
                "--no-report"));
        return args.toArray(String[]::new);
    }

    private static long head(Path db) {
        if (!Files.isRegularFile(db)) {
            return 0;
        }
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db)) {
            return log.head().map(EventLog.Head::seq).orElse(0L);
        } catch (RuntimeException notYetReadable) {
            return 0;
        }
    }

    private static boolean stopped(Path db) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<?> stops = log.read(EventQuery.all().types(java.util.Set.of("campaign.stopped")))) {
            Optional<?> any = stops.findAny();
            return any.isPresent();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read " + db, e));
        }
    }
}
