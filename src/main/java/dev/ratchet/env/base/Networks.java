package dev.ratchet.env.base;

import static dev.ratchet.env.base.Typed.INTEGER;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Graph;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rail network queried one station at a time with the {@code links} tool: the prompt names the
 * network and a station, never its track. A network is a pure function of its name: a connected
 * graph of 4 to 10 stations (A, B, ...) with track lengths of 1 to 9 km.
 */
final class Networks {

    private static final long WORLD = 0x6E7L;
    private static final int MIN_STATIONS = 4;
    private static final int STATION_CHOICES = 7;
    private static final int MAX_LENGTH = 9;

    static final Tool LINKS = new Tool(
            "links",
            "Lists a station's direct links in a named rail network: one 'STATION LENGTH km' per line.",
            List.of(
                    Tool.Parameter.string("network", "the network's name, e.g. net-1234"),
                    Tool.Parameter.string("station", "a station's letter, e.g. A")),
            arguments -> links(arguments.string("network"), arguments.string("station")));

    private Networks() {}

    static Composable reach() {
        return BaseEnvironment.builder("graphs.reach", "graphs", INTEGER, INTEGER)
                .description("Stations reachable within a distance in a network only a tool shows")
                .tools(LINKS)
                .input((rng, d) -> rng.between(2L * d, 8L * d))
                .task((x, rng, d) -> {
                    String network = name(rng, 4 + d);
                    Graph graph = network(network);
                    int start = rng.nextInt(graph.nodes());
                    return BaseEnvironment.Op.withTools(
                            ref -> "In the rail network " + network + ", how many other stations can be reached from"
                                    + " station " + station(start) + " by a route at most " + ref + " km long? The"
                                    + " track is not shown here; the links tool lists one station's links at a time.",
                            budget -> budget < 0 ? null : reachable(graph, start, budget),
                            budget -> plan(network, graph, start, budget));
                });
    }

    private static Long reachable(Graph graph, int start, long budget) {
        return Arrays.stream(distances(graph, start)).filter(km -> km <= budget).count() - 1;
    }

    private static String name(Rng rng, int stations) {
        while (true) {
            String name = "net-" + rng.between(1000, 9999);
            if (stations(name) == stations) {
                return name;
            }
        }
    }

    private static int stations(String name) {
        return MIN_STATIONS + Rng.derived(WORLD, "size", name).nextInt(STATION_CHOICES);
    }

    /** The network called {@code name}: a spanning tree plus about half as many extra links. */
    static Graph network(String name) {
        String n = name.strip();
        if (!n.matches("net-\\d{4}")) {
            throw new IllegalArgumentException("no network named '" + n + "'");
        }
        int nodes = stations(n);
        Rng rng = Rng.derived(WORLD, "track", n);
        List<Graph.Edge> edges = new ArrayList<>();
        boolean[][] used = new boolean[nodes][nodes];
        for (int node = 1; node < nodes; node++) {
            int other = rng.nextInt(node);
            used[other][node] = true;
            edges.add(new Graph.Edge(other, node, rng.between(1, MAX_LENGTH)));
        }
        for (int i = 0; i < nodes / 2; i++) {
            int a = rng.nextInt(nodes);
            int b = rng.nextInt(nodes);
            if (a != b && !used[Math.min(a, b)][Math.max(a, b)]) {
                used[Math.min(a, b)][Math.max(a, b)] = true;
                edges.add(new Graph.Edge(Math.min(a, b), Math.max(a, b), rng.between(1, MAX_LENGTH)));
            }
        }
        return new Graph(nodes, edges);
    }

    private static String links(String network, String station) {
        Graph graph = network(network);
        String s = station.strip();
        int node = s.length() == 1 ? s.charAt(0) - 'A' : -1;
        if (node < 0 || node >= graph.nodes()) {
            throw new IllegalArgumentException("network " + network.strip() + " has stations A to "
                    + station(graph.nodes() - 1) + ", not '" + s + "'");
        }
        List<String> lines = new ArrayList<>();
        for (Graph.Edge e : graph.edges()) {
            if (e.from() == node || e.to() == node) {
                lines.add(station(e.from() == node ? e.to() : e.from()) + " " + e.weight() + " km");
            }
        }
        return String.join("\n", lines.stream().sorted().toList());
    }

    static String station(int node) {
        return Character.toString((char) ('A' + node));
    }

    /** Shortest distances from {@code start} (Dijkstra on a graph small enough for the quadratic form). */
    private static long[] distances(Graph graph, int start) {
        long[] dist = new long[graph.nodes()];
        Arrays.fill(dist, Long.MAX_VALUE);
        boolean[] done = new boolean[graph.nodes()];
        dist[start] = 0;
        for (int round = 0; round < graph.nodes(); round++) {
            int next = -1;
            for (int v = 0; v < graph.nodes(); v++) {
                if (!done[v] && dist[v] != Long.MAX_VALUE && (next < 0 || dist[v] < dist[next])) {
                    next = v;
                }
            }
            if (next < 0) {
                break;
            }
            done[next] = true;
            for (Graph.Edge e : graph.edges()) {
                int other = e.from() == next ? e.to() : e.to() == next ? e.from() : -1;
                if (other >= 0 && dist[next] + e.weight() < dist[other]) {
                    dist[other] = dist[next] + e.weight();
                }
            }
        }
        return dist;
    }

    /**
     * The stations whose links a search within the budget must read (every one within the
     * budget), level by level from the start: a station's links are known once a nearer one's are.
     */
    private static ToolPlan plan(String network, Graph graph, int start, long budget) {
        long[] dist = distances(graph, start);
        boolean[] seen = new boolean[graph.nodes()];
        List<Integer> level = List.of(start);
        seen[start] = true;
        List<List<ToolCall>> rounds = new ArrayList<>();
        while (!level.isEmpty()) {
            List<ToolCall> calls = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            for (int node : level) {
                calls.add(ToolCall.of(LINKS.name(), "network", network, "station", station(node)));
                for (Graph.Edge e : graph.edges()) {
                    int other = e.from() == node ? e.to() : e.to() == node ? e.from() : -1;
                    if (other >= 0 && !seen[other] && dist[other] <= budget) {
                        seen[other] = true;
                        next.add(other);
                    }
                }
            }
            rounds.add(calls);
            level = next;
        }
        return new ToolPlan(rounds);
    }
}
