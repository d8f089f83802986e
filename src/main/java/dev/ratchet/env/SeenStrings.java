package dev.ratchet.env;

import java.util.function.LongFunction;

/**
 * A set of strings that keeps, per string, a 64-bit hash and a caller's 64-bit origin instead of the
 * string itself: about 32 bytes each rather than the string's size, which is what lets a split of a
 * million drawn prompts be checked for repeats in a small heap. The answer stays exact: a matching
 * hash is confirmed against the string the origin regenerates, so a hash collision never counts as
 * a repeat.
 */
final class SeenStrings {

    private static final long EMPTY = 0;

    private long[] hashes = new long[64];
    private long[] origins = new long[64];
    private int size;

    /** Whether {@code s} was added; {@code regenerate} turns an origin back into its string. */
    boolean contains(String s, LongFunction<String> regenerate) {
        long h = hash(s);
        int mask = hashes.length - 1;
        for (int i = (int) h & mask; hashes[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == h && s.equals(regenerate.apply(origins[i]))) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code s}, remembered by {@code origin}; distinct strings with one hash each keep a slot. */
    void add(String s, long origin) {
        if (2 * (size + 1) > hashes.length) {
            grow();
        }
        put(hash(s), origin);
        size++;
    }

    private void put(long h, long origin) {
        int mask = hashes.length - 1;
        int i = (int) h & mask;
        while (hashes[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        origins[i] = origin;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldOrigins = origins;
        hashes = new long[oldHashes.length * 2];
        origins = new long[oldOrigins.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                put(oldHashes[i], oldOrigins[i]);
            }
        }
    }

    /** FNV-1a over the chars, then a 64-bit finalizer so that the low bits index well; never EMPTY. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
