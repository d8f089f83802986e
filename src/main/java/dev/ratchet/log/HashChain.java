package dev.ratchet.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * hash = SHA-256(domain tag, previous hash, seq, stream, version, type, schema version, payload),
 * every variable-length field length-prefixed so no two envelopes encode alike. recorded-at is
 * deliberately outside the hash: strict replay regenerates the chain byte for byte, and time is
 * the one field a replay cannot reproduce.
 */
public final class HashChain {

    /** The previous-hash of the first event: a fresh array each time, so no caller can change it for all. */
    public static byte[] genesis() {
        return new byte[32];
    }

    private static final byte[] DOMAIN = "ratchet.event.v1".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha;
    private final ByteBuffer header = ByteBuffer.allocate(64);

    public HashChain() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Not thread-safe: one chain per writer or verifier. */
    public byte[] link(
            byte[] prevHash, long seq, String stream, long version, String type, int schemaVersion, byte[] payload) {
        sha.reset();
        sha.update((byte) DOMAIN.length);
        sha.update(DOMAIN);
        sha.update(prevHash);
        header.clear();
        header.putLong(seq).putLong(version).putInt(schemaVersion);
        sha.update(header.array(), 0, header.position());
        updateLengthPrefixed(stream.getBytes(StandardCharsets.UTF_8));
        updateLengthPrefixed(type.getBytes(StandardCharsets.UTF_8));
        updateLengthPrefixed(payload);
        return sha.digest();
    }

    private void updateLengthPrefixed(byte[] bytes) {
        header.clear();
        header.putInt(bytes.length);
        sha.update(header.array(), 0, 4);
        sha.update(bytes);
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
