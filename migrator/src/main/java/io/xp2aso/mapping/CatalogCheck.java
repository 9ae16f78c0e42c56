package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.Optional;

/**
 * `mappings check`: what parsing alone cannot prove. With CRDs at hand, every `to` path must exist in the target
 * ASO CRD (at every version the file lists), every `from` path in the upjet CRD (forProvider or atProvider, at every
 * source version), every ignored path in forProvider. Kinds whose CRD is not in the store are listed as not checked.
 */
public final class CatalogCheck {
    /** The outcome: problems (each "file:line: message") and kinds that could not be checked for want of a CRD. */
    public record Result(List<String> problems, List<String> notChecked, int targetsChecked, int sourcesChecked) {
    }

    private final MappingCatalog catalog;
    private final CrdStore crds;
    /** The original provider's CRDs (older field names), or null. */
    private final CrdStore legacy;
    /** forProvider and atProvider schemas of the kind being checked in the legacy CRDs (every version). */
    private List<JsonNode> legacySchemas = List.of();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notChecked = new ArrayList<>();
    private int targetsChecked;
    private int sourcesChecked;
    private final java.util.Set<RuleSpec> viaChecked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private CatalogCheck(MappingCatalog catalog, CrdStore crds, CrdStore legacy) {
        this.catalog = catalog;
        this.crds = crds;
        this.legacy = legacy;
    }

    /** Checks the catalog; {@code crds} may be null (then only cross-file consistency is checked). */
    public static Result run(MappingCatalog catalog, CrdStore crds) {
        return run(catalog, crds, null);
    }

    /**
     * Checks the catalog; with {@code legacy} (the original upbound/provider-azure CRDs) the {@code olderNames} are
     * checked too, and a `from` or ignored path missing in the current CRD may be a field only the older one has.
     */
    public static Result run(MappingCatalog catalog, CrdStore crds, CrdStore legacy) {
        return run(catalog, crds, legacy, done -> {
        });
    }

    /** As {@link #run(MappingCatalog, CrdStore, CrdStore)}, telling {@code progress} how many files are done. */
    public static Result run(MappingCatalog catalog, CrdStore crds, CrdStore legacy, IntConsumer progress) {
        CatalogCheck c = new CatalogCheck(catalog, crds, legacy);
        c.problems.addAll(catalog.crossFileProblems());
        if (crds != null) {
            int done = 0;
            for (KindMapping m : catalog.entries()) {
                c.targets(m);
                c.sources(m);
                progress.accept(++done);
            }
        }
        return new Result(c.problems, c.notChecked, c.targetsChecked, c.sourcesChecked);
    }

    // ---- ASO side ----

    private void targets(KindMapping m) {
        for (TargetSpec t : m.targets()) {
            if (crds.find(t.group(), t.kind()).isEmpty()) {
                notChecked.add(t.group() + "/" + t.kind() + " (target of " + m.origin().file() + ")");
                continue;
            }
            targetsChecked++;
            for (String v : t.allVersions()) {
                Optional<JsonNode> schema = crds.schema(t.group(), t.kind(), v);
                if (schema.isEmpty()) {
                    problems.add(t.origin() + ": " + t.group() + "/" + v + " is not a version of " + t.kind()
                            + " (CRD versions: " + crds.servedVersions(t.group(), t.kind()) + ")");
                    continue;
                }
                JsonNode spec = schema.get().path("properties").path("spec");
                String at = t.kind() + " " + v;
                if (t.owner() != null) {
                    need(spec, "owner", t.owner().origin(), at);
                }
                if (!t.azureName().isFixed()) {
                    need(spec, "azureName", t.origin(), at);
                } else if (SchemaPaths.at(spec, "azureName") != null) {
                    problems.add(t.origin() + ": " + at + " has spec.azureName; `azureName: {fixed}` is for singletons without one");
                }
                toPaths(t.rules(), "", spec, at);
                wholeLists(t, spec, at);
                for (ConnectionKey k : t.connectionSecret()) {
                    need(spec, k.secret().isEmpty() ? "operatorSpec.secretExpressions" : "operatorSpec.secrets." + k.secret(),
                            t.origin(), at);
                }
            }
        }
        if (m.isMerge()) {
            RefSpec via = m.mergeInto().via();
            catalog.find(via.kind(), via.kind().substring(via.kind().indexOf('/') + 1))
                    .flatMap(into -> into.target(via.target()))
                    .ifPresent(t -> {
                        for (String v : t.allVersions()) {
                            crds.schema(t.group(), t.kind(), v).ifPresent(s ->
                                    toPaths(m.mergeInto().rules(), "", s.path("properties").path("spec"), t.kind() + " " + v));
                        }
                    });
        }
    }

