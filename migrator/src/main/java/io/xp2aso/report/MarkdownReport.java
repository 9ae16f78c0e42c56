package io.xp2aso.report;

import io.xp2aso.report.MigrationReport.FindingEntry;
import io.xp2aso.report.MigrationReport.IgnoredEntry;
import io.xp2aso.report.MigrationReport.ResourceEntry;
import io.xp2aso.report.MigrationReport.SkippedEntry;
import io.xp2aso.report.MigrationReport.SourceRef;
import io.xp2aso.report.MigrationReport.TargetRef;
import io.xp2aso.report.MigrationReport.UnitEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** report.md: the report for people, rendered from reports/migrate-report.md.mustache. */
public final class MarkdownReport {
    public static final String TEMPLATE = "migrate-report.md.mustache";

    private MarkdownReport() {
    }

    public static String render(MigrationReport r) {
        return Templates.renderMarkdown(TEMPLATE, view(r));
    }

    /** The template's scope: plain maps and lists, every value already a display string. */
    static Map<String, Object> view(MigrationReport r) {
        Map<String, Object> v = new LinkedHashMap<>();
        var s = r.summary();
        v.put("summary", List.of(
                row("Claims", s.claims()), row("Composite resources (XRs)", s.composites()),
                row("Managed resources (MRs)", s.managedResources()), row("ASO resources written", s.asoResources()),
                row("Unmapped fields", s.unmappedFields()), row("Unsupported kinds", s.unsupportedKinds()),
                row("Errors", s.errors()), row("Warnings", s.warnings())));

        Map<String, List<ResourceEntry>> byUnit = new HashMap<>();
        for (ResourceEntry e : r.resources()) {
            byUnit.computeIfAbsent(e.unit(), k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> units = new ArrayList<>(r.units().size());
        for (UnitEntry u : r.units()) {
            units.add(unit(u, byUnit.getOrDefault(u.id(), List.of())));
        }
        v.put("units", units);
        v.put("hasUnits", !units.isEmpty());
        v.put("findings", findings(r.findings()));
        v.put("hasFindings", !r.findings().isEmpty());
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (SkippedEntry e : r.skipped()) {
            skipped.add(Map.of("location", location(e.file(), e.line()), "reason", e.reason()));
        }
        v.put("skipped", skipped);
        v.put("hasSkipped", !skipped.isEmpty());
        List<Map<String, Object>> ignored = new ArrayList<>();
        for (IgnoredEntry e : r.ignored()) {
            ignored.add(Map.of("object", e.kind() + " " + (e.namespace().isEmpty() ? "" : e.namespace() + "/") + e.name(),
                    "apiVersion", e.apiVersion(), "location", location(e.file(), e.line())));
        }
        v.put("ignored", ignored);
        v.put("hasIgnored", !ignored.isEmpty());
        return v;
    }

    /** What ASO does to an unmapped field, as its finding says after "; ASO: " (null when it says nothing). */
    private static String outcome(ResourceEntry e, String path) {
        String prefix = "forProvider." + path + " ";
        for (FindingEntry f : e.findings()) {
            int at = f.message().indexOf("; ASO: ");
            if (f.code().equals(SarifReport.UNMAPPED_RULE) && f.message().startsWith(prefix) && at > 0) {
                return f.message().substring(at + "; ASO: ".length());
            }
        }
        return null;
    }

    private static Map<String, Object> unit(UnitEntry u, List<ResourceEntry> resources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("claim", u.claim() == null ? null : ref(u.claim()));
        m.put("composite", u.composite() == null ? null : ref(u.composite()));
        m.put("composition", u.composition() == null || u.composition().isEmpty() ? null : u.composition());
        m.put("outputDirs", u.outputDirs().isEmpty() ? null : String.join(", ", u.outputDirs()));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> unmapped = new ArrayList<>();
        List<FindingEntry> findings = new ArrayList<>(u.findings());
        for (ResourceEntry e : resources) {
            Map<String, Object> row = new LinkedHashMap<>();
            String name = e.source().name().isEmpty() ? "(name set by Crossplane)" : e.source().name();
            row.put("source", e.source().kind() + " " + name);
            row.put("resourceName", e.compositionResourceName().isEmpty() ? null : e.compositionResourceName());
            row.put("apiVersion", e.source().apiVersion());
            row.put("location", location(e.source().file(), e.source().line()));
            List<String> targets = new ArrayList<>();
            List<String> azureNames = new ArrayList<>();
            for (TargetRef t : e.targets()) {
                targets.add(t.kind() + " " + t.namespace() + "/" + t.name());
                azureNames.add(t.azureName());
            }
            row.put("targets", targets.isEmpty() ? "none" : String.join(", ", targets));
            row.put("azureNames", String.join(", ", azureNames));
            rows.add(row);
            for (String path : e.unmapped()) {
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("source", e.source().kind() + " " + name);
                field.put("path", path);
                field.put("aso", outcome(e, path));
                unmapped.add(field);
            }
            for (FindingEntry f : e.findings()) {
                // Unmapped-field findings repeat the "Unmapped fields" list above them.
                if (!(f.code().equals(SarifReport.UNMAPPED_RULE) && !e.unmapped().isEmpty())) {
                    findings.add(f);
                }
            }
        }
        m.put("resources", rows);
        m.put("hasResources", !rows.isEmpty());
        m.put("unmapped", unmapped);
        m.put("hasUnmapped", !unmapped.isEmpty());
        m.put("findings", findings(findings));
        m.put("hasFindings", !findings.isEmpty());
        return m;
    }

    private static List<Map<String, Object>> findings(List<FindingEntry> findings) {
        List<Map<String, Object>> out = new ArrayList<>(findings.size());
        for (FindingEntry f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().label());
            m.put("code", f.code());
            m.put("message", f.message());
            m.put("location", location(f.file(), f.line()));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> row(String label, int value) {
        return Map.of("label", label, "value", Integer.toString(value));
    }

    private static String ref(SourceRef r) {
        String where = r.file() == null || r.file().startsWith("<") ? "" : " (" + location(r.file(), r.line()) + ")";
        return r.kind() + " " + r.name() + where;
    }

    private static String location(String file, int line) {
        return line > 0 ? file + ":" + line : file;
    }
}
