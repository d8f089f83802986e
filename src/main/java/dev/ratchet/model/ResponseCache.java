package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ModelCallRecorded.CachedFrom;
import dev.ratchet.log.event.ModelCallRecorded.Usage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Successful responses on disk, addressed by request hash: {@code <dir>/<first 2 hex>/<hash>.json}
 * holds the recorded response and where it came from (campaign, call id, what it cost). A rerun that
 * makes an identical request (same model, parameters, messages and tools) reads the answer instead
 * of paying for it again. The request itself is not stored, only its hash, and the response is the
 * recorded one, already redacted. Writes are atomic, so a crash never leaves a torn entry; files and
 * folders are created with the process's umask, like the rest of a run's outputs.
 *
 * <p>One instance writes for one campaign: {@code campaign} is stamped on the entries it adds.
 */
public final class ResponseCache {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final String campaign;

    public ResponseCache(Path dir, String campaign) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.campaign = Objects.requireNonNull(campaign, "campaign");
    }

    public Path dir() {
        return dir;
    }

    /** The entry for {@code requestHash}; empty when there is none or it cannot be read as one. */
    public Optional<Entry> get(String requestHash) {
        Path file = file(requestHash);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached response " + file, e);
        }
        return parse(text, requestHash);
    }

    /** Keeps a successful call's response, unless an entry for its request is already there. */
    public void put(ModelCallRecorded call) {
        if (call.response() == null || call.response().isNull()) {
            throw new IllegalArgumentException("only answered calls are cached: " + call.callId());
        }
        Path file = file(call.requestHash());
        if (get(call.requestHash()).isPresent()) {
            return;
        }
        ObjectNode entry = Json.object(java.util.Map.of("requestHash", call.requestHash()));
        entry.set("response", call.response());
        entry.set("cachedFrom", Json.tree(new CachedFrom(campaign, call.callId(), call.costUsd())));
        try {
            Files.createDirectories(file.getParent());
            write(file, Json.write(Json.frozen(entry)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cached response " + file, e);
        }
    }

    /**
     * Writes a temporary file beside the entry and renames it into place. The temporary file is
     * opened with CREATE_NEW rather than {@code Files.createTempFile}, which would make it (and so the
     * entry) 0600 whatever the umask.
     */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "."
                + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".tmp");
        Files.deleteIfExists(tmp);
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
            out.write(bytes);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Optional<Entry> parse(String text, String requestHash) {
        JsonNode json;
        try {
            json = Json.parse(text);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        JsonNode response = json.path("response");
        JsonNode from = json.path("cachedFrom");
        if (!requestHash.equals(json.path("requestHash").asText()) || !response.isObject() || !from.isObject()) {
            return Optional.empty();
        }
        CachedFrom origin = new CachedFrom(
                from.path("campaign").asText(),
                from.path("callId").asText(),
                from.path("costUsd").asDouble(0));
        return Optional.of(new Entry(response, ResponseCodec.usage(response), origin));
    }

    private Path file(String requestHash) {
        if (!HASH.matcher(requestHash).matches()) {
            throw new IllegalArgumentException("not a request hash: " + requestHash);
        }
        return dir.resolve(requestHash.substring(0, 2)).resolve(requestHash + ".json");
    }

    /** A cached response (recorded JSON), its usage and the call that paid for it. */
    public record Entry(JsonNode response, Usage usage, CachedFrom origin) {
        public Entry {
            response = Json.frozen(response);
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(origin, "origin");
        }
    }
}
