package dev.ratchet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file derived from a log (a summary, a report) so that a reader, or a run killed half-way,
 * sees the old bytes or the new ones, never a part: the text goes to a temporary file beside the
 * target, then is renamed over it. A target that already holds the same bytes is left alone.
 */
final class OutputFile {

    /** What a write did to its target. */
    enum Outcome {
        UNCHANGED,
        CREATED,
        REPLACED
    }

    /** Distinguishes the temporary files of outputs written at once by one process. */
    private static final AtomicLong TEMP_FILES = new AtomicLong();

    private OutputFile() {}

    static Outcome write(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean existed = Files.isRegularFile(target);
        if (existed && holds(target, bytes)) {
            return Outcome.UNCHANGED;
        }
        Path dir = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: it creates the file 0600 and the rename keeps that mode, so the
        // output would ignore the umask that the user's other files follow.
        Path tmp = dir.resolve("." + target.getFileName() + "-"
                + ProcessHandle.current().pid() + "-" + TEMP_FILES.incrementAndGet() + ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            String full = String.valueOf(e.getMessage()).contains("No space left")
                    ? "the disk holding " + dir + " is full (" + e.getMessage() + ")"
                    : e.getMessage();
            throw new UncheckedIOException("cannot write " + target + ": " + full, e);
        } finally {
            deleteQuietly(tmp);
        }
        return existed ? Outcome.REPLACED : Outcome.CREATED;
    }

    private static boolean holds(Path target, byte[] bytes) {
        try {
            return Files.size(target) == bytes.length && Arrays.equals(Files.readAllBytes(target), bytes);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // the output itself is in place or the write already failed loudly; a stray temp file is harmless
        }
    }
}
