package dev.ratchet.log.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A campaign began: its configuration snapshot (secrets redacted), seed, code and starting library version. */
public record CampaignStarted(
        String campaignId, String configName, JsonNode config, long seed, String codeVersion, String libraryVersion)
        implements Event {

    public CampaignStarted {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(configName, "configName");
        config = Json.frozen(config);
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
    }
}
