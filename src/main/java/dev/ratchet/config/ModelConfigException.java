package dev.ratchet.config;

/**
 * A model configuration is invalid. The message names the file, the line when known and the key,
 * e.g. {@code config/models.yaml:12: models.local.temperature: expected a number, got "hot"}, and
 * never echoes a value that could be a secret. It is an {@link IllegalArgumentException} so the
 * command line reports it as bad input (exit code 2).
 */
public final class ModelConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ModelConfigException(String message) {
        super(message);
    }

    public ModelConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
