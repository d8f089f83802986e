package dev.ratchet.config;

/**
 * A campaign config file is invalid. The message names the file, the line when known and the key,
 * e.g. {@code config/demo.yaml:7: gate.probe-size: expected an integer, got "many"}. It is an
 * {@link IllegalArgumentException} so the command line reports it as bad input (exit code 2).
 */
public final class CampaignConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CampaignConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
