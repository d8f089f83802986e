package dev.ratchet.log.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.cli.Cli;
import dev.ratchet.cli.Main;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.EventSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAL log needs its {@code -shm} side file even to be read, and SQLite cannot create one where it
 * may not write. These tests take that ability away without permissions (which do not bind root, as
 * the tests may run): {@code events.db-shm} is a link into a folder that does not exist, so its
 * creation fails for everyone, exactly where a read-only folder makes it fail. The last test uses a
 * real read-only folder, in a child JVM that, when the tests run as root, runs without the
 * capabilities that let root write anywhere.
 */
class ReadOnlyFolderTest {

    @TempDir
    Path dir;

    @Test
    void anIntactLogWhoseSideFilesCannotBeCreatedIsReadAsIs() throws IOException {
        Path db = log(dir.resolve("a"));
        Files.createSymbolicLink(db.resolveSibling("events.db-shm"), dir.resolve("no-such-folder/shm"));

        Cli verify = Cli.run("verify", db.toString());
        assertEquals(0, verify.exitCode(), verify.all());
        assertTrue(verify.out().contains("ok: " + EventSamples.all().size() + " events"), verify.out());
        Cli status = Cli.run("status", db.toString());
        assertEquals(0, status.exitCode(), status.all());
        Cli log = Cli.run("log", db.toString());
        assertEquals(0, log.exitCode(), log.all());
        assertEquals(EventSamples.all().size(), log.out().lines().count());
    }

    /** Reading the main file alone would silently drop the events still in the -wal: refused, plainly. */
    @Test
    void eventsStillInTheWalAreNeverSilentlyLeftOut() throws IOException {
        Path source = dir.resolve("source/events.db");
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("events.db");
        try (SqliteEventLog log = SqliteEventLog.open(source, SqliteOptions.defaults(), SqliteEventLogTest.CLOCK)) {
            log.append("demo", 0, EventSamples.all().stream().map(NewEvent::of).toList());
            Files.copy(source, copy);
            Files.copy(source.resolveSibling("events.db-wal"), copy.resolveSibling("events.db-wal"));
        }
        assertTrue(
                Files.size(copy.resolveSibling("events.db-wal")) > 0, "the copy holds a WAL that was not checkpointed");
        Files.createSymbolicLink(copy.resolveSibling("events.db-shm"), dir.resolve("no-such-folder/shm"));

        Cli verify = Cli.run("verify", copy.toString());

        assertEquals(3, verify.exitCode(), verify.all());
        assertTrue(verify.err().contains("events.db-wal holds events not yet copied into the log"), verify.err());
    }

    @Test
    void theReadersWorkOnALogInAFolderNobodyMayWriteTo() throws Exception {
        Path folder = dir.resolve("read-only");
        log(folder);
        List<String> before = names(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeTrue(
                    refusesWrites(folder), "this machine cannot make a folder read-only for a child process");
            for (String command : List.of("verify", "status", "log")) {
                Child child = run(javaMain(command, folder.resolve("events.db").toString()));
                assertEquals(0, child.exitCode(), command + ": " + child.output());
            }
            assertEquals(before, names(folder), "reading wrote nothing");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String[] javaMain(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    private record Child(int exitCode, String output) {}

    private static boolean refusesWrites(Path folder) throws InterruptedException {
        try {
            return run("sh", "-c", "touch '" + folder.resolve("probe") + "'").exitCode() != 0;
        } catch (IOException noSetpriv) {
            return false;
        }
    }

    /** Runs a child as this user; as root, without the capabilities that bypass file permissions. */
    private static Child run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        Path self = Path.of("/proc/self");
        if (Files.exists(self) && Integer.valueOf(0).equals(Files.getAttribute(self, "unix:uid"))) {
            String drop = "-dac_override,-dac_read_search";
            line.addAll(List.of("setpriv", "--inh-caps=" + drop, "--bounding-set=" + drop));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(p.waitFor(), output);
    }

    /** A log of every sample event, closed (and so checkpointed), in {@code folder}. */
    static Path log(Path folder) {
        Path db = folder.resolve("events.db");
        try (SqliteEventLog log = SqliteEventLog.open(db, SqliteOptions.defaults(), SqliteEventLogTest.CLOCK)) {
            log.append(
                    "demo",
                    EventLog.ANY_VERSION,
                    EventSamples.all().stream().map(NewEvent::of).toList());
        }
        return db;
    }

    /** The names in {@code folder}, sorted. */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
