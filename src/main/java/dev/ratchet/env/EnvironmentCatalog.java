package dev.ratchet.env;

import dev.ratchet.env.base.BuiltIns;
import dev.ratchet.env.compose.Composer;
import dev.ratchet.env.compose.CompositeId;
import dev.ratchet.env.compose.Composites;
import dev.ratchet.env.plugin.PluginLoader;
import dev.ratchet.env.suite.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every environment a campaign can name: the built-in bases, plugin environments, suite tasks
 * ({@code <suite>/<task-id>}) and composites of them ({@code seq(arith.add,nt.divisors)}).
 * Immutable; {@link #withSuites} and {@link #withPlugins} return extended copies.
 */
public final class EnvironmentCatalog {

    private final List<Environment> bases;
    private final List<Suite> suites;
    // Lookup by id only; listing order comes from the lists above.
    private final Map<String, Environment> byId = new HashMap<>();

    private EnvironmentCatalog(List<Environment> bases, List<Suite> suites) {
        this.bases = List.copyOf(bases);
        this.suites = List.copyOf(suites);
        bases.forEach(this::register);
        suites.forEach(suite -> suite.tasks().forEach(this::register));
    }

    private void register(Environment environment) {
        if (byId.putIfAbsent(environment.id(), environment) != null) {
            throw new IllegalArgumentException("environment id '" + environment.id() + "' is defined twice");
        }
    }

    /** The built-in base environments. */
    public static EnvironmentCatalog builtIn() {
        return new EnvironmentCatalog(List.copyOf(BuiltIns.environments()), List.of());
    }

    public EnvironmentCatalog withSuites(List<Suite> more) {
        List<Suite> all = new ArrayList<>(suites);
        all.addAll(more);
        return new EnvironmentCatalog(bases, all);
    }

    /** Adds the environments of every plugin jar in {@code pluginDir} (none if it does not exist). */
    public EnvironmentCatalog withPlugins(Path pluginDir) {
        List<Environment> all = new ArrayList<>(bases);
        all.addAll(PluginLoader.load(pluginDir));
        return new EnvironmentCatalog(all, suites);
    }

    /** Built-in and plugin base environments, in listing order. */
    public List<Environment> bases() {
        return bases;
    }

    public List<Suite> suites() {
        return suites;
    }

    /** Every suite task, suite by suite. */
    public List<Environment> suiteTasks() {
        List<Environment> tasks = new ArrayList<>();
        suites.forEach(suite -> tasks.addAll(suite.tasks()));
        return List.copyOf(tasks);
    }

    /** A composer over the base environments. */
    public Composer composer() {
        return Composer.over(bases);
    }

    public Optional<Environment> find(String id) {
        try {
            return Optional.of(resolve(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The environment with this id, building composites as needed. Throws IllegalArgumentException
     * naming the id (and close matches) when it is unknown or the composite breaks a rule.
     */
    public Environment resolve(String id) {
        return build(CompositeId.parse(id));
    }

    /** Ids as written in split definitions: an id, or {@code <suite>/*} for every task of a suite. */
    public List<Environment> expand(String pattern) {
        if (pattern.endsWith("/*")) {
            String name = pattern.substring(0, pattern.length() - 2);
            return suites.stream()
                    .filter(suite -> suite.name().equals(name))
                    .findFirst()
                    .map(Suite::tasks)
                    .orElseThrow(() -> new IllegalArgumentException("unknown suite '" + name + "' in " + pattern));
        }
        return List.of(resolve(pattern));
    }

    private Environment build(CompositeId id) {
        if (!id.composite()) {
            Environment found = byId.get(id.name());
            if (found == null) {
                throw new IllegalArgumentException("unknown environment '" + id.name() + "'" + suggestions(id.name()));
            }
            return found;
        }
        List<Environment> children = new ArrayList<>();
        id.children().forEach(child -> children.add(build(child)));
        return Composites.of(id.operator(), children);
    }

    /** Up to three known ids within a small edit distance, or sharing the name after the domain. */
    private String suggestions(String unknown) {
        record Candidate(String id, int distance) {}
        List<Candidate> close = new ArrayList<>();
        List<String> known = new ArrayList<>();
        bases.forEach(b -> known.add(b.id()));
        suiteTasks().forEach(t -> known.add(t.id()));
        for (String id : known) {
            int distance = distance(unknown, id);
            boolean sameName = id.substring(id.indexOf('.') + 1).equals(unknown.substring(unknown.indexOf('.') + 1));
            if (distance <= Math.max(2, unknown.length() / 4) || sameName) {
                close.add(new Candidate(id, sameName ? 0 : distance));
            }
        }
        close.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id));
        if (close.isEmpty()) {
            return "; 'ratchet envs list' shows the known ids";
        }
        return "; did you mean "
                + String.join(", ", close.stream().limit(3).map(Candidate::id).toList()) + "?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