    private void toPaths(List<RuleSpec> rules, String prefix, JsonNode spec, String at) {
        for (RuleSpec r : rules) {
            String to = FieldPath.join(prefix, r.inItem() == null ? r.to() : FieldPath.join(r.inItem().list(), r.to()));
            if (r.inItem() != null && !r.inItem().everyItem()) {
                need(spec, FieldPath.join(FieldPath.join(prefix, r.inItem().list()), r.inItem().key()), r.origin(), at);
            }
            if (!to.isEmpty()) {
                need(spec, to, r.origin(), at);
            }
            if (r.each() != null) {
                toPaths(r.each(), to, spec, at);
            }
            if (r.fields() != null) {
                toPaths(r.fields(), to, spec, at);
            }
        }
    }

    /** Each whole list is a list of the ASO schema that a rule of the target writes (from forProvider or atProvider). */
    private void wholeLists(TargetSpec t, JsonNode spec, String at) {
        for (WholeListSpec w : t.wholeLists()) {
            JsonNode list = SchemaPaths.at(spec, w.path());
            if (list == null) {
                problems.add(w.origin() + ": wholeLists spec." + w.path() + " does not exist in " + at);
            } else if (!list.path("type").asText().equals("array")) {
                problems.add(w.origin() + ": wholeLists spec." + w.path() + " is not a list in " + at);
            }
            if (!w.onlyWith().isEmpty()) {
                need(spec, w.onlyWith(), w.origin(), at);
            }
            if (!w.unlessPath().isEmpty()) {
                need(spec, w.unlessPath(), w.origin(), at);
            }
            if (!writes(t.rules(), "", w.path())) {
                problems.add(w.origin() + ": wholeLists spec." + w.path() + " is written by no rule of target `" + t.id()
                        + "`, so the observed state could not give it");
            }
        }
    }

    private static boolean writes(List<RuleSpec> rules, String prefix, String path) {
        for (RuleSpec r : rules) {
            String to = FieldPath.join(prefix, r.to());
            if (to.equals(path) || FieldPath.isInside(path, to) && r.fields() != null && writes(r.fields(), to, path)) {
                return true;
            }
        }
        return false;
    }

    private void need(JsonNode spec, String path, io.xp2aso.source.Origin origin, String at) {
        if (SchemaPaths.at(spec, path) == null) {
            problems.add(origin + ": spec." + path + " does not exist in " + at);
        }
    }

    // ---- upjet side ----

    private void sources(KindMapping m) {
        Optional<JsonNode> crd = crds.find(m.group(), m.kind());
        if (crd.isEmpty()) {
            notChecked.add(m.groupKind() + " (source of " + m.origin().file() + ")");
            return;
        }
        sourcesChecked++;
        List<String> versions = m.versions().isEmpty() ? crds.servedVersions(m.group(), m.kind()) : m.versions();
        legacySchemas = legacySchemas(m);
        olderNames(m, versions);
        for (String v : versions) {
            Optional<JsonNode> schema = crds.schema(m.group(), m.kind(), v);
            if (schema.isEmpty()) {
                problems.add(m.origin() + ": " + v + " is not a version of " + m.groupKind()
                        + " (CRD versions: " + crds.servedVersions(m.group(), m.kind()) + ")");
                continue;
            }
            JsonNode fp = schema.get().path("properties").path("spec").path("properties").path("forProvider");
            JsonNode ap = schema.get().path("properties").path("status").path("properties").path("atProvider");
            String at = m.groupKind() + " " + v;
            for (TargetSpec t : m.targets()) {
                String prefix = t.forEach();
                if (!prefix.isEmpty()) {
                    from(fp, ap, prefix, t.origin(), at);
                }
                if (!t.when().isEmpty()) {
                    from(fp, ap, t.when(), t.origin(), at);
                }
                if (!t.azureName().from().isEmpty()) {
                    from(fp, ap, FieldPath.join(prefix, t.azureName().from()), t.origin(), at);
                }
                if (t.owner() != null) {
                    ref(fp, t.owner(), "", at);
                }
                fromPaths(t.rules(), prefix, fp, ap, at);
            }
            if (m.isMerge()) {
                ref(fp, m.mergeInto().via(), "", at);
                fromPaths(m.mergeInto().rules(), "", fp, ap, at);
            }
            for (IgnoreSpec i : m.ignore()) {
                if (SchemaPaths.at(fp, i.path()) == null && !inLegacy(i.path())) {
                    problems.add(i.origin() + ": ignored forProvider." + i.path() + " does not exist in " + at);
                }
            }
        }
    }

