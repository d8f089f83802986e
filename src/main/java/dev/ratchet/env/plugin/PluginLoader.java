package dev.ratchet.env.plugin;

import dev.ratchet.env.Environment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads {@link EnvironmentPlugin}s from the jars in a folder, each jar in its own class loader, in
 * file-name order. Only the providers a jar itself declares are taken, so a plugin that is also on
 * the class path is not loaded twice. A broken jar stops loading with a message naming it.
 */
public final class PluginLoader {

    private static final String SERVICE = "META-INF/services/" + EnvironmentPlugin.class.getName();

    private PluginLoader() {}

    /** The environments of every plugin jar in {@code directory}; none when the folder does not exist. */
    public static List<Environment> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Environment> environments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path jar : jars(directory)) {
            for (Environment environment : loadJar(jar)) {
                if (!environment.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw new IllegalArgumentException("plugin " + jar + ": environment id '" + environment.id()
                            + "' must be letters, digits, '.', '_' or '-'");
                }
                if (!ids.add(environment.id())) {
                    throw new IllegalArgumentException("plugin " + jar + ": environment id '" + environment.id()
                            + "' is already provided by another plugin");
                }
                environments.add(environment);
            }
        }
        return List.copyOf(environments);
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static List<Environment> loadJar(Path jar) {
        URLClassLoader loader = new URLClassLoader(new URL[] {url(jar)}, PluginLoader.class.getClassLoader());
        Set<String> declared = declared(loader, jar);
        if (declared.isEmpty()) {
            throw new IllegalArgumentException(
                    "plugin " + jar + " declares no " + EnvironmentPlugin.class.getName() + " in " + SERVICE);
        }
        List<Environment> environments = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<EnvironmentPlugin> provider :
                    ServiceLoader.load(EnvironmentPlugin.class, loader).stream().toList()) {
                if (declared.contains(provider.type().getName())) {
                    environments.addAll(provider.get().environments());
                }
            }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("plugin " + jar + " failed to load: " + e.getMessage(), e);
        }
        return environments;
    }

    /** The provider classes named in the jar's own service file (not its parents'). */
    private static Set<String> declared(URLClassLoader loader, Path jar) {
        URL service = loader.findResource(SERVICE);
        if (service == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(service.openStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SERVICE + " in " + jar + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugin path " + jar + " is not a valid URL", e);
        }
    }
}
