package dev.ratchet.log;

import dev.ratchet.log.event.Event;
import java.util.Objects;

/** An event to append, with an optional idempotency key (null for none). */
public record NewEvent(Event event, String idempotencyKey) {

    public NewEvent {
        Objects.requireNonNull(event, "event");
    }

    public static NewEvent of(Event event) {
        return new NewEvent(event, null);
    }

    public static NewEvent keyed(Event event, String idempotencyKey) {
        return new NewEvent(event, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }
}
