package io.xp2aso.diff;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One side of a diff: the ref as the user gave it, the commit it resolved to ("" when not from Git), the
 * migrate output (relative path -> content), every finding of the run, and the units behind the output folders.
 */
public record DiffSide(String ref, String commit, SortedMap<String, String> files, List<DiffFinding> findings,
                       List<UnitInfo> units) {
    public DiffSide {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        findings = List.copyOf(findings);
        units = List.copyOf(units);
        commit = commit == null ? "" : commit;
    }

    /** A unit of the run and the ASO folder(s) it was written to; {@code composition} is "" when none. */
    public record UnitInfo(String id, String composition, List<String> dirs) {
        public UnitInfo {
            dirs = List.copyOf(dirs);
            composition = composition == null ? "" : composition;
        }
    }

    /** "ref (abc1234)" or "ref". */
    public String label() {
        return commit.isEmpty() ? ref : ref + " (" + shortCommit() + ")";
    }

    public String shortCommit() {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
