package dev.ratchet.env.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.env.Environment;
import dev.ratchet.text.StrictUtf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A user's task suite: {@code eval/<suite>.jsonl}, one task per line with {@code id},
 * {@code prompt}, {@code expected}, {@code verifier}, optional {@code tolerance} (numeric) and
 * {@code tags}. Blank lines are skipped. Loading is all or nothing: the first bad line stops it
 * with a {@link SuiteFormatException} naming the file, line and field.
 */
public final class Suite {

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private final String name;
    private final Path file;
    private final List<Environment> tasks;

    private Suite(String name, Path file, List<Environment> tasks) {
        this.name = name;
        this.file = file;
        this.tasks = List.copyOf(tasks);
    }

    public static Suite load(Path file) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".jsonl")
                || !fileName.substring(0, fileName.length() - 6).matches(NAME)) {
            throw new SuiteFormatException(
                    file,
                    0,
                    null,
                    "a suite file is named <suite>.jsonl, the suite name made of"
                            + " ASCII letters, digits, '.', '_' and '-'");
        }
        String name = fileName.substring(0, fileName.length() - ".jsonl".length());
        List<String> lines;
        try {
            lines = StrictUtf8.read(file).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite " + file + ": " + e.getMessage(), e);
        }
        List<Environment> tasks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            SuiteTask task = new SuiteLine(file, i + 1, name).parse(lines.get(i));
            if (!ids.add(task.id())) {
                throw new SuiteFormatException(
                        file, i + 1, "id", "duplicate id '" + task.id().substring(name.length() + 1) + "'");
            }
            tasks.add(task);
        }
        if (tasks.isEmpty()) {
            throw new SuiteFormatException(file, 0, null, "the suite has no tasks");
        }
        return new Suite(name, file, tasks);
    }

    /** Every {@code *.jsonl} in a directory, by file name; none when the directory does not exist. */
    public static List<Suite> loadAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .map(Suite::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list suites in " + directory + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    /** The tasks as environments with ids {@code <suite>/<task-id>}, in file order. */
    public List<Environment> tasks() {
        return tasks;
    }

    /** Exposed for messages: the JSON of a task's expected value as the file states it. */
    static String show(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }
}
