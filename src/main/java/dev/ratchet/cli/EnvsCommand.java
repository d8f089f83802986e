package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.suite.Suite;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ratchet envs}: the environment catalogue, by hand. */
@Command(
        name = "envs",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, shows, samples and checks environments and their verifiers.",
            "Covers built-in bases, plugin environments (jars in the plugins folder), suite tasks (eval/<suite>.jsonl, addressed as <suite>/<task-id>) and composites such as seq(arith.add,nt.is-prime)."
        },
        subcommands = {
            EnvsListCommand.class,
            EnvsShowCommand.class,
            EnvsSampleCommand.class,
            EnvsCheckCommand.class,
            EnvsComposeCommand.class,
            EnvsValidateCommand.class
        })
public final class EnvsCommand {

    @Option(
            names = "--eval-dir",
            defaultValue = "eval",
            description = "Folder of suite files <suite>.jsonl (default: ${DEFAULT-VALUE}; skipped if absent).")
    Path evalDir;

    @Option(
            names = "--plugins",
            defaultValue = "plugins",
            description = "Folder of plugin jars (default: ${DEFAULT-VALUE}; skipped if absent).")
    Path pluginDir;

    /** The catalogue with the suites and plugins found; a bad suite or plugin is bad input. */
    EnvironmentCatalog catalog() {
        try {
            return EnvironmentCatalog.builtIn().withPlugins(pluginDir).withSuites(Suite.loadAll(evalDir));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    Environment resolve(EnvironmentCatalog catalog, String id) {
        try {
            return catalog.resolve(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The difficulty to use: the given one, checked, or the environment's lowest. */
    static int difficulty(Environment environment, Integer requested) {
        if (requested == null) {
            return environment.minDifficulty();
        }
        if (requested < environment.minDifficulty() || requested > environment.maxDifficulty()) {
            throw new UsageException("--difficulty " + requested + " is outside " + environment.id() + "'s range "
                    + environment.minDifficulty() + ".." + environment.maxDifficulty());
        }
        return requested;
    }

    static String types(Environment environment) {
        return environment.inputType().label() + " -> "
                + environment.outputType().label();
    }

    static String range(Environment environment) {
        return environment.minDifficulty() == environment.maxDifficulty()
                ? Integer.toString(environment.minDifficulty())
                : environment.minDifficulty() + "-" + environment.maxDifficulty();
    }
}
