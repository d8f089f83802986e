package dev.ratchet.text;

/**
 * A file meant to be UTF-8 text is not: the message names the file, the line and the offset of
 * the first bad byte, e.g. {@code skills/dates.md:7: not valid UTF-8: byte 0xE9 at offset 62 (save the file as UTF-8)}. An
 * {@link IllegalArgumentException}, so the command line reports it as bad input (exit code 2).
 */
public final class UndecodableTextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int offset;

    UndecodableTextException(String source, int line, int offset, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.offset = offset;
    }

    public String source() {
        return source;
    }

    /** The 1-based line holding the bad byte. */
    public int line() {
        return line;
    }

    /** The 0-based byte offset of the bad byte in the file. */
    public int offset() {
        return offset;
    }
}
