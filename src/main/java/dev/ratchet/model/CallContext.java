package dev.ratchet.model;

import java.util.Objects;

/**
 * Who is calling and under which deterministic id: {@code callId} is derived from the campaign
 * seed and the episode or proposal (never from time or a counter shared between threads), and
 * {@code role} is agent or proposer.
 */
public record CallContext(String callId, String role) {

    public CallContext {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(role, "role");
    }
}
