package dev.ratchet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.config.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The named model configurations a new campaign or eval starts from. Kept apart from
 * {@link ProjectPaths} because replay and resume take their models from the log, never from here.
 */
final class ModelsFile {

    @Option(
            names = "--models",
            paramLabel = "FILE",
            defaultValue = "config/models.yaml",
            description = "Named model configurations (default: ${DEFAULT-VALUE}).")
    Path models = Path.of("config/models.yaml");

    ModelConfigs models() {
        if (!Files.isRegularFile(models)) {
            throw new UsageException("no model configuration at " + models + " (give one with --models FILE)");
        }
        refuseIfTooLarge(models);
        return ModelConfigs.load(models);
    }

    /** Refuses a models file past {@link YamlLimits#MAX_BYTES} before reading it. */
    static void refuseIfTooLarge(Path file) {
        try {
            YamlLimits.tooLarge(file).ifPresent(why -> {
                throw new UsageException(why);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A model's entry as written in the models file, for the campaign's configuration snapshot. */
    JsonNode rawModel(String name) {
        try {
            return new YAMLMapper(YamlLimits.factory())
                    .readTree(models.toFile())
                    .path("models")
                    .path(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + models, e);
        }
    }
}
