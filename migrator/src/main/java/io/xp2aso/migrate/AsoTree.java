package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;
import io.xp2aso.report.DisplayPaths;
import io.xp2aso.source.YamlText;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lays the ASO objects out as {@code aso/<namespace>/<claim-or-xr>/<kind>-<name>.yaml}, with a
 * {@code kustomization.yaml} in every folder listing its files or child folders, so that
 * {@code kubectl apply -k out/aso} applies everything and {@code kubectl apply -k out/aso/<ns>/<unit>} one unit.
 * Two targets that would land on the same file (same namespace, kind and name) are one Kubernetes object:
 * the first is kept and the clash is an error finding. Each unit folder also holds the kustomize Component
 * {@code handed-over/} that a user enables once the unit is handed over ({@link HandedOver}).
 */
public final class AsoTree {
    public static final String ROOT = "aso";
    static final String KUSTOMIZATION = "kustomization.yaml";

    private AsoTree() {
    }

    /**
     * The files of the tree, where each target was written (by identity), and the layout's findings. {@code yamlOf}:
     * each written object's YAML (its file without the header comments), by identity.
     */
    public record Layout(SortedMap<String, String> files, Map<ObjectNode, String> pathOf,
                         Map<MappedUnit, List<String>> dirsOf, List<Finding> findings, Map<ObjectNode, String> yamlOf) {
        /** The layout once its files are written: the texts need not stay in memory for the rest of the run. */
        public Layout withoutFiles() {
            return new Layout(new TreeMap<>(), pathOf, dirsOf, findings, yamlOf);
        }
    }

    /** A manifest to write into a file of the tree. */
    private record Pending(String path, ObjectNode target, MappedResource resource, MappedUnit unit, String yaml) {
    }

    /** An object of a unit with where it goes (empty names when it has none) and its YAML. */
    private record Placed(MappedResource resource, ObjectNode target, String ns, String name, String kind, String dir,
                          String path, String namespaceDir, String unitSegment, String yaml) {
    }

    private static List<Placed> place(MappedUnit mu) {
        List<Placed> out = new ArrayList<>();
        String unitSegment = segment(unitFolder(mu));
        for (MappedResource r : mu.resources()) {
            for (ObjectNode target : r.targets()) {
                String ns = text(target.path("metadata").path("namespace"));
                String name = text(target.path("metadata").path("name"));
                String kind = text(target.path("kind"));
                String namespaceDir = ROOT + "/" + segment(ns);
                String dir = namespaceDir + "/" + unitSegment;
                String path = dir + "/" + kind.toLowerCase(Locale.ROOT) + "-" + segment(name) + ".yaml";
                out.add(new Placed(r, target, ns, name, kind, dir, path, namespaceDir, unitSegment, yaml(target)));
            }
        }
        return out;
    }

