package dev.ratchet.log.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Recognises a full disk behind a failed write. SQLite reports it as SQLITE_FULL, Java as an
 * IOException saying "No space left on device"; either may sit under the exception that surfaced
 * (a failed commit is followed by SQLite's "cannot commit - no transaction is active").
 */
final class DiskFull {

    private DiskFull() {}

    /** A message naming the full disk by the folder of {@code file}, when {@code failure} is one. */
    static Optional<String> describe(Throwable failure, Path file) {
        if (!isDiskFull(failure)) {
            return Optional.empty();
        }
        Path folder = file.toAbsolutePath().getParent();
        return Optional.of("the disk is full: no space left on the device holding " + folder);
    }

    static boolean isDiskFull(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.push(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("No space left")) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.push(s);
            }
        }
        return false;
    }
}