    private void fromPaths(List<RuleSpec> rules, String prefix, JsonNode fp, JsonNode ap, String at) {
        for (RuleSpec r : rules) {
            if (r.onlyIf() != null) {
                from(fp, ap, FieldPath.join(prefix, r.onlyIf().from()), r.origin(), at);
            }
            if (r.inItem() != null && !r.inItem().everyItem()) {
                from(fp, ap, FieldPath.join(prefix, r.inItem().from()), r.origin(), at);
            }
            if (r.via() != null) {
                ref(fp, r.via(), prefix, at);
                viaPaths(r);
                continue;
            }
            if (r.subResource() != null && !r.subResource().self()) {
                ref(fp, r.subResource().parent(), "", at);
            }
            if (r.reference() != null) {
                ref(fp, r.reference(), prefix, at);
            } else {
                for (String f : r.from()) {
                    if (!f.isEmpty()) {
                        from(fp, ap, FieldPath.join(prefix, f), r.origin(), at);
                    }
                }
            }
            String inner = r.from().isEmpty() ? prefix : FieldPath.join(prefix, r.from().get(0));
            if (r.each() != null) {
                fromPaths(r.each(), inner, fp, ap, at);
            }
            if (r.fields() != null) {
                fromPaths(r.fields(), inner, fp, ap, at);
            }
        }
    }

    /** A `via` rule's from paths belong to the referenced kind: each must exist in every served version of its CRD. */
    private void viaPaths(RuleSpec r) {
        if (!viaChecked.add(r)) {
            return; // once, not once per source version
        }
        String[] gk = r.via().kind().split("/", 2);
        if (crds.find(gk[0], gk[1]).isEmpty()) {
            notChecked.add(r.via().kind() + " (read by the rule at " + r.origin() + ")");
            return;
        }
        for (String v : crds.servedVersions(gk[0], gk[1])) {
            crds.schema(gk[0], gk[1], v).ifPresent(s -> {
                JsonNode fp = s.path("properties").path("spec").path("properties").path("forProvider");
                JsonNode ap = s.path("properties").path("status").path("properties").path("atProvider");
                for (String f : r.from()) {
                    from(fp, ap, f, r.origin(), r.via().kind() + " " + v);
                }
            });
        }
    }

    private void from(JsonNode fp, JsonNode ap, String path, io.xp2aso.source.Origin origin, String at) {
        if (SchemaPaths.at(fp, path) == null && SchemaPaths.at(ap, path) == null && !inLegacy(path)) {
            problems.add(origin + ": forProvider." + path + " does not exist in " + at + " (nor in status.atProvider"
                    + (legacy == null ? "; give the older provider's CRDs to accept its field names" : ", nor in the older provider's CRD") + ")");
        }
    }

    // ---- older field names (upbound/provider-azure) ----

    private List<JsonNode> legacySchemas(KindMapping m) {
        if (legacy == null || legacy.find(m.group(), m.kind()).isEmpty()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (String v : legacy.servedVersions(m.group(), m.kind())) {
            legacy.schema(m.group(), m.kind(), v).ifPresent(s -> {
                out.add(s.path("properties").path("spec").path("properties").path("forProvider"));
                out.add(s.path("properties").path("status").path("properties").path("atProvider"));
            });
        }
        return out;
    }

    /** True when the path is a field of the kind in the older provider (forProvider or atProvider). */
    private boolean inLegacy(String path) {
        return legacySchemas.stream().anyMatch(s -> SchemaPaths.at(s, path) != null);
    }

    /** Each older name exists in the older CRD; its current name exists in the current one and is mapped or ignored. */
    private void olderNames(KindMapping m, List<String> versions) {
        if (m.olderNames().isEmpty()) {
            return;
        }
        if (legacySchemas.isEmpty()) {
            notChecked.add(m.groupKind() + " older names (" + m.origin().file() + "): "
                    + (legacy == null ? "no older provider CRDs given" : "no CRD in " + legacy.root()));
        }
        java.util.Set<String> consumed = ConsumedPaths.of(m);
        for (OlderName n : m.olderNames()) {
            if (!legacySchemas.isEmpty() && !inLegacy(n.from())) {
                problems.add(n.origin() + ": older name forProvider." + n.from() + " does not exist in the older provider's "
                        + m.groupKind());
            }
            for (String v : versions) {
                crds.schema(m.group(), m.kind(), v).ifPresent(s -> {
                    if (SchemaPaths.at(s.path("properties").path("spec").path("properties").path("forProvider"), n.to()) == null) {
                        problems.add(n.origin() + ": forProvider." + n.to() + " (current name of " + n.from()
                                + ") does not exist in " + m.groupKind() + " " + v);
                    }
                });
            }
            if (!ConsumedPaths.covers(consumed, n.to())) {
                problems.add(n.origin() + ": forProvider." + n.to() + " (current name of " + n.from()
                        + ") is neither mapped nor ignored by this file");
            }
        }
    }

    private void ref(JsonNode fp, RefSpec r, String prefix, String at) {
        for (String f : r.from()) {
            String p = FieldPath.join(prefix, f);
            if (SchemaPaths.at(fp, p) == null && SchemaPaths.at(fp, p + "Ref") == null
                    && SchemaPaths.at(fp, p + "Refs") == null && !inLegacy(p)) {
                problems.add(r.origin() + ": reference field forProvider." + p + " does not exist in " + at);
            }
        }
    }
}
