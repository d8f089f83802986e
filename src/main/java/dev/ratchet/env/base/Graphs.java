package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Typed.BOOLEAN;
import static dev.ratchet.env.base.Typed.GRAPH;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.INT_LIST;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Graph;
import dev.ratchet.env.Rng;
import dev.ratchet.env.ValueBounds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** Graphs and paths on small weighted undirected graphs; difficulty adds nodes, edges and weight. */
final class Graphs {

    private static final String DOMAIN = "graphs";

    private Graphs() {}

    static List<Composable> environments() {
        return List.of(
                shortestPath(), components(), degrees(), mstWeight(), hasCycle(), mst(), pathGraph(), bfsOrder());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("graphs." + name, DOMAIN, in, out);
    }

    /** 4 to 8 nodes, up to 2d extra edges, weights up to 3 + 3d. */
    static Graph graph(Rng rng, int d) {
        return Draw.graph(rng, 3 + d, rng.between(0, 2 * d), 3 + 3 * d);
    }

    private static Composable shortestPath() {
        return env("shortest-path", GRAPH, INTEGER)
                .description("Weight of a lightest path between the first and last node")
                .input(Graphs::graph)
                .task((x, rng, d) -> of(
                        ref -> "In " + ref + ", what is the total weight of a lightest path from node 0 to the"
                                + " highest-numbered node? Answer -1 if there is no such path.",
                        Graphs::distanceToLast));
    }

    private static long distanceToLast(Graph graph) {
        long[] distance = new long[graph.nodes()];
        Arrays.fill(distance, Long.MAX_VALUE);
        distance[0] = 0;
        boolean[] done = new boolean[graph.nodes()];
        List<List<Graph.Edge>> adjacency = graph.adjacency();
        for (int round = 0; round < graph.nodes(); round++) {
            int next = -1;
            for (int node = 0; node < graph.nodes(); node++) {
                if (!done[node] && distance[node] != Long.MAX_VALUE && (next < 0 || distance[node] < distance[next])) {
                    next = node;
                }
            }
            if (next < 0) {
                break;
            }
            done[next] = true;
            for (Graph.Edge edge : adjacency.get(next)) {
                int other = edge.other(next);
                distance[other] = Math.min(distance[other], distance[next] + edge.weight());
            }
        }
        long last = distance[graph.nodes() - 1];
        return last == Long.MAX_VALUE ? -1 : last;
    }

    private static Composable components() {
        return env("components", GRAPH, INTEGER)
                .description("Number of connected components")
                .input(Graphs::graph)
                .task((x, rng, d) -> of(
                        ref -> "How many connected components does " + ref + " have? (A node without edges is a"
                                + " component of its own.)",
                        g -> (long) new Forest(g.nodes()).joinAll(g.edges())));
    }

    private static Composable degrees() {
        return env("degrees", GRAPH, INT_LIST)
                .description("The degree of every node")
                .input(Graphs::graph)
                .task((x, rng, d) -> of(
                        ref -> "List the degree (number of edges) of every node of " + ref + ", from node 0 upwards.",
                        g -> g.adjacency().stream()
                                .map(edges -> (long) edges.size())
                                .toList()));
    }

    private static Composable mstWeight() {
        return env("mst-weight", GRAPH, INTEGER)
                .description("Total weight of a minimum spanning forest")
                .input(Graphs::graph)
                .task((x, rng, d) -> of(
                        ref -> "What is the total weight of a minimum spanning forest of " + ref
                                + " (a minimum spanning" + " tree of every connected component)?",
                        g -> spanningForest(g).edges().stream()
                                .mapToLong(Graph.Edge::weight)
                                .sum()));
    }

    private static Composable hasCycle() {
        return env("has-cycle", GRAPH, BOOLEAN)
                .description("Decide whether a graph has a cycle")
                .input((rng, d) -> Draw.graph(rng, 3 + d, rng.nextBoolean() ? 0 : rng.between(1, d), 9))
                .task((x, rng, d) -> of(
                        ref -> "Does " + ref + " contain a cycle?",
                        g -> new Forest(g.nodes()).joinAll(g.edges())
                                != g.nodes() - g.edges().size()));
    }

