package io.xp2aso.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.diff.OutputDiff.FileChange;
import io.xp2aso.diff.OutputDiff.PlanChange;
import io.xp2aso.diff.OutputDiff.PlanStatus;
import io.xp2aso.diff.OutputDiff.PlanUnitChange;
import io.xp2aso.diff.OutputDiff.Status;
import io.xp2aso.diff.OutputDiff.UnitChange;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.source.Yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares the migrate outputs of two refs. Pure: the same two sides always give the same {@link OutputDiff}. */
public final class OutputDiffer {
    public static final String ASO_ROOT = "aso/";
    public static final String KUSTOMIZATION = "kustomization.yaml";
    public static final String PLAN = "handoff/plan.json";

    private OutputDiffer() {
    }

    public static OutputDiff compare(DiffSide base, DiffSide head) {
        DestructiveChanges.Result destructive = DestructiveChanges.find(base, head);
        // A renamed MR keeps its findings: they match under the new name, instead of showing as new and resolved.
        Function<DiffFinding, String> baseKey = f -> renamed(f, destructive.renames()).key();
        return new OutputDiff(base, head, units(base, head),
                subtract(head.findings(), DiffFinding::key, base.findings(), baseKey),
                subtract(base.findings(), baseKey, head.findings(), DiffFinding::key),
                plan(base.files().get(PLAN), head.files().get(PLAN)), destructive.changes());
    }

    /** The finding with each renamed MR or unit named as at head (whole names only). */
    static DiffFinding renamed(DiffFinding f, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return f;
        }
        return new DiffFinding(f.severity(), f.code(), replaceNames(f.message(), renames), f.file(), f.line(),
                renamedSubject(f.subject(), renames));
    }

    /** A subject is KIND/NAME (or a unit's NAMESPACE/NAME): its last segment is a whole name. */
    private static String renamedSubject(String subject, Map<String, String> renames) {
        int slash = subject.lastIndexOf('/');
        String to = renames.get(subject.substring(slash + 1));
        return to == null ? replaceNames(subject, renames) : subject.substring(0, slash + 1) + to;
    }

    private static String replaceNames(String text, Map<String, String> renames) {
        String out = text;
        for (Map.Entry<String, String> e : renames.entrySet()) {
            out = out.replaceAll("(?<![A-Za-z0-9._/-])" + Pattern.quote(e.getKey()) + "(?![A-Za-z0-9._-])",
                    Matcher.quoteReplacement(e.getValue()));
        }
        return out;
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
        return subtract(from, DiffFinding::key, minus, DiffFinding::key);
    }

    private static List<DiffFinding> subtract(List<DiffFinding> from, Function<DiffFinding, String> fromKey,
                                              List<DiffFinding> minus, Function<DiffFinding, String> minusKey) {
        Map<String, Integer> left = new HashMap<>();
        for (DiffFinding f : minus) {
            left.merge(minusKey.apply(f), 1, Integer::sum);
        }
        List<DiffFinding> out = new ArrayList<>();
        for (DiffFinding f : from) {
            String key = fromKey.apply(f);
            Integer n = left.get(key);
            if (n != null && n > 0) {
                left.put(key, n - 1);
            } else {
                out.add(f);
            }
        }
        out.sort(DiffFinding.ORDER);
        return out;
    }

    /**
     * The plan's change, in readable form: its settings and each unit as YAML with the steps' commands as literal
     * blocks (see {@link PlanUnitText}); a unit whose only change is provenance is unchanged.
     */
    static PlanChange plan(String before, String after) {
        if (before == null && after == null) {
            return new PlanChange(PlanStatus.ABSENT, "", List.of());
        }
        JsonNode a = PlanUnitText.parse(before);
        JsonNode b = PlanUnitText.parse(after);
        if ((before != null && a == null) || (after != null && b == null)) {
            // Not JSON (never written by migrate): the text itself is all there is to compare.
            PlanStatus status = before == null ? PlanStatus.ADDED : after == null ? PlanStatus.REMOVED
                    : before.equals(after) ? PlanStatus.UNCHANGED : PlanStatus.CHANGED;
            return new PlanChange(status, status == PlanStatus.UNCHANGED ? "" : UnifiedDiff.of(PLAN, before, after),
                    List.of());
        }
        StringBuilder all = new StringBuilder();
        String sa = a == null ? null : PlanUnitText.settings(a);
        String sb = b == null ? null : PlanUnitText.settings(b);
        if (!Objects.equals(sa, sb)) {
            all.append(UnifiedDiff.of(PLAN + " (settings)", sa, sb));
        }
        Map<String, JsonNode> na = units(a);
        Map<String, JsonNode> nb = units(b);
        Map<String, String> ua = new TreeMap<>();
        Map<String, String> ub = new TreeMap<>();
        na.forEach((id, u) -> ua.put(id, PlanUnitText.of(u)));
        nb.forEach((id, u) -> ub.put(id, PlanUnitText.of(u)));
        TreeSet<String> ids = new TreeSet<>(ua.keySet());
        ids.addAll(ub.keySet());
        List<PlanUnitChange> units = new ArrayList<>();
        for (String id : ids) {
            String x = ua.get(id);
            String y = ub.get(id);
            if (Objects.equals(x, y)) {
                continue;
            }
            String diff = UnifiedDiff.of(PLAN + " unit " + id, x, y);
            Status st = x == null ? Status.ADDED : y == null ? Status.REMOVED : Status.CHANGED;
            String summary = st == Status.CHANGED ? "" : PlanUnitText.summary(x == null ? nb.get(id) : na.get(id));
            units.add(new PlanUnitChange(id, st, diff, summary));
            all.append(diff);
        }
        PlanStatus status = before == null ? PlanStatus.ADDED : after == null ? PlanStatus.REMOVED
                : all.length() == 0 ? PlanStatus.UNCHANGED : PlanStatus.CHANGED;
        return new PlanChange(status, all.toString(), units);
    }

    private static Map<String, JsonNode> units(JsonNode plan) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (plan == null) {
            return out;
        }
        int n = 0;
        for (JsonNode u : plan.path("units")) {
            String id = u.path("id").asText("");
            out.put(id.isEmpty() ? "#" + n : id, u);
            n++;
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
