package dev.ratchet.cli;

/** The process exit codes, documented in the README and in {@code ratchet --help}. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A check failed: verify found a bad link, replay diverged. */
    public static final int CHECK_FAILED = 1;
    /** Bad input or usage: an unknown option, an invalid config or suite file. */
    public static final int BAD_INPUT = 2;
    /** A runtime failure: I/O, a provider that is unavailable, a log held by another writer. */
    public static final int RUNTIME_FAILURE = 3;

    private ExitCodes() {}
}