    private static Composable mst() {
        return env("mst", GRAPH, GRAPH)
                .description("A minimum spanning forest, with a stated tie-break")
                .input(Graphs::graph)
                .task((x, rng, d) -> of(
                        ref -> "Give a minimum spanning forest of " + ref + " as a graph on the same nodes. Among edges"
                                + " of equal weight, prefer the one with the smaller first node, then the smaller second"
                                + " node.",
                        Graphs::spanningForest));
    }

    /** Kruskal over (weight, from, to): a total order, so the forest is unique. */
    private static Graph spanningForest(Graph graph) {
        List<Graph.Edge> sorted = new ArrayList<>(graph.edges());
        sorted.sort(Comparator.comparingInt(Graph.Edge::weight)
                .thenComparingInt(Graph.Edge::from)
                .thenComparingInt(Graph.Edge::to));
        Forest forest = new Forest(graph.nodes());
        List<Graph.Edge> kept = new ArrayList<>();
        for (Graph.Edge edge : sorted) {
            if (forest.join(edge.from(), edge.to())) {
                kept.add(edge);
            }
        }
        return new Graph(graph.nodes(), kept);
    }

    private static Composable pathGraph() {
        return env("path-graph", INT_LIST, GRAPH)
                .description("Build a weighted path graph from a list")
                .input((rng, d) -> Draw.ints(rng, 1 + d, 1, 3 + 3 * d))
                .task((x, rng, d) -> of(
                        ref -> "Build the path graph on the nodes 0, 1, 2, ... in which the edge from node i-1 to node"
                                + " i has the i-th number of " + ref + " as its weight (so k numbers give k+1 nodes).",
                        v -> {
                            if (v.size() >= ValueBounds.MAX_NODES) {
                                return null;
                            }
                            List<Graph.Edge> edges = new ArrayList<>();
                            for (int i = 0; i < v.size(); i++) {
                                long weight = v.get(i);
                                if (weight < 1 || weight > ValueBounds.MAX_WEIGHT) {
                                    return null;
                                }
                                edges.add(new Graph.Edge(i, i + 1, (int) weight));
                            }
                            return new Graph(v.size() + 1, edges);
                        }));
    }

    private static Composable bfsOrder() {
        return env("bfs-order", GRAPH, INT_LIST)
                .description("Breadth-first visiting order from node 0")
                .input(Graphs::graph)
                .task((x, rng, d) -> of(
                        ref -> "List the nodes of " + ref + " in breadth-first order starting from node 0, visiting the"
                                + " neighbours of each node in increasing order. Leave out nodes that cannot be reached"
                                + " from node 0.",
                        Graphs::breadthFirst));
    }

    private static List<Long> breadthFirst(Graph graph) {
        List<List<Graph.Edge>> adjacency = graph.adjacency();
        boolean[] seen = new boolean[graph.nodes()];
        List<Long> order = new ArrayList<>();
        Deque<Integer> queue = new ArrayDeque<>(List.of(0));
        seen[0] = true;
        while (!queue.isEmpty()) {
            int node = queue.removeFirst();
            order.add((long) node);
            adjacency.get(node).stream().map(e -> e.other(node)).sorted().forEach(next -> {
                if (!seen[next]) {
                    seen[next] = true;
                    queue.addLast(next);
                }
            });
        }
        return order;
    }

    /** Union-find over the nodes. */
    private static final class Forest {
        private final int[] parent;

        Forest(int nodes) {
            parent = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                parent[i] = i;
            }
        }

        int root(int node) {
            int r = node;
            while (parent[r] != r) {
                r = parent[r];
            }
            return r;
        }

        boolean join(int a, int b) {
            int ra = root(a);
            int rb = root(b);
            if (ra == rb) {
                return false;
            }
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
            return true;
        }

        /** Joins every edge and returns the number of components left. */
        int joinAll(List<Graph.Edge> edges) {
            int components = parent.length;
            for (Graph.Edge edge : edges) {
                if (join(edge.from(), edge.to())) {
                    components--;
                }
            }
            return components;
        }
    }
}
