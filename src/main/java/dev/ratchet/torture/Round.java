package dev.ratchet.torture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What a check's round gets: its seeded randomness, a folder of its own, how many trials to run, the
 * command line in this process and in a child JVM, and a line printer for progress on stderr.
 */
public record Round(
        int index, long seed, Path dir, Counts counts, Ratchet ratchet, ChildJvm jvm, Consumer<String> progress) {

    /** The check's random source: the same seed, round and check give the same trials. */
    public SplittableRandom random(String check) {
        return new SplittableRandom(seed * 1_000_003L + index * 7919L + check.hashCode());
    }

    /** A fresh folder under the round's folder. */
    public Path folder(String name) throws java.io.IOException {
        return Files.createDirectories(dir.resolve(name));
    }
}
