package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Rng;
import dev.ratchet.env.compose.Composer;
import dev.ratchet.env.compose.CompositeId;
import dev.ratchet.env.compose.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Environments a campaign never saw, for measuring how its library transfers: the config's {@code
 * holdout-environments} when it names any, else a default set. The default is three built-in base
 * environments none of the campaign's environments uses (drawn with the campaign seed, so one config
 * always gets the same three), then one composite deeper than any it trained on: a PARALLEL of its
 * two deepest non-parallel environments (its depth is one more than theirs), when the campaign has two
 * and the result stays within {@link Composer#MAX_DEPTH}.
 */
public final class HeldOut {

    static final int DEFAULT_BASES = 3;

    private HeldOut() {}

    /** The environments a transfer measurement of this campaign uses by default. */
    public static List<String> environments(CampaignConfig config, EnvironmentCatalog catalog) {
        if (!config.holdoutEnvironments().isEmpty()) {
            return config.holdoutEnvironments();
        }
        List<String> used = CampaignSetup.baseIds(config, catalog);
        List<String> unused = new ArrayList<>(catalog.bases().stream()
                .map(Environment::id)
                .filter(id -> !used.contains(id))
                .toList());
        List<String> out = new ArrayList<>();
        Rng rng = Rng.derived(config.seed(), "transfer", "held-out bases");
        while (out.size() < DEFAULT_BASES && !unused.isEmpty()) {
            out.add(unused.remove(rng.nextInt(unused.size())));
        }
        deeper(config, catalog).ifPresent(out::add);
        return List.copyOf(out);
    }

    /** A PARALLEL of the campaign's two deepest non-parallel environments, deepest first. */
    static Optional<String> deeper(CampaignConfig config, EnvironmentCatalog catalog) {
        List<CompositeId> parts = config.environments().stream()
                .map(CampaignConfig.EnvironmentShare::id)
                .filter(id -> catalog.find(id).isPresent())
                .map(CompositeId::parse)
                .filter(id -> id.operator() != Operator.PARALLEL)
                .sorted(Comparator.comparingInt(HeldOut::depth).reversed())
                .limit(2)
                .toList();
        if (parts.size() < 2 || depth(parts.get(0)) + 1 > Composer.MAX_DEPTH) {
            return Optional.empty();
        }
        String id = CompositeId.of(Operator.PARALLEL, parts).toString();
        return catalog.find(id).map(Environment::id);
    }

    /** A base environment is depth 1; a composite is one more than its deepest part. */
    static int depth(CompositeId id) {
        return 1 + id.children().stream().mapToInt(HeldOut::depth).max().orElse(0);
    }

    /**
     * Environment ids written one after another with commas, as {@code --envs} takes them: a comma
     * inside a composite's parentheses belongs to the composite.
     */
    public static List<String> split(String spec) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : spec.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString().strip());
        return out.stream().filter(s -> !s.isEmpty()).toList();
    }
}
