package dev.ratchet.env.suite;

import java.nio.file.Path;

/**
 * A suite file that cannot be loaded. The message names the file, the line (1-based; 0 for the
 * file as a whole) and the field, e.g. {@code eval/x.jsonl:3: field 'verifier': unknown verifier
 * 'fuzzy'}. Nothing of the suite is loaded.
 */
public final class SuiteFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;

    SuiteFormatException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The offending field, or null when the line as a whole is wrong (not JSON, not an object). */
    public String field() {
        return field;
    }
}
