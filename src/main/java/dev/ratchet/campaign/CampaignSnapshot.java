package dev.ratchet.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.log.event.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code campaign.started} records as the configuration: the campaign config and the two
 * named models it uses, as written (keys are referenced by environment-variable name only).
 * Resume and replay rebuild the campaign from this snapshot, never from files that may have
 * changed since.
 */
public record CampaignSnapshot(CampaignConfig config, ModelConfigs models) {

    /** {@code proposerModel} is left out when null: an evaluation records only the model it ran. */
    public JsonNode toJson(JsonNode agentModel, JsonNode proposerModel) {
        Map<String, Object> models = new TreeMap<>();
        if (proposerModel != null) {
            models.put(config.models().requiredProposer(), redacted(proposerModel));
        }
        models.put(config.models().agent(), redacted(agentModel));
        return Json.tree(Map.of("campaign", config.toJson(), "models", models));
    }

    /** Rebuilds the configuration recorded by {@link #toJson}; {@code source} names the log in errors. */
    public static CampaignSnapshot fromJson(JsonNode snapshot, String source) {
        JsonNode campaign = snapshot.path("campaign");
        JsonNode models = snapshot.path("models");
        if (!campaign.isObject() || !models.isObject()) {
            throw new IllegalArgumentException(
                    source + ": campaign.started does not hold a campaign and models snapshot");
        }
        CampaignConfig config = CampaignConfigLoader.parse(Json.write(campaign), source, "campaign");
        ModelConfigs modelConfigs = ModelConfigs.parse(Json.write(Map.of("models", models)), source);
        return new CampaignSnapshot(config, modelConfigs);
    }

    /** Belt and braces: a value under a key that names a secret never reaches the log. */
    static JsonNode redacted(JsonNode node) {
        JsonNode copy = Json.frozen(node);
        redactInPlace(copy);
        return copy;
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode value = object.get(name);
                String lower = name.toLowerCase(Locale.ROOT);
                boolean secret = (lower.contains("key")
                                || lower.contains("secret")
                                || lower.contains("token")
                                || lower.contains("password"))
                        && !lower.endsWith("_env")
                        && !lower.endsWith("-env")
                        && !lower.contains("tokens")
                        && value.isTextual();
                if (secret) {
                    object.put(name, "[redacted]");
                } else {
                    redactInPlace(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(CampaignSnapshot::redactInPlace);
        }
    }
}
