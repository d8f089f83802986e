package dev.ratchet.log.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fields ablations and transfer measurements added to the audit events: they round-trip, and
 * they are absent from (and null when decoding) the events of re-checks and bisections, so logs
 * written before them encode and replay byte for byte as they did.
 */
class AuditEventFieldsTest {

    @Test
    void anAblationAndATransferRoundTripWithTheirArguments() {
        AuditStarted ablate = AuditStarted.ablate("ablate-1", "8f9e0d1c2b3a4958");
        AuditStarted transfer = AuditStarted.transfer(
                "transfer-2", "0a1b2c3d4e5f6071", "8f9e0d1c2b3a4958", List.of("arith.subtract", "par(a,b)"));
        AuditCompared part = new AuditCompared(
                "ablate-1",
                1,
                "1111222233334444",
                "8f9e0d1c2b3a4958",
                null,
                null,
                null,
                null,
                new GateDecided.Gain(240, 0.05, 0.004, 0.098),
                AuditCompared.BETTER,
                "skill:carry-check");
        for (Event e : List.of(ablate, transfer, part)) {
            byte[] encoded = EventCodec.encode(e);
            assertEquals(e, EventCodec.decode(e.type().typeName(), e.type().schemaVersion(), encoded));
        }
        assertEquals(List.of("arith.subtract", "par(a,b)"), roundTrip(transfer).envs());
        assertEquals("skill:carry-check", roundTrip(part).part());
    }

    @Test
    void aBisectionEncodesWithoutTheNewFields() {
        AuditStarted bisect = new AuditStarted("bisect-1", AuditStarted.BISECT, "a", "b", null);
        String json = new String(EventCodec.encode(bisect), StandardCharsets.UTF_8);
        assertFalse(json.contains("version") || json.contains("envs"), json);
        AuditCompared old = (AuditCompared) EventCodec.decode(
                "audit.compared",
                1,
                ("{\"audit\":\"recheck-1\",\"baseVersion\":\"a\",\"gain\":{\"high\":0.1,\"items\":10,\"low\":0.0,"
                                + "\"mean\":0.05},\"status\":\"better\",\"step\":0,\"version\":\"b\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertNull(old.part());
        assertTrue(old.better());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Event> T roundTrip(T e) {
        return (T) EventCodec.decode(e.type().typeName(), e.type().schemaVersion(), EventCodec.encode(e));
    }
}
