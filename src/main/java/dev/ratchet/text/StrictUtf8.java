package dev.ratchet.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files a person writes (configs, models, skills, prompt sections, suites) as UTF-8 text,
 * strictly: a byte that is not UTF-8, or a NUL that only a binary file holds, is bad input naming
 * the file, the line and the byte's offset. {@code Files.readString} would report only "Input
 * length = 1", and a lenient decoder would carry replacement characters into prompts and the log.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** The text of {@code file}; I/O failures are the caller's to report, undecodable bytes are ours. */
    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Decodes {@code bytes}; {@code source} names them in the error. */
    public static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never needs more chars than bytes, so the output cannot overflow.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new UndecodableTextException(
                    source,
                    lineAt(bytes, offset),
                    offset,
                    "not valid UTF-8: byte " + hex(bytes[offset]) + " at offset " + offset
                            + " (save the file as UTF-8)");
        }
        decoder.flush(out);
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            throw new UndecodableTextException(
                    source, lineAt(bytes, nul), nul, "byte 0x00 at offset " + nul + ": a binary file, not text");
        }
        return out.flip().toString();
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }
}
