package dev.ratchet.log;

/**
 * A log whose recorded bytes cannot be what Ratchet wrote: a payload that does not decode, a
 * missing row, a broken link. Always names the first bad seq, so that every reader reports the
 * same place that {@code ratchet verify} does.
 */
public final class CorruptLogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long seq;

    public CorruptLogException(long seq, String what, Throwable cause) {
        super("the log is corrupt at seq " + seq + ": " + what, cause);
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
