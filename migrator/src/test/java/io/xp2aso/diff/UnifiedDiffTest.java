package io.xp2aso.diff;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("f.yaml", "a\nb\n", "a\nb\n"));
    }

    @Test
    void changeWithContextAndGitStyleRanges() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n";
        String b = a.replaceFirst("\n3\n", "\nthree\n").replaceFirst("\n18\n", "\n");
        assertEquals("""
                --- a/f.yaml
                +++ b/f.yaml
                @@ -1,6 +1,6 @@
                 1
                 2
                -3
                +three
                 4
                 5
                 6
                @@ -15,6 +15,5 @@
                 15
                 16
                 17
                -18
                 19
                 20
                """, UnifiedDiff.of("f.yaml", a, b));
    }

    @Test
    void nearbyChangesShareOneHunk() {
        String a = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
        String b = "A\nb\nc\nd\ne\nf\ng\nH\ni\n";
        assertEquals("""
                --- a/x
                +++ b/x
                @@ -1,9 +1,9 @@
                -a
                +A
                 b
                 c
                 d
                 e
                 f
                 g
                -h
                +H
                 i
                """, UnifiedDiff.of("x", a, b));
    }

    @Test
    void addedRemovedAndMissingFinalNewline() {
        assertEquals("""
                --- /dev/null
                +++ b/n.yaml
                @@ -0,0 +1,2 @@
                +kind: A
                +name: x
                """, UnifiedDiff.of("n.yaml", null, "kind: A\nname: x\n"));
        assertEquals("""
                --- a/n.yaml
                +++ /dev/null
                @@ -1 +0,0 @@
                -kind: A
                """, UnifiedDiff.of("n.yaml", "kind: A\n", null));
        assertEquals("""
                --- a/n
                +++ b/n
                @@ -1,2 +1,2 @@
                 x
                -y
                \\ No newline at end of file
                +y
                """, UnifiedDiff.of("n", "x\ny", "x\ny\n"));
    }

    @Test
    void randomEditsRoundTripThroughThePatch() {
        Random r = new Random(42);
        for (int round = 0; round < 400; round++) {
            List<String> a = randomLines(r);
            List<String> b = mutate(r, a);
            String ta = String.join("", a);
            String tb = String.join("", b);
            String patch = UnifiedDiff.of("a", "b", ta, tb, r.nextInt(4));
            assertEquals(tb, apply(ta, patch), "round " + round + "\n" + patch);
            List<LineDiff.Edit> edits = LineDiff.diff(UnifiedDiff.lines(ta), UnifiedDiff.lines(tb));
            long changes = edits.stream().filter(e -> e.op() != LineDiff.Op.EQUAL).count();
            assertTrue(changes <= UnifiedDiff.lines(ta).size() + UnifiedDiff.lines(tb).size());
        }
    }

    @Test
    void myersIsMinimalOnAKnownCase() {
        // The classic example: ABCABBA -> CBABAC needs 5 edits.
        List<String> a = List.of("A", "B", "C", "A", "B", "B", "A");
        List<String> b = List.of("C", "B", "A", "B", "A", "C");
        long edits = LineDiff.diff(a, b).stream().filter(e -> e.op() != LineDiff.Op.EQUAL).count();
        assertEquals(5, edits);
    }

    @Test
    void hugeRewritesFallBackToReplaceAll() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < LineDiff.MAX_EDITS; i++) {
            a.add("a" + i + "\n");
            b.add("b" + i + "\n");
        }
        String ta = String.join("", a);
        String tb = String.join("", b);
        assertEquals(tb, apply(ta, UnifiedDiff.of("a", "b", ta, tb, 3)));
    }

    private static List<String> randomLines(Random r) {
        List<String> out = new ArrayList<>();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
            out.add("l" + r.nextInt(8) + "\n");
        }
        if (!out.isEmpty() && r.nextInt(5) == 0) {
            String last = out.remove(out.size() - 1);
            out.add(last.substring(0, last.length() - 1));
        }
        return out;
    }

    private static List<String> mutate(Random r, List<String> a) {
        List<String> b = new ArrayList<>();
        for (String l : a) {
            int c = r.nextInt(6);
            if (c == 0) {
                continue;
            }
            if (c == 1) {
                b.add("new" + r.nextInt(5) + "\n");
            }
            b.add(l.endsWith("\n") || r.nextBoolean() ? l : l + "\n");
        }
        if (r.nextBoolean()) {
            b.add(r.nextInt(b.size() + 1), "tail" + r.nextInt(3) + "\n");
        }
        for (int i = 0; i < b.size() - 1; i++) {
            if (!b.get(i).endsWith("\n")) {
                b.set(i, b.get(i) + "\n");
            }
        }
        return b;
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** Applies a unified diff, checking every context and deleted line against the original. */
    static String apply(String original, String patch) {
        List<String> src = UnifiedDiff.lines(original);
        List<String> lines = UnifiedDiff.lines(patch);
        List<String> out = new ArrayList<>();
        int pos = 0;
        int i = 2;
        while (i < lines.size()) {
            Matcher m = HUNK.matcher(lines.get(i));
            assertTrue(m.lookingAt(), "hunk header expected: " + lines.get(i));
            int aStart = Integer.parseInt(m.group(1));
            int aCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int from = aCount == 0 ? aStart : aStart - 1;
            while (pos < from) {
                out.add(src.get(pos++));
            }
            i++;
            while (i < lines.size() && !lines.get(i).startsWith("@@")) {
                String l = lines.get(i);
                String body = l.substring(1);
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith("\\ No newline")) {
                    body = body.substring(0, body.length() - 1);
                    i++;
                }
                switch (l.charAt(0)) {
                    case ' ' -> {
                        assertEquals(src.get(pos++), body);
                        out.add(body);
                    }
                    case '-' -> assertEquals(src.get(pos++), body);
                    case '+' -> out.add(body);
                    default -> throw new AssertionError("bad line " + l);
                }
                i++;
            }
        }
        while (pos < src.size()) {
            out.add(src.get(pos++));
        }
        return String.join("", out);
    }
}
