package dev.ratchet.torture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One seeded way of spoiling a {@link Project}'s input: {@code named} is what the refusal must name
 * (a file's path or an option), {@code id} the campaign id to run it under.
 */
record Malformation(String kind, String id, String named, String detail) {

    private static final List<String> KINDS = List.of(
            "not UTF-8",
            "control character",
            "unknown key",
            "bad value",
            "broken suite line",
            "broken skill",
            "bad campaign id",
            "oversized config",
            "unknown provider");

    private static final List<String> BAD_VALUES =
            List.of("0", "-3", "four", "1.5", "99999999999999999999", "[]", "{}", "\"\"", "-0");

    static Malformation draw(Project p, SplittableRandom random) {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        try {
            return switch (kind) {
                case "not UTF-8" -> spoilBytes(kind, anyFile(p, random), random);
                case "control character" -> spoilBytes(kind, random.nextBoolean() ? p.config() : p.models(), random);
                case "unknown key" -> append(
                        p.config(), kind, "x" + Long.toString(random.nextLong() >>> 1, 36) + ": 1\n");
                case "bad value" -> replace(
                        p.config(),
                        kind,
                        "batch-size: 4",
                        "batch-size: " + BAD_VALUES.get(random.nextInt(BAD_VALUES.size())));
                case "broken suite line" -> cutSuiteLine(p, random);
                case "broken skill" -> replace(
                        p.skills().resolve("dates.md"), kind, "trigger: a date\n---", "trigger: a date\n");
                case "bad campaign id" -> badId(random);
                case "oversized config" -> append(
                        p.config(), kind, "#" + "x".repeat(262_144 + random.nextInt(100_000)));
                default -> replace(p.models(), kind, "provider: simulated", "provider: x" + random.nextInt(1000));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path anyFile(Project p, SplittableRandom random) {
        List<Path> files = List.of(
                p.config(),
                p.models(),
                p.skills().resolve("dates.md"),
                p.prompts().resolve("10-role.md"),
                p.eval().resolve("quiz.jsonl"));
        return files.get(random.nextInt(files.size()));
    }

    /** Inserts a byte sequence that is not UTF-8, or a control character, at a seeded offset. */
    private static Malformation spoilBytes(String kind, Path file, SplittableRandom random) throws IOException {
        byte[] text = Files.readAllBytes(file);
        int at = random.nextInt(text.length + 1);
        byte[] bad = kind.equals("not UTF-8")
                ? new byte[][] {
                            {(byte) 0xE9},
                            {(byte) 0xFF},
                            {(byte) 0xC3, 'x'},
                            {(byte) 0x80},
                            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
                        }
                        [random.nextInt(5)]
                : new byte[] {(byte) new int[] {0, 1, 2, 7, 8, 11, 12, 14, 27, 31}[random.nextInt(10)]};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.write(bad, 0, bad.length);
        out.write(text, at, text.length - at);
        Files.write(file, out.toByteArray());
        return new Malformation(kind, "m", file.toString(), file.getFileName() + " byte " + at);
    }

    private static Malformation append(Path file, String kind, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
        return new Malformation(
                kind, "m", file.toString(), file.getFileName() + " + " + LogLines.shorten(text.strip()));
    }

    private static Malformation replace(Path file, String kind, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " holds no " + from);
        }
        Files.writeString(file, text.replace(from, to));
        return new Malformation(kind, "m", file.toString(), file.getFileName() + ": " + to.strip());
    }

    /** Cuts one suite line inside its JSON object, so the line no longer parses. */
    private static Malformation cutSuiteLine(Project p, SplittableRandom random) throws IOException {
        Path suite = p.eval().resolve("quiz.jsonl");
        List<String> lines = Files.readAllLines(suite, StandardCharsets.UTF_8);
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        List<String> cut = new java.util.ArrayList<>(lines);
        cut.set(i, line.substring(0, 1 + random.nextInt(line.length() - 1)));
        Files.write(suite, cut, StandardCharsets.UTF_8);
        return new Malformation(
                "broken suite line", "m", suite.toString(), "quiz.jsonl line " + (i + 1) + ": " + cut.get(i));
    }

    private static Malformation badId(SplittableRandom random) {
        String base = "c" + Long.toString(random.nextLong() >>> 1, 36);
        String id =
                switch (random.nextInt(5)) {
                    case 0 -> base + "/x";
                    case 1 -> base + " x";
                    case 2 -> "..";
                    case 3 -> base + "\u0001";
                    default -> base.repeat(1 + 101 / base.length() + random.nextInt(3));
                };
        return new Malformation("bad campaign id", id, "--campaign", LogLines.shorten(id));
    }

    @Override
    public String toString() {
        return kind + " (" + detail + ")";
    }
}
