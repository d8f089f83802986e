package dev.ratchet.env.compose;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A bound task inside a composite: its text, given the number of its first answer line, and its
 * answer slots in order.
 */
record Part(IntFunction<String> body, List<Slot> slots) {

    Part {
        slots = List.copyOf(slots);
    }

    String body(int firstAnswer) {
        return body.apply(firstAnswer);
    }

    int bases() {
        return slots.stream().mapToInt(Slot::bases).sum();
    }
}
