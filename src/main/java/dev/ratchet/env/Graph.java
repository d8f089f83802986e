package dev.ratchet.env;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A small undirected graph with positive integer edge weights on nodes {@code 0..nodes-1}. Edges
 * are kept normalised ({@code from < to}) and sorted, so equal graphs are equal records.
 */
public record Graph(int nodes, List<Edge> edges) {

    private static final Comparator<Edge> ORDER =
            Comparator.comparingInt(Edge::from).thenComparingInt(Edge::to);

    public Graph {
        if (nodes < 1) {
            throw new IllegalArgumentException("a graph needs at least one node: " + nodes);
        }
        List<Edge> sorted = new ArrayList<>();
        for (Edge edge : edges) {
            Edge normal = edge.normalised();
            if (normal.to() >= nodes) {
                throw new IllegalArgumentException("edge " + normal + " names a node outside 0.." + (nodes - 1));
            }
            sorted.add(normal);
        }
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                throw new IllegalArgumentException("duplicate edge " + sorted.get(i));
            }
        }
        edges = List.copyOf(sorted);
    }

    /** Neighbours of every node, each list ascending. */
    public List<List<Edge>> adjacency() {
        List<List<Edge>> adjacency = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            adjacency.add(new ArrayList<>());
        }
        for (Edge edge : edges) {
            adjacency.get(edge.from()).add(edge);
            adjacency.get(edge.to()).add(edge);
        }
        return adjacency;
    }

    /** One undirected edge; {@code other(node)} walks it from either end. */
    public record Edge(int from, int to, int weight) {

        public Edge {
            if (from < 0 || to < 0 || from == to) {
                throw new IllegalArgumentException("bad edge " + from + "-" + to);
            }
            if (weight < 1) {
                throw new IllegalArgumentException("edge weights are positive: " + weight);
            }
        }

        public int other(int node) {
            return node == from ? to : from;
        }

        Edge normalised() {
            return from < to ? this : new Edge(to, from, weight);
        }

        @Override
        public String toString() {
            return from + "-" + to + ":" + weight;
        }
    }
}
