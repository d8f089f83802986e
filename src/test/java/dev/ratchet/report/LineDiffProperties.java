package dev.ratchet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class LineDiffProperties {

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    @Property(tries = 300)
    void applying_the_unified_diff_to_a_gives_b(
            @ForAll @Size(max = 14) List<@StringLength(max = 1) @Chars({'a', 'b', 'c'}) String> a,
            @ForAll @Size(max = 14) List<@StringLength(max = 1) @Chars({'a', 'b', 'c'}) String> b) {
        String textA = String.join("\n", a);
        String textB = String.join("\n", b);
        String diff = LineDiff.unified(textA, textB, "a", "b");
        assertEquals(LineDiff.lines(textB), apply(LineDiff.lines(textA), diff), diff);
    }

    @Property(tries = 300)
    void the_edit_script_keeps_a_longest_common_subsequence(
            @ForAll @Size(max = 10) List<@StringLength(min = 1, max = 1) @Chars({'a', 'b'}) String> a,
            @ForAll @Size(max = 10) List<@StringLength(min = 1, max = 1) @Chars({'a', 'b'}) String> b) {
        List<LineDiff.Line> script = LineDiff.edits(a, b);
        assertEquals(
                a,
                script.stream()
                        .filter(l -> l.op() != '+')
                        .map(LineDiff.Line::text)
                        .toList());
        assertEquals(
                b,
                script.stream()
                        .filter(l -> l.op() != '-')
                        .map(LineDiff.Line::text)
                        .toList());
        long kept = script.stream().filter(l -> l.op() == ' ').count();
        assertEquals(lcs(a, b), kept, "a shortest script keeps every line it can");
    }

    @Property(tries = 100)
    void equal_texts_have_an_empty_diff(@ForAll @Size(max = 10) List<@StringLength(max = 3) String> a) {
        String text = String.join("\n", a);
        assertTrue(LineDiff.unified(text, text, "a", "b").isEmpty());
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }

    /** A strict patch: every context and removed line must match a at the hunk's stated position. */
    static List<String> apply(List<String> a, String diff) {
        List<String> out = new ArrayList<>();
        int p = 0;
        List<String> lines = diff.isEmpty() ? List.of() : List.of(diff.split("\n", -1));
        for (int k = 2; k < lines.size(); k++) {
            String line = lines.get(k);
            Matcher m = HUNK.matcher(line);
            if (m.matches()) {
                int start = Integer.parseInt(m.group(1));
                int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int target = count == 0 ? start : start - 1;
                while (p < target) {
                    out.add(a.get(p++));
                }
            } else if (line.startsWith(" ") || line.startsWith("-")) {
                assertEquals(a.get(p), line.substring(1), "line " + (p + 1) + " of a");
                if (line.startsWith(" ")) {
                    out.add(a.get(p));
                }
                p++;
            } else if (line.startsWith("+")) {
                out.add(line.substring(1));
            }
        }
        while (p < a.size()) {
            out.add(a.get(p++));
        }
        return out;
    }
}
