package dev.ratchet.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A line diff: a shortest edit script by longest common subsequence, rendered as unified diff
 * hunks with three lines of context, as {@code diff -u} prints them.
 */
public final class LineDiff {

    /** Beyond this many cells the table would cost too much memory: the differing middle is replaced whole. */
    private static final long MAX_CELLS = 4_000_000L;

    private static final int CONTEXT = 3;

    private LineDiff() {}

    /** One line of an edit script: {@code ' '} kept, {@code '-'} removed from a, {@code '+'} added in b. */
    public record Line(char op, String text) {
        public Line {
            if (op != ' ' && op != '-' && op != '+') {
                throw new IllegalArgumentException("op must be ' ', '-' or '+': " + op);
            }
            Objects.requireNonNull(text, "text");
        }
    }

    /** The lines of {@code text}; an empty text has none. */
    public static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    /** A shortest edit script turning {@code a} into {@code b}; within a change, removals come first. */
    public static List<Line> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> out = new ArrayList<>();
        a.subList(0, prefix).forEach(l -> out.add(new Line(' ', l)));
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), out);
        a.subList(a.size() - suffix, a.size()).forEach(l -> out.add(new Line(' ', l)));
        return out;
    }

    private static void middle(List<String> a, List<String> b, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            a.forEach(l -> out.add(new Line('-', l)));
            b.forEach(l -> out.add(new Line('+', l)));
            return;
        }
        // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(' ', a.get(i++)));
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line('-', a.get(i++)));
            } else {
                out.add(new Line('+', b.get(j++)));
            }
        }
    }

    /** Unified diff of two texts with {@code ---}/{@code +++} headers; empty when they are equal. */
    public static String unified(String a, String b, String labelA, String labelB) {
        List<Line> script = edits(lines(a), lines(b));
        if (script.stream().allMatch(l -> l.op() == ' ')) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(labelA).append('\n');
        sb.append("+++ ").append(labelB).append('\n');
        hunks(script, sb);
        return sb.toString();
    }

    private static void hunks(List<Line> script, StringBuilder sb) {
        int k = 0;
        while (k < script.size()) {
            int change = nextChange(script, k);
            if (change < 0) {
                return;
            }
            int start = Math.max(k, change - CONTEXT);
            int end = change;
            // extend the hunk while the next change is within two contexts of the last one
            while (true) {
                while (end < script.size() && script.get(end).op() != ' ') {
                    end++;
                }
                int next = nextChange(script, end);
                if (next < 0 || next - end > 2 * CONTEXT) {
                    end = Math.min(script.size(), end + CONTEXT);
                    break;
                }
                end = next;
            }
            appendHunk(script, start, end, sb);
            k = end;
        }
    }

    private static int nextChange(List<Line> script, int from) {
        for (int k = from; k < script.size(); k++) {
            if (script.get(k).op() != ' ') {
                return k;
            }
        }
        return -1;
    }

    private static void appendHunk(List<Line> script, int start, int end, StringBuilder sb) {
        int beforeA = 0;
        int beforeB = 0;
        for (int k = 0; k < start; k++) {
            beforeA += script.get(k).op() != '+' ? 1 : 0;
            beforeB += script.get(k).op() != '-' ? 1 : 0;
        }
        int countA = 0;
        int countB = 0;
        for (int k = start; k < end; k++) {
            countA += script.get(k).op() != '+' ? 1 : 0;
            countB += script.get(k).op() != '-' ? 1 : 0;
        }
        sb.append("@@ -")
                .append(range(beforeA, countA))
                .append(" +")
                .append(range(beforeB, countB))
                .append(" @@\n");
        for (int k = start; k < end; k++) {
            sb.append(script.get(k).op()).append(script.get(k).text()).append('\n');
        }
    }

    /** diff -u's range: a start line (the line before, for an empty range) and a count when not one. */
    private static String range(int before, int count) {
        int first = count == 0 ? before : before + 1;
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }
}
