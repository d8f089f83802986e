package dev.ratchet.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Bounds on the YAML files a person writes (a campaign config, a models file). Such a file is a few
 * kilobytes; without bounds a 5 MB comment took 15 s and 2.4 GB to refuse, and a deep or aliased
 * document can cost far more. Past a bound the file is refused with a message naming it, before
 * anything is written.
 *
 * <p>Aliases are refused outright: Jackson reads {@code *name} as the string "name" rather than
 * the anchored value, which would silently change the config.
 */
public final class YamlLimits {

    /** The largest file read; {@code config/demo.yaml} is under 2 KB. */
    public static final int MAX_BYTES = 256 * 1024;

    /** Nesting of mappings and lists; a config needs four. */
    public static final int MAX_DEPTH = 32;

    private YamlLimits() {}

    /** A YAML factory that stops at the bounds while parsing; a new one each time, since factories are mutable. */
    public static YAMLFactory factory() {
        return YAMLFactory.builder()
                // on by default in new YAMLFactory() but not in its builder: "key:" must stay null
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .loaderOptions(loaderOptions())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(100)
                        .maxDocumentLength(MAX_BYTES)
                        .build())
                .build();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        return options;
    }

    /** Why {@code file} is too large to read, if it is: checked before a byte of it is read. */
    public static Optional<String> tooLarge(Path file) throws IOException {
        long size = Files.size(file);
        if (size <= MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%s: %,d bytes, more than the %,d a config file may hold (is it the right file?)",
                file,
                size,
                MAX_BYTES));
    }

    /**
     * The first alias {@code p} meets, as {@code "N: *name: ..."} (N its line), if there is one; a
     * document past the nesting bound is an error from the parser itself.
     */
    static Optional<String> firstAlias(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING && p instanceof YAMLParser y && y.isCurrentAlias()) {
                return Optional.of(aliasAt(p));
            }
        }
        return Optional.empty();
    }

    /**
     * The first character YAML does not allow (a NUL byte, another control character, U+FFFE), as
     * {@code "N: ..."} with its line. SnakeYAML refuses these too, but reports the position of the
     * reader's buffer, which for a short file is line 1 whatever line holds the byte.
     */
    static Optional<String> forbiddenCharacter(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!printable(c)) {
                String name = c == 0 ? "a NUL byte (U+0000)" : String.format(Locale.ROOT, "the character U+%04X", c);
                return Optional.of(
                        line + ": column " + column + ": " + name + " is not allowed in YAML (is the file text?)");
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** YAML 1.1's printable set, as SnakeYAML applies it. */
    private static boolean printable(int c) {
        return c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0x7E)
                || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    static String aliasAt(JsonParser p) throws IOException {
        return p.currentTokenLocation().getLineNr() + ": *" + p.getText()
                + ": aliases are not supported (write the value out)";
    }
}
