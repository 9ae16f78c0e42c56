package io.xp2aso.diff;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One side of a diff: the ref as the user gave it, the commit it resolved to ("" when not from Git), the
 * migrate output (relative path -> content), every finding of the run, the units behind the output folders, and
 * the source files that were read (empty when unknown).
 */
public record DiffSide(String ref, String commit, SortedMap<String, String> files, List<DiffFinding> findings,
                       List<UnitInfo> units, Set<String> sourceFiles, List<ResourceInfo> resources) {
    public DiffSide {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        findings = List.copyOf(findings);
        units = List.copyOf(units);
        commit = commit == null ? "" : commit;
        sourceFiles = Set.copyOf(sourceFiles);
        resources = List.copyOf(resources);
    }

    /** A side whose source MRs' locations are not known (destructive changes then point at the unit). */
    public DiffSide(String ref, String commit, SortedMap<String, String> files, List<DiffFinding> findings,
                    List<UnitInfo> units, Set<String> sourceFiles) {
        this(ref, commit, files, findings, units, sourceFiles, List.of());
    }

    /** A side whose source files are not known: every finding's file is taken to be a source file. */
    public DiffSide(String ref, String commit, SortedMap<String, String> files, List<DiffFinding> findings,
                    List<UnitInfo> units) {
        this(ref, commit, files, findings, units, Set.of(), List.of());
    }

    /** True when a finding's file is one of the files read (or when those are not known). */
    public boolean isSourceFile(String file) {
        return sourceFiles.isEmpty() || sourceFiles.contains(file);
    }

    /**
     * A unit of the run and the ASO folder(s) it was written to; {@code composition} is "" when none; {@code file}
     * and {@code line} locate its claim (else its XR, else its MR), "" and 0 when unknown.
     */
    public record UnitInfo(String id, String composition, List<String> dirs, String file, int line) {
        public UnitInfo {
            dirs = List.copyOf(dirs);
            composition = composition == null ? "" : composition;
            file = file == null ? "" : file;
        }

        public UnitInfo(String id, String composition, List<String> dirs) {
            this(id, composition, dirs, "", 0);
        }
    }

    /**
     * A source MR of the run: its unit, its name in the Composition ("" for an MR outside any Composition), its kind
     * and name, and where it comes from (the Composition's resource for composed MRs).
     */
    public record ResourceInfo(String unit, String resourceName, String kind, String name, String file, int line) {
        public ResourceInfo {
            resourceName = resourceName == null ? "" : resourceName;
            file = file == null ? "" : file;
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
