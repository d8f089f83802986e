package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.EventCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions depend on the config and its seed, never on the campaign id. */
class CampaignIdTest {

    @TempDir
    Path dir;

    @Test
    void twoCampaignsRunFromOneConfigDecideAlike() {
        LiveCampaign campaign = LiveCampaign.in(dir.resolve("config"), LiveCampaign.config(3));
        campaign.run(dir.resolve("a.db"), "nightly-a", e -> {});
        campaign.run(dir.resolve("b.db"), "nightly-b", e -> {});

        List<String> a = decisions(LiveCampaign.read(dir.resolve("a.db")));
        List<String> b = decisions(LiveCampaign.read(dir.resolve("b.db")));
        assertTrue(a.size() > 100, a.size() + " events");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "event " + (i + 1));
        }
        assertEquals(a.size(), b.size());
    }

    @Test
    void anotherSeedDecidesDifferently() {
        LiveCampaign three = LiveCampaign.in(dir.resolve("three"), LiveCampaign.config(3));
        LiveCampaign four = LiveCampaign.in(dir.resolve("four"), LiveCampaign.config(4));
        three.run(dir.resolve("3.db"), "same-id", e -> {});
        four.run(dir.resolve("4.db"), "same-id", e -> {});

        assertNotEquals(
                decisions(LiveCampaign.read(dir.resolve("3.db"))).subList(1, 40),
                decisions(LiveCampaign.read(dir.resolve("4.db"))).subList(1, 40),
                "the comparison above would notice a difference");
    }

    /** Each event's type and payload bytes, but for the campaign id in campaign.started: the one thing that differs. */
    private static List<String> decisions(List<RecordedEvent> events) {
        return events.stream()
                .map(e -> e.type() + " "
                        + (e.event() instanceof CampaignStarted s
                                ? new String(EventCodec.encode(withoutId(s)), StandardCharsets.UTF_8)
                                : e.payloadText()))
                .toList();
    }

    private static CampaignStarted withoutId(CampaignStarted s) {
        return new CampaignStarted("*", s.configName(), s.config(), s.seed(), s.codeVersion(), s.libraryVersion());
    }
}
