package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds every generated ASO object to its CRD as a strict API server would (required fields such as the owner, Azure
 * name patterns and lengths, GUID patterns, types, enums, unknown fields), using the schema digest packaged with the
 * catalog ({@link AsoSchemas}), so that a run without a cluster checks what `kubectl apply` would refuse or prune.
 * A violation is an error on the source MR (file:line): its objects are then kept out of aso/ and its unit is
 * blocked. A kind the digest does not hold (a catalog given with --mappings) is named once, unchecked.
 */
public final class StrictGate {
    private StrictGate() {
    }

    public static MappingResult apply(MappingResult mapped, AsoSchemas schemas) {
        SchemaValidator validator = new SchemaValidator(schemas.store());
        Set<String> unchecked = new TreeSet<>();
        List<MappedUnit> units = new ArrayList<>();
        for (MappedUnit mu : mapped.units()) {
            List<MappedResource> resources = new ArrayList<>();
            for (MappedResource r : mu.resources()) {
                List<Finding> findings = new ArrayList<>(r.findings());
                for (ObjectNode t : r.targets()) {
                    check(t, r, schemas, validator, unchecked, findings);
                }
                resources.add(findings.size() == r.findings().size() ? r
                        : new MappedResource(r.source(), r.targets(), r.unmapped(), findings));
            }
            units.add(new MappedUnit(mu.unit(), resources));
        }
        List<Finding> global = new ArrayList<>(mapped.findings());
        for (String gvk : unchecked) {
            global.add(Finding.info("aso-schema-unknown", gvk + " is not in xp2aso's ASO CRD digest (a kind of a catalog"
                    + " given with --mappings): its objects are not checked against a schema before they are written",
                    null, gvk));
        }
        return new MappingResult(units, global);
    }

    private static void check(ObjectNode t, MappedResource r, AsoSchemas schemas, SchemaValidator validator,
                              Set<String> unchecked, List<Finding> findings) {
        String apiVersion = t.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        if (slash < 0 || !ServedSchemaCheck.isAso(apiVersion.substring(0, slash))) {
            return;
        }
        String kind = t.path("kind").asText("");
        if (!schemas.has(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind)) {
            unchecked.add(apiVersion + "/" + kind);
            return;
        }
        // An owner the mapper could not resolve is already an owner-unresolved error saying what to pass.
        boolean ownerExplained = !t.path("spec").has("owner")
                && r.findings().stream().anyMatch(f -> f.code().equals("owner-unresolved"));
        List<Finding> found = new ArrayList<>();
        ServedSchemaCheck.violations(t, r, validator, "ASO CRD", found);
        for (Finding f : found) {
            if (!(ownerExplained && f.message().contains("`spec.owner`: required"))) {
                findings.add(f);
            }
        }
    }
}
