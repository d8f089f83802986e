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

/**
 * One writer per log, across processes: an OS file lock on {@code events.db.lock}, released by
 * the OS if the holder dies (kill -9 included), so a crashed campaign never wedges its log.
 */
final class WriterLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static WriterLock acquire(Path dbFile) {
        Path lockFile = dbFile.resolveSibling(dbFile.getFileName() + ".lock");
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
                String holder = readHolder(lockFile);
                channel.close();
                throw new LogException(dbFile + " is open for writing by another process" + holder
                        + "; only one writer per log is allowed (wait for it to finish, or read with"
                        + " `ratchet log`/`status`, which do not need the lock)");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(
                            ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new WriterLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LogException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
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
        }
    }
}
