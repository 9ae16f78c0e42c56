package io.xp2aso.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.diff.OutputDiff.FileChange;
import io.xp2aso.diff.OutputDiff.Status;
import io.xp2aso.diff.OutputDiff.UnitChange;
import io.xp2aso.model.Severity;

import java.util.List;
import java.util.Map;

/**
 * diff.json, for tools: {@code base}/{@code head} {ref, commit}, {@code summary} (counts), {@code destructive}
 * (each Azure resource deleted or replaced when the change merges), {@code units} (each
 * changed folder with its files' status and unified diff), {@code findings} {new, resolved}, {@code plan}
 * {status, diff, units}, and whether diff.md was {@code truncated}.
 */
public final class DiffJson {
    private static final JsonNodeFactory F = Nodes.FACTORY;

    private DiffJson() {
    }

    public static String render(OutputDiff d, boolean truncated) {
        ObjectNode root = F.objectNode();
        root.put("format", DiffFiles.FORMAT);
        side(root.putObject("base"), d.base());
        side(root.putObject("head"), d.head());
        ObjectNode summary = root.putObject("summary");
        summary.put("destructiveChanges", d.destructive().size());
        summary.put("unitsChanged", d.units().size());
        summary.put("manifestsAdded", d.count(Status.ADDED));
        summary.put("manifestsRemoved", d.count(Status.REMOVED));
        summary.put("manifestsChanged", d.count(Status.CHANGED));
        severities(summary.putObject("newFindings"), d.newFindings());
        severities(summary.putObject("resolvedFindings"), d.resolvedFindings());
        summary.put("plan", d.plan().status().name().toLowerCase());
        ArrayNode destructive = root.putArray("destructive");
        for (DestructiveChange c : d.destructive()) {
            ObjectNode n = destructive.addObject();
            n.put("change", c.kind().name().toLowerCase());
            n.put("unit", c.unit());
            n.put("resource", c.resource());
            n.put("azure", c.azure());
            n.put("reason", c.reason());
            n.put("file", c.file());
            n.put("line", c.line());
        }
        ArrayNode units = root.putArray("units");
        for (UnitChange u : d.units()) {
            ObjectNode n = units.addObject();
            n.put("dir", u.dir());
            n.put("unit", u.unitId());
            n.put("composition", u.composition());
            ArrayNode files = n.putArray("files");
            for (FileChange f : u.files()) {
                ObjectNode fn = files.addObject();
                fn.put("path", f.path());
                fn.put("status", f.status().label());
                fn.put("diff", f.diff());
            }
        }
        ObjectNode findings = root.putObject("findings");
        findings(findings.putArray("new"), d.newFindings());
        findings(findings.putArray("resolved"), d.resolvedFindings());
        ObjectNode plan = root.putObject("plan");
        plan.put("status", d.plan().status().name().toLowerCase());
        plan.put("diff", d.plan().diff());
        ObjectNode pun = plan.putObject("units");
        for (Status s : Status.values()) {
            ArrayNode ids = pun.putArray(s.label());
            d.plan().units().stream().filter(u -> u.status() == s).forEach(u -> ids.add(u.id()));
        }
        root.put("truncated", truncated);
        return Json.write(root);
    }

    private static void side(ObjectNode n, DiffSide s) {
        n.put("ref", s.ref());
        n.put("commit", s.commit());
        n.put("manifests", s.files().keySet().stream().filter(OutputDiffer::isManifest).count());
        severities(n.putObject("findings"), s.findings());
    }

    private static void severities(ObjectNode n, List<DiffFinding> list) {
        for (Map.Entry<Severity, Integer> e : OutputDiff.bySeverity(list).entrySet()) {
            n.put(e.getKey().label(), e.getValue());
        }
    }

    private static void findings(ArrayNode out, List<DiffFinding> list) {
        for (DiffFinding f : list) {
            ObjectNode n = out.addObject();
            n.put("severity", f.severity().label());
            n.put("code", f.code());
            n.put("message", f.message());
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("subject", f.subject());
        }
    }
}
