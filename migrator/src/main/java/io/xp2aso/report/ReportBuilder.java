package io.xp2aso.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;
import io.xp2aso.report.MigrationReport.FindingEntry;
import io.xp2aso.report.MigrationReport.IgnoredEntry;
import io.xp2aso.report.MigrationReport.ResourceEntry;
import io.xp2aso.report.MigrationReport.SkippedEntry;
import io.xp2aso.report.MigrationReport.SourceRef;
import io.xp2aso.report.MigrationReport.Summary;
import io.xp2aso.report.MigrationReport.TargetRef;
import io.xp2aso.report.MigrationReport.UnitEntry;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import io.xp2aso.source.SourceSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the format-independent {@link MigrationReport} from the mapped units, in one pass over them. */
public final class ReportBuilder {
    /** The finding code a mapper uses for an MR kind the catalog has no mapping for. */
    public static final String UNSUPPORTED_KIND = "unsupported-kind";

    private final DisplayPaths paths;

    public ReportBuilder(DisplayPaths paths) {
        this.paths = paths;
    }

    /**
     * @param mapped      every unit with its MRs and their targets
     * @param pathOf      the output file of each target (by identity); targets absent here were not written
     * @param dirsOf      the output folders of each unit
     * @param global      findings not tied to one unit or resource (compose, map, layout, extra producers)
     * @param skipped     inputs that were not Kubernetes objects
     * @param ignored     objects that play no role in the migration
     */
    public MigrationReport build(MappingResult mapped, Map<ObjectNode, String> pathOf,
                                 Map<MappedUnit, List<String>> dirsOf, List<Finding> global,
                                 List<SourceSet.SkippedInput> skipped, List<Manifest> ignored) {
        // Each unit's entries depend on that unit alone: made on every core, added up in unit order.
        List<UnitPart> parts = mapped.units().parallelStream().map(mu -> part(mu, pathOf, dirsOf)).toList();
        List<UnitEntry> units = new ArrayList<>(parts.size());
        List<ResourceEntry> resources = new ArrayList<>();
        Set<String> unsupported = new HashSet<>();
        int claims = 0;
        int composites = 0;
        int managed = 0;
        int aso = 0;
        int unmapped = 0;
        int errors = 0;
        int warnings = 0;
        for (UnitPart p : parts) {
            units.add(p.unit());
            resources.addAll(p.resources());
            unsupported.addAll(p.unsupported());
            claims += p.claims();
            composites += p.composites();
            managed += p.managed();
            aso += p.aso();
            unmapped += p.unmapped();
            errors += p.errors();
            warnings += p.warnings();
        }
        errors += count(global, Severity.ERROR);
        warnings += count(global, Severity.WARNING);

        List<SkippedEntry> skippedEntries = new ArrayList<>(skipped.size());
        for (SourceSet.SkippedInput s : skipped) {
            skippedEntries.add(new SkippedEntry(paths.file(s.origin()), s.origin().line(), s.reason()));
        }
        List<IgnoredEntry> ignoredEntries = new ArrayList<>(ignored.size());
        for (Manifest m : ignored) {
            ignoredEntries.add(new IgnoredEntry(m.apiVersion(), m.kind(), m.namespace(), m.name(),
                    paths.file(m.origin()), m.origin().line()));
        }
        Summary summary = new Summary(claims, composites, managed, aso, unmapped, unsupported.size(), errors, warnings);
        return new MigrationReport(summary, units, resources, entries(global), skippedEntries, ignoredEntries);
    }

    /** One unit's entries and counts. */
    private record UnitPart(UnitEntry unit, List<ResourceEntry> resources, Set<String> unsupported, int claims,
                            int composites, int managed, int aso, int unmapped, int errors, int warnings) {
    }

