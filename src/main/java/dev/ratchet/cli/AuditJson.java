package dev.ratchet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ratchet.log.event.Json;
import java.io.UncheckedIOException;

/** JSON output of the audit commands: one pretty-printed object and a newline. */
final class AuditJson {

    private AuditJson() {}

    static String write(Object value) {
        try {
            return Json.CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
