package io.xp2aso.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shortest edit script between two lists of lines (Myers' O(ND) algorithm). Common head and tail are
 * trimmed first. When the two sides differ in more than {@link #MAX_EDITS} lines, the middle is reported
 * as "delete all, insert all": still a correct diff, just not a minimal one, and bounded in memory.
 */
public final class LineDiff {
    static final int MAX_EDITS = 4000;

    private LineDiff() {
    }

    public enum Op { EQUAL, DELETE, INSERT }

    /** One line of the edit script: {@code a}/{@code b} are 0-based line indexes on each side (-1 when absent). */
    public record Edit(Op op, int a, int b) {
    }

    public static List<Edit> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int head = 0;
        while (head < n && head < m && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && a.get(n - 1 - tail).equals(b.get(m - 1 - tail))) {
            tail++;
        }
        List<Edit> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Edit(Op.EQUAL, i, i));
        }
        List<String> am = a.subList(head, n - tail);
        List<String> bm = b.subList(head, m - tail);
        List<Edit> middle = myers(am, bm);
        if (middle == null) {
            middle = new ArrayList<>();
            for (int i = 0; i < am.size(); i++) {
                middle.add(new Edit(Op.DELETE, i, -1));
            }
            for (int j = 0; j < bm.size(); j++) {
                middle.add(new Edit(Op.INSERT, -1, j));
            }
        }
        for (Edit e : middle) {
            out.add(new Edit(e.op(), e.a() < 0 ? -1 : e.a() + head, e.b() < 0 ? -1 : e.b() + head));
        }
        for (int i = 0; i < tail; i++) {
            out.add(new Edit(Op.EQUAL, n - tail + i, m - tail + i));
        }
        return out;
    }

    /** Myers' greedy forward search, keeping each round's frontier for the walk back; null past MAX_EDITS. */
    private static List<Edit> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        if (max == 0) {
            return new ArrayList<>();
        }
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= Math.min(max, MAX_EDITS); d++) {
            // Snapshot of the frontier before round d, for diagonals -(d+1) .. d+1.
            int[] snap = new int[2 * d + 3];
            System.arraycopy(v, offset - d - 1, snap, 0, snap.length);
            trace.add(snap);
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
            if (found >= 0) {
                break;
            }
        }
        if (found < 0) {
            return null;
        }
        List<Edit> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d >= 0; d--) {
            int[] snap = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && at(snap, d, k - 1) < at(snap, d, k + 1))) ? k + 1 : k - 1;
            int prevX = at(snap, d, prevK);
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                rev.add(new Edit(Op.EQUAL, x - 1, y - 1));
                x--;
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    rev.add(new Edit(Op.INSERT, -1, y - 1));
                } else {
                    rev.add(new Edit(Op.DELETE, x - 1, -1));
                }
            }
            x = prevX;
            y = prevY;
        }
        Collections.reverse(rev);
        return rev;
    }

    private static int at(int[] snap, int d, int k) {
        return snap[k + d + 1];
    }
}
