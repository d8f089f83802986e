package dev.ratchet.env.plugin;

import dev.ratchet.env.Environment;
import java.util.List;

/**
 * A jar of custom environments. Implementations are found with {@link java.util.ServiceLoader}:
 * list the class in {@code META-INF/services/dev.ratchet.env.plugin.EnvironmentPlugin} inside
 * the jar, and drop the jar into the plugins folder. Environments built with
 * {@code BaseEnvironment.builder} can also be steps of composites.
 */
public interface EnvironmentPlugin {

    /** A short name, used in messages. */
    String name();

    /** The environments, in the order they should be listed. Ids must not clash with others. */
    List<Environment> environments();
}
