package dev.ratchet.skill;

/**
 * A skill or prompt-section file is invalid; the message names the file and the field, e.g.
 * {@code skills/dates.md: trigger: required (or give tags)}. An {@link IllegalArgumentException},
 * so the command line reports it as bad input.
 */
public final class LibraryFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LibraryFileException(String message) {
        super(message);
    }

    public LibraryFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
