package dev.ratchet.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads settings out of the configuration snapshot in {@code campaign.started} without depending on
 * the config classes: the snapshot is whatever the campaign wrote, so a setting is looked up by its
 * spellings anywhere in the tree (depth first, keys in sorted order, as the snapshot is canonical).
 */
final class ConfigValues {

    static final Set<String> REGRESSION_BUDGET = Set.of("regressionBudget", "regression-budget", "regression_budget");
    static final Set<String> ALPHA = Set.of("alpha", "testAlpha", "test-alpha", "test_alpha");

    private ConfigValues() {}

    static Optional<JsonNode> find(JsonNode node, Set<String> names) {
        if (node == null || !node.isContainerNode()) {
            return Optional.empty();
        }
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            for (String key : keys) {
                if (names.contains(key) && node.get(key).isNumber()) {
                    return Optional.of(node.get(key));
                }
            }
            for (String key : keys) {
                Optional<JsonNode> nested = find(node.get(key), names);
                if (nested.isPresent()) {
                    return nested;
                }
            }
            return Optional.empty();
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            Optional<JsonNode> nested = find(it.next(), names);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    static Integer integer(JsonNode config, Set<String> names) {
        return find(config, names).map(JsonNode::intValue).orElse(null);
    }

    static Double number(JsonNode config, Set<String> names) {
        return find(config, names).map(JsonNode::doubleValue).orElse(null);
    }
}
