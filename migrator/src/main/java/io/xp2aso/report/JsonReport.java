package io.xp2aso.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.report.MigrationReport.FindingEntry;
import io.xp2aso.report.MigrationReport.IgnoredEntry;
import io.xp2aso.report.MigrationReport.ResourceEntry;
import io.xp2aso.report.MigrationReport.SkippedEntry;
import io.xp2aso.report.MigrationReport.SourceRef;
import io.xp2aso.report.MigrationReport.TargetRef;
import io.xp2aso.report.MigrationReport.UnitEntry;

import java.util.List;

/**
 * report.json: the machine-readable report. Keys are written in a fixed order so equal runs give equal bytes.
 * Contract keys (stable): summary{claims, composites, managedResources, asoResources, unmappedFields,
 * unsupportedKinds, errors} and resources[]{source{apiVersion, kind, name, file, line},
 * targets[]{apiVersion, kind, namespace, name, azureName}, unmapped[], findings[]{severity, code, message}}.
 */
public final class JsonReport {
    public static final String FORMAT_VERSION = "xp2aso.io/migrate-report/v1";
    private static final JsonNodeFactory F = Nodes.FACTORY;

    private JsonReport() {
    }

    public static String render(MigrationReport r) {
        return PrettyJson.write(tree(r));
    }

    /** {@link #render} streamed into {@code out} (closed when done): the text of a large estate is never whole. */
    public static void write(MigrationReport r, java.io.Writer out) {
        PrettyJson.write(tree(r), out);
    }

    public static ObjectNode tree(MigrationReport r) {
        ObjectNode root = F.objectNode();
        root.put("kind", FORMAT_VERSION);
        ObjectNode s = root.putObject("summary");
        s.put("claims", r.summary().claims());
        s.put("composites", r.summary().composites());
        s.put("managedResources", r.summary().managedResources());
        s.put("asoResources", r.summary().asoResources());
        s.put("unmappedFields", r.summary().unmappedFields());
        s.put("unsupportedKinds", r.summary().unsupportedKinds());
        s.put("errors", r.summary().errors());
        s.put("warnings", r.summary().warnings());
        ArrayNode units = root.putArray("units");
        for (UnitEntry u : r.units()) {
            ObjectNode n = units.addObject();
            n.put("id", u.id());
            n.put("namespace", u.namespace());
            n.put("name", u.name());
            putRef(n, "claim", u.claim());
            putRef(n, "composite", u.composite());
            n.put("composition", u.composition());
            ArrayNode dirs = n.putArray("outputDirs");
            u.outputDirs().forEach(dirs::add);
            putFindings(n, u.findings());
        }
        ArrayNode resources = root.putArray("resources");
        for (ResourceEntry e : r.resources()) {
            ObjectNode n = resources.addObject();
            n.put("unit", e.unit());
            n.put("compositionResourceName", e.compositionResourceName());
            putRef(n, "source", e.source());
            ArrayNode targets = n.putArray("targets");
            for (TargetRef t : e.targets()) {
                ObjectNode tn = targets.addObject();
                tn.put("apiVersion", t.apiVersion());
                tn.put("kind", t.kind());
                tn.put("namespace", t.namespace());
                tn.put("name", t.name());
                tn.put("azureName", t.azureName());
                tn.put("path", t.path());
            }
            ArrayNode unmapped = n.putArray("unmapped");
            e.unmapped().forEach(unmapped::add);
            putFindings(n, e.findings());
        }
        putFindings(root, r.findings());
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedEntry s2 : r.skipped()) {
            ObjectNode n = skipped.addObject();
            n.put("file", s2.file());
            n.put("line", s2.line());
            n.put("reason", s2.reason());
        }
        ArrayNode ignored = root.putArray("ignored");
        for (IgnoredEntry i : r.ignored()) {
            ObjectNode n = ignored.addObject();
            n.put("apiVersion", i.apiVersion());
            n.put("kind", i.kind());
            n.put("namespace", i.namespace());
            n.put("name", i.name());
            n.put("file", i.file());
            n.put("line", i.line());
        }
        return root;
    }

    private static void putRef(ObjectNode parent, String key, SourceRef ref) {
        if (ref == null) {
            parent.putNull(key);
            return;
        }
        ObjectNode n = parent.putObject(key);
        n.put("apiVersion", ref.apiVersion());
        n.put("kind", ref.kind());
        n.put("name", ref.name());
        n.put("file", ref.file());
        n.put("line", ref.line());
    }

    private static void putFindings(ObjectNode parent, List<FindingEntry> findings) {
        ArrayNode a = parent.putArray("findings");
        for (FindingEntry f : findings) {
            ObjectNode n = a.addObject();
            n.put("severity", f.severity().label());
            n.put("code", f.code());
            n.put("message", f.message());
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("subject", f.subject());
        }
    }
}
