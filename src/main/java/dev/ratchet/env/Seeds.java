package dev.ratchet.env;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Seed derivation by hashing, so that every random choice in the harness is a pure function of the
 * campaign seed and the names of what is being drawn.
 *
 * <p>The derived seed is the first 8 bytes (big-endian) of SHA-256 over the 8-byte big-endian
 * seed followed by each part as a 4-byte length and its UTF-8 bytes. The length prefix keeps
 * {@code ("ab", "c")} and {@code ("a", "bc")} apart. The definition is fixed: changing it changes
 * every instance and every replay.
 */
public final class Seeds {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Seeds::sha256);

    private Seeds() {}

    public static long derive(long seed, String... parts) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(longBytes(seed));
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(intBytes(bytes.length));
            digest.update(bytes);
        }
        byte[] hash = digest.digest();
        long result = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            result = (result << 8) | (hash[i] & 0xFF);
        }
        return result;
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[i] = (byte) (value >>> (56 - 8 * i));
        }
        return bytes;
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
