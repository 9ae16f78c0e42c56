package io.xp2aso.mapping;

import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The upjet ↔ ASO kind crosswalk (a TSV: upjet_group, upjet_kind, ..., match, note): which upjet kinds have an ASO
 * home. {@link #byGroup} counts, per upjet group, the kinds the catalog maps, the mappable kinds (match
 * {@code exact-arm} or {@code merged-into-parent}) and all kinds. "Mapped" is {@link MappingCatalog#hasMapping},
 * the test `scan` uses to count the MRs that can move, so both figures rest on the same data.
 */
public record Crosswalk(List<Row> rows) {
    /** The matches with an ASO home. */
    public static final Set<String> MAPPABLE = Set.of("exact-arm", "merged-into-parent");
    private static final List<String> REQUIRED = List.of("upjet_group", "upjet_kind", "match");

    public record Row(String group, String kind, String match, String note) {
        public boolean mappable() {
            return MAPPABLE.contains(match);
        }
    }

    /** One line of {@link #byGroup}. */
    public record GroupCount(String group, int mapped, int mappable, int total) {
    }

    public Crosswalk {
        rows = List.copyOf(rows);
    }

    /** Reads the TSV; a missing column or a short line is an {@link InputException} naming file:line. */
    public static Crosswalk read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(new Origin(file.toString(), 0), "cannot read the crosswalk: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new InputException(new Origin(file.toString(), 1), "empty crosswalk: expected a header line");
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int[] col = new int[REQUIRED.size()];
        for (int i = 0; i < REQUIRED.size(); i++) {
            col[i] = header.indexOf(REQUIRED.get(i));
            if (col[i] < 0) {
                throw new InputException(new Origin(file.toString(), 1), "the crosswalk header has no column `"
                        + REQUIRED.get(i) + "` (columns: " + String.join(", ", header) + ")");
            }
        }
        int note = header.indexOf("note");
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            for (int c : col) {
                if (c >= f.length || f[c].isBlank()) {
                    throw new InputException(new Origin(file.toString(), n + 1), "the crosswalk line has no value in column `"
                            + header.get(c) + "`");
                }
            }
            rows.add(new Row(f[col[0]].trim(), f[col[1]].trim(), f[col[2]].trim(),
                    note >= 0 && note < f.length ? f[note].trim() : ""));
        }
        return new Crosswalk(rows);
    }

    /** Per upjet group (sorted): kinds the catalog maps, mappable kinds, all kinds. */
    public List<GroupCount> byGroup(MappingCatalog catalog) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Row r : rows) {
            int[] c = counts.computeIfAbsent(r.group(), g -> new int[3]);
            if (catalog.hasMapping(r.group(), r.kind())) {
                c[0]++;
            }
            if (r.mappable()) {
                c[1]++;
            }
            c[2]++;
        }
        List<GroupCount> out = new ArrayList<>();
        counts.forEach((g, c) -> out.add(new GroupCount(g, c[0], c[1], c[2])));
        return out;
    }
}
