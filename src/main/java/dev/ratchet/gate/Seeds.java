package dev.ratchet.gate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Seeds and sort keys derived by hashing, so that every draw depends only on the campaign seed and
 * the names of what is drawn: never on time, iteration order of a hash map, or a shared random
 * stream whose state would depend on how far an interrupted run got.
 */
public final class Seeds {

    private static final byte[] DOMAIN = "ratchet.seed.v1".getBytes(StandardCharsets.US_ASCII);

    private Seeds() {}

    /** A 64-bit value from SHA-256 over the seed and the length-prefixed parts. */
    public static long derive(long seed, String... parts) {
        MessageDigest sha = sha256();
        sha.update(DOMAIN);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha.update(bytes);
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
