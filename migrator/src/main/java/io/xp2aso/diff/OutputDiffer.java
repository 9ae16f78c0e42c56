package io.xp2aso.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.diff.OutputDiff.FileChange;
import io.xp2aso.diff.OutputDiff.PlanChange;
import io.xp2aso.diff.OutputDiff.PlanStatus;
import io.xp2aso.diff.OutputDiff.Status;
import io.xp2aso.diff.OutputDiff.UnitChange;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.source.Yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares the migrate outputs of two refs. Pure: the same two sides always give the same {@link OutputDiff}. */
public final class OutputDiffer {
    public static final String ASO_ROOT = "aso/";
    public static final String KUSTOMIZATION = "kustomization.yaml";
    public static final String PLAN = "handoff/plan.json";

    private OutputDiffer() {
    }

    public static OutputDiff compare(DiffSide base, DiffSide head) {
        return new OutputDiff(base, head, units(base, head), subtract(head.findings(), base.findings()),
                subtract(base.findings(), head.findings()), plan(base.files().get(PLAN), head.files().get(PLAN)));
    }

    /**
     * The ASO manifests of an output: files under aso/ except the kustomizations, which only list the manifests
     * beside them and would repeat every addition and removal.
     */
    public static boolean isManifest(String path) {
        return path.startsWith(ASO_ROOT) && path.endsWith(".yaml") && !fileName(path).equals(KUSTOMIZATION);
    }

    private static List<UnitChange> units(DiffSide base, DiffSide head) {
        TreeSet<String> paths = new TreeSet<>();
        base.files().keySet().stream().filter(OutputDiffer::isManifest).forEach(paths::add);
        head.files().keySet().stream().filter(OutputDiffer::isManifest).forEach(paths::add);
        SortedMap<String, List<FileChange>> byDir = new TreeMap<>();
        for (String p : paths) {
            String before = base.files().get(p);
            String after = head.files().get(p);
            Status status;
            if (before == null) {
                status = Status.ADDED;
            } else if (after == null) {
                status = Status.REMOVED;
            } else if (substance(before).equals(substance(after))) {
                continue;
            } else {
                status = Status.CHANGED;
            }
            byDir.computeIfAbsent(dir(p), d -> new ArrayList<>())
                    .add(new FileChange(p, status, before, after, UnifiedDiff.of(p, before, after)));
        }
        Map<String, DiffSide.UnitInfo> unitOf = new HashMap<>();
        for (DiffSide side : List.of(base, head)) {
            // Head last: when a folder exists on both sides, the head's unit and Composition are the current ones.
            for (DiffSide.UnitInfo u : side.units()) {
                for (String d : u.dirs()) {
                    unitOf.put(trimSlash(d), u);
                }
            }
        }
        List<UnitChange> out = new ArrayList<>();
        for (Map.Entry<String, List<FileChange>> e : byDir.entrySet()) {
            DiffSide.UnitInfo u = unitOf.get(e.getKey());
            String id = u != null ? u.id() : e.getKey().startsWith(ASO_ROOT) ? e.getKey().substring(ASO_ROOT.length()) : e.getKey();
            out.add(new UnitChange(e.getKey(), id, u == null ? "" : u.composition(), e.getValue()));
        }
        return out;
    }

    /**
     * A manifest's content without its provenance: the leading comment lines and the {@code xp2aso.io/source-file}
     * annotation name the source file and line, which move whenever lines are added above the object, while the
     * manifest itself stays the same.
     */
    static String substance(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '#') {
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                return "";
            }
            i = nl + 1;
        }
        StringBuilder sb = new StringBuilder(text.length() - i);
        for (String line : UnifiedDiff.lines(text.substring(i))) {
            // The source-file annotation holds the same file:line as the header.
            if (!line.stripLeading().startsWith(Mapper.SOURCE_FILE + ":")) {
                sb.append(line);
            }
        }
        return sb.toString();
    }

    /** Findings of {@code from} that {@code minus} does not have, counting duplicates (a multiset difference). */
    static List<DiffFinding> subtract(List<DiffFinding> from, List<DiffFinding> minus) {
        Map<String, Integer> left = new HashMap<>();
        for (DiffFinding f : minus) {
            left.merge(f.key(), 1, Integer::sum);
        }
        List<DiffFinding> out = new ArrayList<>();
        for (DiffFinding f : from) {
            Integer n = left.get(f.key());
            if (n != null && n > 0) {
                left.put(f.key(), n - 1);
            } else {
                out.add(f);
            }
        }
        out.sort(DiffFinding.ORDER);
        return out;
    }

    static PlanChange plan(String before, String after) {
        if (before == null && after == null) {
            return new PlanChange(PlanStatus.ABSENT, "");
        }
        String a = before == null ? null : canonical(before);
        String b = after == null ? null : canonical(after);
        PlanStatus status = before == null ? PlanStatus.ADDED : after == null ? PlanStatus.REMOVED
                : a.equals(b) ? PlanStatus.UNCHANGED : PlanStatus.CHANGED;
        return new PlanChange(status, status == PlanStatus.UNCHANGED ? "" : UnifiedDiff.of(PLAN, a, b));
    }

    /** The plan pretty-printed the same way on both sides, so the diff shows content, not formatting. */
    private static String canonical(String json) {
        try {
            JsonNode n = Yaml.JSON.readTree(json);
            return n == null ? json : Json.write(n);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    /** Unit ids in the plan's {@code units} array that were added, removed or changed; empty when it has none. */
    public static PlanUnits planUnits(String before, String after) {
        Map<String, JsonNode> a = unitsById(before);
        Map<String, JsonNode> b = unitsById(after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        for (String id : ids) {
            if (!a.containsKey(id)) {
                added.add(id);
            } else if (!b.containsKey(id)) {
                removed.add(id);
            } else if (!a.get(id).equals(b.get(id))) {
                changed.add(id);
            }
        }
        return new PlanUnits(added, removed, changed);
    }

    public record PlanUnits(List<String> added, List<String> removed, List<String> changed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private static Map<String, JsonNode> unitsById(String json) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (json == null) {
            return out;
        }
        try {
            JsonNode n = Yaml.JSON.readTree(json);
            if (n != null) {
                for (JsonNode u : n.path("units")) {
                    String id = u.path("id").asText("");
                    if (!id.isEmpty()) {
                        out.put(id, u);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // Not JSON: no per-unit summary, the text diff still shows the change.
        }
        return out;
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String trimSlash(String d) {
        return d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
    }
}
