package io.xp2aso.diff;

import java.util.SortedMap;
import java.util.TreeMap;

/** The files `xp2aso diff` writes: diff.md (the PR comment), diff-full.md, diff.json and diff.sarif. */
public final class DiffFiles {
    public static final String MARKDOWN = "diff.md";
    public static final String JSON = "diff.json";
    public static final String SARIF = "diff.sarif";
    /** diff.json's {@code format}: changes when a field changes meaning. */
    public static final String FORMAT = "xp2aso-diff/v1";

    private DiffFiles() {
    }

    public static SortedMap<String, String> render(OutputDiff d, String toolVersion) {
        DiffMarkdown.Rendered md = DiffMarkdown.render(d);
        SortedMap<String, String> files = new TreeMap<>();
        files.put(MARKDOWN, md.comment());
        files.put(DiffMarkdown.FULL_FILE, md.full());
        files.put(JSON, DiffJson.render(d, md.truncated()));
        files.put(SARIF, DiffSarif.render(d, toolVersion));
        return files;
    }
}