    public static Layout layout(MappingResult mapped, DisplayPaths paths) {
        SortedMap<String, String> files = new TreeMap<>();
        Map<ObjectNode, String> pathOf = new IdentityHashMap<>();
        Map<MappedUnit, List<String>> dirsOf = new IdentityHashMap<>();
        List<Finding> findings = new ArrayList<>();
        // folder -> its files in unit order; namespace -> unit folders; both feed the kustomizations.
        Map<String, Set<String>> filesOfDir = new LinkedHashMap<>();
        Map<String, Set<String>> unitsOfNamespace = new TreeMap<>();
        List<Pending> pending = new ArrayList<>();
        Map<String, Pending> ownerOfPath = new HashMap<>();

        // Where each object goes and its YAML depend on the object alone: worked out on every core, in unit order.
        List<List<Placed>> placedByUnit = mapped.units().parallelStream().map(AsoTree::place).toList();
        for (int u = 0; u < placedByUnit.size(); u++) {
            MappedUnit mu = mapped.units().get(u);
            Set<String> dirs = new LinkedHashSet<>();
            boolean unitFailed = mu.unit().findings().stream()
                    .anyMatch(f -> f.severity() == Severity.ERROR && !HANDOFF_ONLY.contains(f.code()));
            if (unitFailed && !placedByUnit.get(u).isEmpty()) {
                findings.add(Finding.info("not-written", "no ASO object of unit " + mu.unit().id() + " is written to "
                        + ROOT + "/: the unit has errors (above), so what it renders is not what Crossplane manages; fix"
                        + " them and run migrate again", unitOrigin(mu), mu.unit().id()));
            }
            Set<MappedResource> withheld = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Placed p : placedByUnit.get(u)) {
                MappedResource r = p.resource();
                if (unitFailed || hasError(r.findings())) {
                    if (!unitFailed && withheld.add(r)) {
                        String subject = Sources.describe(r.source());
                        findings.add(Finding.info("not-written", r.targets().size() + " ASO object(s) of " + subject
                                + " not written to " + ROOT + "/: " + names(r) + "; its errors make them wrong or"
                                + " incomplete, and its unit is blocked", r.source().origin(), subject));
                    }
                    continue;
                }
                if (p.name().isEmpty() || p.kind().isEmpty()) {
                    String subject = Sources.describe(r.source());
                    findings.add(Finding.error("target-without-name",
                            "an ASO object generated from " + subject + " has no kind or metadata.name; not written",
                            r.source().origin(), subject));
                    continue;
                }
                if (p.ns().isEmpty()) {
                    String subject = Sources.describe(r.source());
                    findings.add(Finding.error("target-without-namespace",
                            p.kind() + "/" + p.name() + " generated from " + subject
                                    + " has no metadata.namespace (ASO resources are namespaced); not written",
                            r.source().origin(), subject));
                    continue;
                }
                Pending mine = new Pending(p.path(), p.target(), r, mu, p.yaml());
                Pending previous = ownerOfPath.putIfAbsent(p.path(), mine);
                if (previous != null) {
                    String subject = Sources.describe(r.source());
                    findings.add(Finding.error("duplicate-target",
                            p.kind() + " " + p.ns() + "/" + p.name() + " is generated twice: from "
                                    + Sources.describe(previous.resource().source()) + " (unit " + previous.unit().unit().id()
                                    + ") and from " + subject + " (unit " + mu.unit().id() + "); only the first was written",
                            r.source().origin(), subject));
                    continue;
                }
                pending.add(mine);
                pathOf.put(p.target(), p.path());
                dirs.add(p.dir());
                filesOfDir.computeIfAbsent(p.dir(), d -> new LinkedHashSet<>()).add(fileName(p.path()));
                unitsOfNamespace.computeIfAbsent(p.namespaceDir(), n -> new TreeSet<>()).add(p.unitSegment());
            }
            dirsOf.put(mu, List.copyOf(dirs));
        }
        Map<ObjectNode, String> yamlOf = new IdentityHashMap<>();
        for (Pending p : pending) {
            files.put(p.path(), header(p.resource(), p.unit(), paths) + p.yaml());
            yamlOf.put(p.target(), p.yaml());
        }
        for (Map.Entry<String, Set<String>> e : filesOfDir.entrySet()) {
            files.put(e.getKey() + "/" + KUSTOMIZATION, kustomization(e.getValue()));
        }
        Map<String, List<Pending>> pendingOfDir = new LinkedHashMap<>();
        for (Pending p : pending) {
            pendingOfDir.computeIfAbsent(p.path().substring(0, p.path().lastIndexOf('/')), d -> new ArrayList<>()).add(p);
        }
        pendingOfDir.forEach((dir, objects) -> files.put(dir + "/" + HandedOver.FOLDER + "/" + KUSTOMIZATION,
                HandedOver.component(objects.get(0).unit().unit().id(), objects.stream().map(Pending::target).toList())));
        for (Map.Entry<String, Set<String>> e : unitsOfNamespace.entrySet()) {
            files.put(e.getKey() + "/" + KUSTOMIZATION, kustomization(e.getValue()));
        }
        if (!unitsOfNamespace.isEmpty()) {
            Set<String> namespaces = new TreeSet<>();
            for (String nsDir : unitsOfNamespace.keySet()) {
                namespaces.add(fileName(nsDir));
            }
            files.put(ROOT + "/" + KUSTOMIZATION, kustomization(namespaces));
        }
        return new Layout(files, pathOf, dirsOf, findings, yamlOf);
    }

    /**
     * Unit errors that stop the handoff but say nothing against the ASO objects, which are written: a composed object
     * ASO cannot take over (a ProviderConfig, a Usage) keeps the whole unit on Crossplane, yet its Azure MRs map as usual.
     */
    private static final Set<String> HANDOFF_ONLY = Set.of("non-azure-composed-resource");

    /**
     * Objects the migration knows to be wrong or incomplete never land in aso/ as if good: an object whose MR has an
     * error (owner or name unknown, schema violation, list unknown...) or whose unit has one (rendering failed).
     */
    private static boolean hasError(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static io.xp2aso.source.Origin unitOrigin(MappedUnit mu) {
        return mu.unit().claim() != null ? mu.unit().claim().origin()
                : mu.unit().compositeSource() != null ? mu.unit().compositeSource().origin() : null;
    }

    private static String names(MappedResource r) {
        List<String> out = new ArrayList<>();
        for (ObjectNode t : r.targets()) {
            out.add(text(t.path("kind")) + " " + text(t.path("metadata").path("name")));
        }
        return String.join(", ", out);
    }

    /** The claim's name, else the XR's, else the unit id's last part (a lone MR). */
    static String unitFolder(MappedUnit mu) {
        String name = mu.unit().name();
        if (name == null || name.isEmpty()) {
            String id = mu.unit().id();
            name = id.substring(id.lastIndexOf('/') + 1);
        }
        return name;
    }

    /** The comments a manifest's file opens with: where it comes from. */
    private static String header(MappedResource r, MappedUnit mu, DisplayPaths paths) {
        return "# Generated by xp2aso from " + Sources.describe(r.source()) + " (" + paths.location(r.source().origin())
                + ")\n# Unit: " + mu.unit().id() + '\n';
    }

    private static String yaml(ObjectNode target) {
        try {
            return YamlText.write(target);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kustomization(Set<String> resources) {
        StringBuilder sb = new StringBuilder();
        sb.append("apiVersion: kustomize.config.k8s.io/v1beta1\n");
        sb.append("kind: Kustomization\n");
        sb.append("resources:\n");
        for (String r : resources) {
            sb.append("  - ").append(r).append('\n');
        }
        return sb.toString();
    }

    /** A safe single path segment: Kubernetes names already are; anything else is neutralised, never trusted. */
    static String segment(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_';
            sb.append(ok ? c : '_');
        }
        String out = sb.toString();
        if (out.isEmpty() || out.startsWith(".")) {
            out = "_" + out;
        }
        return out;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
