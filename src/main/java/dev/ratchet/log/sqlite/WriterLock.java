package dev.ratchet.log.sqlite;

import dev.ratchet.log.LogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per log, across processes: an OS file lock on {@code events.db.lock}, released by
 * the OS if the holder dies (kill -9 included), so a crashed campaign never wedges its log.
 */
final class WriterLock implements AutoCloseable {

    /**
     * Lock files this JVM holds. POSIX drops every lock a process holds on a file when it closes
     * any channel on that file (see {@link FileLock}), so a second look from this JVM must not open
     * one: it asks here instead.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static WriterLock acquire(Path dbFile) {
        Path lockFile = lockFile(dbFile);
        if (!HELD.add(lockFile)) {
            throw held(dbFile, " (pid " + ProcessHandle.current().pid() + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw held(dbFile, readHolder(lockFile));
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(
                            ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new WriterLock(lockFile, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(lockFile);
            throw new LogException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD.remove(lockFile);
            throw e;
        }
    }

    /**
     * Whether a writer holds the log at {@code dbFile} now: this JVM, or another process. Creates
     * nothing and takes nothing (a shared lock, released at once), so it works on a read-only folder
     * and never disturbs a writer.
     */
    static boolean isHeld(Path dbFile) {
        Path lockFile = lockFile(dbFile);
        if (HELD.contains(lockFile)) {
            return true;
        }
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new LogException("cannot tell whether " + lockFile + " is held: " + e.getMessage(), e);
        }
    }

    private static Path lockFile(Path dbFile) {
        Path absolute = dbFile.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    private static LogException held(Path dbFile, String holder) {
        return new LogException(dbFile + " is open for writing by another process" + holder
                + "; only one writer per log is allowed (wait for it to finish, or read with"
                + " `ratchet log`/`status`, which do not need the lock)");
    }

    private static String readHolder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? "" : " (" + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new LogException("cannot release writer lock: " + e.getMessage(), e);
        } finally {
            HELD.remove(lockFile);
        }
    }
}
