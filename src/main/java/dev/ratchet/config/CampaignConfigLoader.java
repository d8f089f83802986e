package dev.ratchet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ratchet.text.StrictUtf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a campaign config from YAML. Unknown keys, ill-typed values and out-of-range values are
 * errors that name the file, the line (when the parser knows it) and the key; nothing is guessed.
 */
public final class CampaignConfigLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder(YamlLimits.factory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern QUOTED_VALUE = Pattern.compile("value \\(\"(.*?)\"\\)");

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(
            Integer.class, "an integer",
            Long.class, "an integer",
            int.class, "an integer",
            long.class, "an integer",
            Double.class, "a number",
            double.class, "a number",
            String.class, "a string",
            List.class, "a list");

    private CampaignConfigLoader() {}

    /** Loads {@code file}; a config without a {@code name} is named after the file. */
    public static CampaignConfig load(Path file) {
        String text;
        try {
            Optional<String> tooLarge = YamlLimits.tooLarge(file);
            if (tooLarge.isPresent()) {
                throw new CampaignConfigException(tooLarge.get(), null);
            }
            text = StrictUtf8.read(file);
        } catch (NoSuchFileException e) {
            throw new CampaignConfigException(file + ": no such config file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(text, file.toString(), stem);
    }

    /** Parses YAML {@code text}; {@code source} names it in error messages. */
    public static CampaignConfig parse(String text, String source, String defaultName) {
        if (text.isBlank()) {
            throw new CampaignConfigException(source + ": the file is empty", null);
        }
        CampaignConfig config;
        try {
            refuseAliases(text, source);
            config = YAML.readValue(text, CampaignConfig.class);
        } catch (JsonProcessingException e) {
            throw new CampaignConfigException(describe(text, source, e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + source, e);
        }
        if (config == null) {
            throw new CampaignConfigException(source + ": the file is empty", null);
        }
        return config.name().isBlank() ? config.named(defaultName) : config;
    }

    /**
     * Checks each of the list at {@code key} in {@code file} with {@code problem} (what only a caller
     * knows, such as whether an environment id is in its catalogue): the first problem is an error
     * naming the file, the entry's line and the key, like every other config error.
     *
     * @param problem the problem with an entry, or empty when it is fine
     */
    public static void checkEntries(
            Path file, String key, List<String> entries, Function<String, Optional<String>> problem) {
        for (int i = 0; i < entries.size(); i++) {
            Optional<String> wrong = problem.apply(entries.get(i));
            if (wrong.isPresent()) {
                String text;
                try {
                    text = StrictUtf8.read(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
                String line = YamlDocument.lineOf(text, key + "[" + i + "]")
                        .or(() -> YamlDocument.lineOf(text, key))
                        .map(n -> ":" + n)
                        .orElse("");
                throw new CampaignConfigException(file + line + ": " + key + ": " + wrong.get(), null);
            }
        }
    }

    private static void refuseAliases(String text, String source) throws IOException {
        Optional<String> forbidden = YamlLimits.forbiddenCharacter(text);
        if (forbidden.isPresent()) {
            throw new CampaignConfigException(source + ":" + forbidden.get(), null);
        }
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            Optional<String> alias = YamlLimits.firstAlias(p);
            if (alias.isPresent()) {
                throw new CampaignConfigException(source + ":" + alias.get(), null);
            }
        }
    }

    private static final Pattern DOTTED_KEY = Pattern.compile("[a-z][a-z-]*(?:\\.[a-z][a-z-]*)+");

    private static String describe(String text, String source, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return source + lineOf(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage();
        }
        String key = keyPath(m);
        String where =
                source + YamlDocument.lineOf(text, key).map(line -> ":" + line).orElse(lineOf(e.getLocation())) + ": ";
        if (m instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream()
                    .map(Object::toString)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return where + key + ": unknown key (known here: " + known + ")";
        }
        if (m instanceof ValueInstantiationException && rootCause(m) instanceof IllegalArgumentException iae) {
            // Validation messages start with the key they are about: point at that key's own line.
            // When that key was left at its default, the first other key the message names is the
            // one the user wrote (splits.probe too small for gate.screen-items): cite that one.
            String message = String.valueOf(iae.getMessage());
            List<String> named = new ArrayList<>(List.of(message.split(":", 2)[0]));
            Matcher keys = DOTTED_KEY.matcher(message);
            while (keys.find()) {
                named.add(keys.group());
            }
            return named.stream()
                            .map(k -> YamlDocument.lineOf(text, k))
                            .flatMap(Optional::stream)
                            .findFirst()
                            .map(line -> source + ":" + line + ": ")
                            .orElse(where)
                    + message;
        }
        if (m instanceof InvalidFormatException f) {
            return where + key + ": expected " + typeName(f.getTargetType()) + ", got \"" + f.getValue() + "\"";
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return where + (key.isEmpty() ? "the file" : key) + ": expected " + typeName(mi.getTargetType())
                    + scalarText(mi);
        }
        return where + (key.isEmpty() ? "" : key + ": ") + m.getOriginalMessage();
    }

    /** The offending scalar, quoted from Jackson's message (the exception carries no value). */
    private static String scalarText(MismatchedInputException e) {
        Matcher m = QUOTED_VALUE.matcher(String.valueOf(e.getOriginalMessage()));
        return m.find() ? ", got \"" + m.group(1) + "\"" : "";
    }

    private static String keyPath(JsonMappingException m) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append("[").append(ref.getIndex()).append("]");
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type.getEnclosingClass() == CampaignConfig.class
                || type.getEnclosingClass() == CampaignConfigParts.class
                || type == CampaignConfig.class) {
            return "a mapping of keys";
        }
        return TYPE_NAMES.getOrDefault(type, "a " + type.getSimpleName());
    }

    private static String lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