    private UnitPart part(MappedUnit mu, Map<ObjectNode, String> pathOf, Map<MappedUnit, List<String>> dirsOf) {
        var u = mu.unit();
        List<FindingEntry> unitFindings = entries(u.findings());
        int errors = count(u.findings(), Severity.ERROR);
        int warnings = count(u.findings(), Severity.WARNING);
        UnitEntry unit = new UnitEntry(u.id(), u.namespace(), u.name(), u.claim() == null ? null : ref(u.claim()),
                compositeRef(u.composite(), u.compositeSource(), u.claim()), u.composition(),
                dirsOf.getOrDefault(mu, List.of()), unitFindings);
        List<ResourceEntry> resources = new ArrayList<>(mu.resources().size());
        Set<String> unsupported = new HashSet<>();
        int aso = 0;
        int unmapped = 0;
        // Azure MRs only: a composed ProviderConfig, Usage or nested XR is listed (and blocks its unit) but is no MR.
        int managed = 0;
        for (MappedResource r : mu.resources()) {
            if (Estate.isAzureGroup(group(r.source()))) {
                managed++;
            }
            List<TargetRef> targets = new ArrayList<>(r.targets().size());
            for (ObjectNode t : r.targets()) {
                String path = pathOf.get(t);
                if (path != null) {
                    targets.add(target(t, path));
                    aso++;
                }
            }
            unmapped += r.unmapped().size();
            errors += count(r.findings(), Severity.ERROR);
            warnings += count(r.findings(), Severity.WARNING);
            for (Finding f : r.findings()) {
                if (f.code().equals(UNSUPPORTED_KIND)) {
                    unsupported.add(group(r.source()) + "/" + r.source().object().path("kind").asText(""));
                }
            }
            resources.add(new ResourceEntry(u.id(), r.source().resourceName() == null ? "" : r.source().resourceName(),
                    source(r.source()), targets, r.unmapped(), entries(r.findings())));
        }
        return new UnitPart(unit, resources, unsupported, u.claim() != null ? 1 : 0, u.composite() != null ? 1 : 0, managed, aso,
                unmapped, errors, warnings);
    }

    /** The highest severity in the run: unmapped fields count as {@link Severity#UNMAPPED}. Null when none. */
    public static Severity highest(MappingResult mapped, List<Finding> global) {
        Severity top = null;
        for (Finding f : global) {
            top = max(top, f.severity());
        }
        for (MappedUnit mu : mapped.units()) {
            for (Finding f : mu.unit().findings()) {
                top = max(top, f.severity());
            }
            for (MappedResource r : mu.resources()) {
                for (Finding f : r.findings()) {
                    top = max(top, f.severity());
                }
                if (!r.unmapped().isEmpty()) {
                    top = max(top, Severity.UNMAPPED);
                }
            }
        }
        return top;
    }

    private static Severity max(Severity a, Severity b) {
        return a == null || b.ordinal() < a.ordinal() ? b : a;
    }

    private List<FindingEntry> entries(List<Finding> findings) {
        List<FindingEntry> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(entry(f));
        }
        return out;
    }

    public FindingEntry entry(Finding f) {
        return new FindingEntry(f.severity(), f.code(), f.message(), paths.file(f.origin()), f.origin().line(),
                f.subject());
    }

    private SourceRef ref(Manifest m) {
        return new SourceRef(m.apiVersion(), m.kind(), m.name(), paths.file(m.origin()), m.origin().line());
    }

    /** The XR; when it was rendered from a claim rather than read, it is located at the claim. */
    private SourceRef compositeRef(ObjectNode composite, Manifest source, Manifest claim) {
        if (composite == null && source == null) {
            return null;
        }
        JsonNode n = composite != null ? composite : source.node();
        Origin o = source != null ? source.origin() : claim != null ? claim.origin() : Origin.UNKNOWN;
        return new SourceRef(n.path("apiVersion").asText(""), n.path("kind").asText(""),
                n.path("metadata").path("name").asText(""), paths.file(o), o.line());
    }

    private SourceRef source(ComposedResource r) {
        return new SourceRef(r.object().path("apiVersion").asText(""), r.object().path("kind").asText(""),
                io.xp2aso.migrate.Sources.name(r), paths.file(r.origin()), r.origin() == null ? 0 : r.origin().line());
    }

    private static TargetRef target(ObjectNode t, String path) {
        JsonNode md = t.path("metadata");
        String name = md.path("name").asText("");
        return new TargetRef(t.path("apiVersion").asText(""), t.path("kind").asText(""),
                md.path("namespace").asText(""), name, azureName(t, name), path);
    }

    /**
     * The name the resource has in Azure: spec.azureName, else metadata.name (ASO's default); ASO's singleton
     * child resources (a storage account's blob, file, queue and table services) are always named "default".
     */
    static String azureName(ObjectNode t, String name) {
        String explicit = t.path("spec").path("azureName").asText("");
        if (!explicit.isEmpty()) {
            return explicit;
        }
        String group = t.path("apiVersion").asText("");
        String kind = t.path("kind").asText("");
        if (group.startsWith("storage.azure.com/") && kind.startsWith("StorageAccounts") && kind.endsWith("Service")) {
            return "default";
        }
        return name;
    }

    private static String group(ComposedResource r) {
        String av = r.object().path("apiVersion").asText("");
        int slash = av.indexOf('/');
        return slash < 0 ? "" : av.substring(0, slash);
    }

    private static int count(List<Finding> findings, Severity s) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == s) {
                n++;
            }
        }
        return n;
    }
}
