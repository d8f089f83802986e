package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Successful responses on disk, addressed by request hash: {@code <dir>/<first 2 hex>/<hash>.json}.
 * A rerun that makes an identical request (same model, parameters, messages and tools) reads the
 * answer instead of paying for it again. Writes are atomic, so a crash never leaves a torn entry,
 * and an entry is never rewritten.
 */
public final class ResponseCache {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public Optional<Entry> get(String requestHash) {
        Path file = file(requestHash);
        try {
            JsonNode json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!requestHash.equals(json.path("requestHash").asText())) {
                return Optional.empty();
            }
            return Optional.of(new Entry(json.get("response"), ResponseCodec.usage(json.get("response"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached response " + file, e);
        }
    }

    public void put(String requestHash, JsonNode response) {
        Path file = file(requestHash);
        if (Files.exists(file)) {
            return;
        }
        ObjectNode entry = Json.object(java.util.Map.of("requestHash", requestHash));
        entry.set("response", response);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), requestHash, ".tmp");
            Files.writeString(tmp, Json.write(Json.frozen(entry)), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cached response " + file, e);
        }
    }

    private Path file(String requestHash) {
        if (!HASH.matcher(requestHash).matches()) {
            throw new IllegalArgumentException("not a request hash: " + requestHash);
        }
        return dir.resolve(requestHash.substring(0, 2)).resolve(requestHash + ".json");
    }

    /** A cached response (recorded JSON) and its usage. */
    public record Entry(JsonNode response, Usage usage) {
        public Entry {
            response = Json.frozen(response);
            Objects.requireNonNull(usage, "usage");
        }
    }
}
