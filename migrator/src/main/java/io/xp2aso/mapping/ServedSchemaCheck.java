package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates every generated ASO object against the schema the target cluster serves for its apiVersion, so the
 * output is checked against what will actually receive it, not only against the reference CRDs. A schema violation
 * is an error on the resource; a kind the cluster has no CRD for is one warning per kind (ASO may be installed or
 * its crdPattern widened before the handoff); a version the cluster's CRD does not serve is one error per kind.
 */
public final class ServedSchemaCheck {
    /** Enough to see what is wrong; a mapping that breaks a schema badly would otherwise flood the report. */
    private static final int MAX_PROBLEMS_PER_OBJECT = 10;

    private ServedSchemaCheck() {
    }

    public static MappingResult apply(MappingResult mapped, ServedCrds crds) {
        SchemaValidator validator = new SchemaValidator(crds.schemas());
        Map<String, KindGap> gaps = new LinkedHashMap<>();
        List<MappedUnit> units = new ArrayList<>();
        for (MappedUnit mu : mapped.units()) {
            List<MappedResource> resources = new ArrayList<>();
            for (MappedResource r : mu.resources()) {
                List<Finding> findings = new ArrayList<>(r.findings());
                for (ObjectNode t : r.targets()) {
                    check(t, r, crds, validator, gaps, findings);
                }
                resources.add(findings.size() == r.findings().size() ? r
                        : new MappedResource(r.source(), r.targets(), r.unmapped(), findings));
            }
            units.add(new MappedUnit(mu.unit(), resources));
        }
        List<Finding> global = new ArrayList<>(mapped.findings());
        for (KindGap g : gaps.values()) {
            global.add(g.finding(crds.cluster()));
        }
        return new MappingResult(units, global);
    }

    private static void check(ObjectNode t, MappedResource r, ServedCrds crds, SchemaValidator validator,
                              Map<String, KindGap> gaps, List<Finding> findings) {
        String apiVersion = t.path("apiVersion").asText("");
        String kind = t.path("kind").asText("");
        int slash = apiVersion.indexOf('/');
        if (slash < 0 || !isAso(apiVersion.substring(0, slash))) {
            return;
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        List<String> served = crds.servedVersions(group, kind);
        if (served.isEmpty() || !served.contains(version)) {
            gaps.computeIfAbsent(group + "/" + kind, k -> new KindGap(group, kind, version, served, r.source().origin()))
                    .count++;
            return;
        }
        violations(t, r, validator, "schema served by " + crds.cluster(), findings);
    }

    /** Each schema problem of one ASO object, as an error on its source MR ({@code against} names the schema). */
    static void violations(ObjectNode t, MappedResource r, SchemaValidator validator, String against,
                           List<Finding> findings) {
        String apiVersion = t.path("apiVersion").asText("");
        String object = t.path("kind").asText("") + " " + t.path("metadata").path("namespace").asText("") + "/"
                + t.path("metadata").path("name").asText("");
        String subject = subject(r);
        List<SchemaValidator.Problem> problems = validator.validate(t);
        for (int i = 0; i < problems.size() && i < MAX_PROBLEMS_PER_OBJECT; i++) {
            SchemaValidator.Problem p = problems.get(i);
            findings.add(Finding.error("aso-schema-violation", object + " (" + apiVersion + "): `" + p.path() + "`: "
                    + p.message() + " (" + against + ")", r.source().origin(), subject));
        }
        if (problems.size() > MAX_PROBLEMS_PER_OBJECT) {
            findings.add(Finding.error("aso-schema-violation", object + ": " + (problems.size() - MAX_PROBLEMS_PER_OBJECT)
                    + " more schema violations not listed", r.source().origin(), subject));
        }
    }

    /** "Kind/name" of the source MR, as the mapper names it in its own findings. */
    static String subject(MappedResource r) {
        String name = r.source().observed() != null ? r.source().observed().name()
                : r.source().object().path("metadata").path("name").asText("");
        return r.source().object().path("kind").asText("") + "/" + name;
    }

    static boolean isAso(String group) {
        return group.equals("azure.com") || group.endsWith(".azure.com");
    }

    /** An ASO kind the output writes but the cluster cannot take at that version: reported once per kind. */
    private static final class KindGap {
        final String group;
        final String kind;
        final String version;
        final List<String> served;
        final Origin first;
        int count;

        KindGap(String group, String kind, String version, List<String> served, Origin first) {
            this.group = group;
            this.kind = kind;
            this.version = version;
            this.served = served;
            this.first = first;
        }

        Finding finding(String cluster) {
            String gk = group + "/" + kind;
            if (served.isEmpty()) {
                return Finding.warning("aso-crd-not-served", cluster + " serves no ASO CRD for " + gk + " (" + count
                        + " generated object(s), not validated): install ASO with this kind (its crdPattern) before the"
                        + " handoff", first, gk);
            }
            return Finding.error("aso-version-not-served", cluster + " serves " + gk + " only at "
                    + String.join(", ", served) + ", not at " + version + " which the mapping catalog writes ("
                    + count + " generated object(s), not validated): upgrade ASO or add a served version to the mapping",
                    first, gk);
        }
    }
}
