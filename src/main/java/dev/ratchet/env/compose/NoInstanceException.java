package dev.ratchet.env.compose;

/**
 * A composite found no instance whose steps accept each other's results (a chain such as
 * "sum of a list, then derangements of that many letters" rarely fits). A property of the
 * composite the caller asked for, hence an argument error.
 */
public final class NoInstanceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    NoInstanceException(String message) {
        super(message);
    }
}
