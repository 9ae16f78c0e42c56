package io.xp2aso.diff;

import java.util.ArrayList;
import java.util.List;

/** Unified diffs of texts, as `git diff` prints them: ---/+++ headers, @@ hunks with context lines. */
public final class UnifiedDiff {
    public static final int CONTEXT = 3;
    public static final String NO_FILE = "/dev/null";

    private UnifiedDiff() {
    }

    /**
     * The unified diff from {@code before} to {@code after} (null for a file that does not exist on that side),
     * or "" when they are equal. Paths are shown as {@code a/PATH} and {@code b/PATH}.
     */
    public static String of(String path, String before, String after) {
        return of(before == null ? NO_FILE : "a/" + path, after == null ? NO_FILE : "b/" + path,
                before == null ? "" : before, after == null ? "" : after, CONTEXT);
    }

    public static String of(String nameA, String nameB, String a, String b, int context) {
        if (a.equals(b) && !nameA.equals(NO_FILE) && !nameB.equals(NO_FILE)) {
            return "";
        }
        List<String> la = lines(a);
        List<String> lb = lines(b);
        List<LineDiff.Edit> edits = LineDiff.diff(la, lb);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(nameA).append('\n');
        out.append("+++ ").append(nameB).append('\n');
        int i = 0;
        while (i < edits.size()) {
            int firstChange = nextChange(edits, i);
            if (firstChange < 0) {
                break;
            }
            int start = Math.max(i, firstChange - context);
            // Extend the hunk while the next change is close enough for the contexts to touch.
            int end = lastOfRun(edits, firstChange);
            while (true) {
                int next = nextChange(edits, end + 1);
                if (next < 0 || next - end - 1 > 2 * context) {
                    break;
                }
                end = lastOfRun(edits, next);
            }
            int stop = Math.min(edits.size(), end + 1 + context);
            appendHunk(out, edits.subList(start, stop), la, lb, aBefore(edits, start), bBefore(edits, start));
            i = stop;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<LineDiff.Edit> hunk, List<String> la, List<String> lb,
                                   int aStart, int bStart) {
        int aCount = 0;
        int bCount = 0;
        for (LineDiff.Edit e : hunk) {
            if (e.op() != LineDiff.Op.INSERT) {
                aCount++;
            }
            if (e.op() != LineDiff.Op.DELETE) {
                bCount++;
            }
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
        for (LineDiff.Edit e : hunk) {
            switch (e.op()) {
                case EQUAL -> line(out, ' ', la.get(e.a()));
                case DELETE -> line(out, '-', la.get(e.a()));
                case INSERT -> line(out, '+', lb.get(e.b()));
            }
        }
    }

    /** "start,count" with start 1-based; an empty range names the line before it; ",1" is left out as git does. */
    private static String range(int linesBefore, int count) {
        if (count == 0) {
            return linesBefore + ",0";
        }
        return count == 1 ? String.valueOf(linesBefore + 1) : (linesBefore + 1) + "," + count;
    }

    private static void line(StringBuilder out, char prefix, String line) {
        out.append(prefix);
        if (line.endsWith("\n")) {
            out.append(line);
        } else {
            out.append(line).append("\n\\ No newline at end of file\n");
        }
    }

    private static int nextChange(List<LineDiff.Edit> edits, int from) {
        for (int i = from; i < edits.size(); i++) {
            if (edits.get(i).op() != LineDiff.Op.EQUAL) {
                return i;
            }
        }
        return -1;
    }

    private static int lastOfRun(List<LineDiff.Edit> edits, int i) {
        while (i + 1 < edits.size() && edits.get(i + 1).op() != LineDiff.Op.EQUAL) {
            i++;
        }
        return i;
    }

    private static int aBefore(List<LineDiff.Edit> edits, int index) {
        int c = 0;
        for (int i = 0; i < index; i++) {
            if (edits.get(i).op() != LineDiff.Op.INSERT) {
                c++;
            }
        }
        return c;
    }

    private static int bBefore(List<LineDiff.Edit> edits, int index) {
        int c = 0;
        for (int i = 0; i < index; i++) {
            if (edits.get(i).op() != LineDiff.Op.DELETE) {
                c++;
            }
        }
        return c;
    }

    /** Splits text into lines that keep their "\n", so a missing final newline is a difference of its own. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, nl + 1));
            start = nl + 1;
        }
        return out;
    }
}
