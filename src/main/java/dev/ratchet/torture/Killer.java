package dev.ratchet.torture;

import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command in a child JVM and sends it SIGKILL at a chosen moment of its campaign folder:
 * when the log file appears (the creation window), when the log holds some number of events, or
 * when the first output appears (the output-writing window).
 */
final class Killer {

    /** When to kill: {@code events} matters for {@link Moment#EVENTS} only. */
    record Target(Moment moment, long events) {}

    enum Moment {
        CREATION,
        EVENTS,
        OUTPUTS
    }

    private final ChildJvm jvm;

    Killer(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /** Whether the child was killed (false: it ended by itself first, with this exit code). */
    record Kill(boolean killed, int exitCode, String output) {}

    Kill run(List<String> args, Path folder, Target target) throws IOException, InterruptedException {
        Path output = Files.createTempFile(Files.createDirectories(folder.getParent()), "child", ".out");
        Process child = jvm.start(args, output);
        Path db = folder.resolve("events.db");
        try (DirectoryWatch watch = new DirectoryWatch(folder);
                Head head = new Head(db)) {
            while (child.isAlive() && !reached(target, folder, head)) {
                watch.awaitChange(Duration.ofMillis(200));
            }
            boolean killed = child.isAlive();
            child.destroyForcibly();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a killed child JVM did not end within a minute");
            }
            return new Kill(killed, killed ? -9 : child.exitValue(), Files.readString(output));
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static boolean reached(Target target, Path folder, Head head) throws IOException {
        return switch (target.moment()) {
            case CREATION -> Files.exists(folder.resolve("events.db"));
            case EVENTS -> head.seq() >= target.events();
            case OUTPUTS -> anyOutput(folder);
        };
    }

    /** Whether anything but the log, its side files and its lock is in the folder: an output begun. */
    static boolean anyOutput(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> !f.getFileName().toString().startsWith("events.db"));
        }
    }

    /** The head seq of a log another process writes, or 0 while it has no table yet. */
    private static final class Head implements AutoCloseable {
        private final Path db;
        private SqliteEventLog reader;

        Head(Path db) {
            this.db = db;
        }

        long seq() {
            try {
                if (reader == null && Files.isRegularFile(db)) {
                    reader = SqliteEventLog.openReadOnly(db);
                }
                return reader == null ? 0 : reader.head().map(h -> h.seq()).orElse(0L);
            } catch (RuntimeException notYetALog) {
                return 0;
            }
        }

        @Override
        public void close() {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
