package dev.ratchet.env.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.env.plugin.example.ExamplePlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    @TempDir
    Path plugins;

    /** Packs the example plugin as a user would: its class plus the service file. */
    private Path jar(String name, boolean withServiceFile) throws IOException {
        Path jar = plugins.resolve(name);
        String classFile = ExamplePlugin.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                InputStream bytes = ExamplePlugin.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            if (withServiceFile) {
                out.putNextEntry(new JarEntry("META-INF/services/" + EnvironmentPlugin.class.getName()));
                out.write((ExamplePlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    @Test
    void loadsTheEnvironmentsOfAJar() throws IOException {
        jar("example.jar", true);
        List<Environment> loaded = PluginLoader.load(plugins);
        assertEquals(
                List.of("example.triple"), loaded.stream().map(Environment::id).toList());
        Environment triple = loaded.get(0);
        Instance instance = triple.sample(4, 2);
        assertTrue(instance.prompt().startsWith("Multiply "), instance.prompt());
        assertTrue(triple.verify(instance, "Answer: " + instance.expected()).passed());
        assertTrue(!triple.verify(instance, triple.wrongAnswer(instance, 1)).passed());
    }

    @Test
    void pluginEnvironmentsJoinTheCatalogAndItsComposites() throws IOException {
        jar("example.jar", true);
        EnvironmentCatalog catalog = EnvironmentCatalog.builtIn().withPlugins(plugins);
        assertTrue(catalog.bases().stream().anyMatch(e -> e.id().equals("example.triple")));
        Environment chain = catalog.resolve("seq(arith.add,example.triple,nt.is-prime)");
        Instance instance = chain.sample(9, 3);
        assertTrue(chain.verify(instance, instance.expected()).passed());
        assertTrue(catalog.composer()
                        .total(2)
                        .compareTo(EnvironmentCatalog.builtIn().composer().total(2))
                > 0);
    }

    @Test
    void aMissingFolderHasNoPlugins() {
        assertEquals(List.of(), PluginLoader.load(plugins.resolve("absent")));
    }

    @Test
    void aJarWithoutAServiceFileIsNamed() throws IOException {
        Path jar = jar("broken.jar", false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginLoader.load(plugins));
        assertTrue(e.getMessage().contains(jar.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("declares no"), e.getMessage());
    }

    @Test
    void clashingIdsAreRejected() throws IOException {
        jar("a.jar", true);
        jar("b.jar", true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginLoader.load(plugins));
        assertTrue(e.getMessage().contains("b.jar") && e.getMessage().contains("already provided"), e.getMessage());
    }
}
