package io.xp2aso.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MRs of one side's handoff plan (handoff/plan.json), unit by unit, with what decides whether Crossplane
 * deletes their Azure resource: deletionPolicy and managementPolicies, and their Azure identity.
 */
record PlanResources(Map<String, List<Mr>> byUnit) {
    /** One MR as the plan lists it; {@code key} is its identity inside the unit (see {@link #key}). */
    record Mr(String unit, String key, String kind, String name, String resourceName, String externalName,
              String azureId, String deletionPolicy, List<String> managementPolicies, List<Target> targets) {
        /** What Crossplane does when the MR is deleted: false when it orphans the Azure resource. */
        boolean deletesInAzure() {
            if ("Orphan".equals(deletionPolicy)) {
                return false;
            }
            return managementPolicies.isEmpty() || managementPolicies.contains("*")
                    || managementPolicies.contains("Delete");
        }

        /** The Azure resource as people know it: its ARM ID, else its name, else "". */
        String azure() {
            return !azureId.isEmpty() ? azureId : externalName;
        }

        String display() {
            return kind + " " + name + (resourceName.isEmpty() ? "" : " (" + resourceName + ")");
        }
    }

    record Target(String kind, String namespace, String name) {
    }

    static PlanResources read(String planJson) {
        Map<String, List<Mr>> out = new LinkedHashMap<>();
        if (planJson == null) {
            return new PlanResources(out);
        }
        JsonNode root;
        try {
            root = Yaml.JSON.readTree(planJson);
        } catch (JsonProcessingException e) {
            return new PlanResources(out);
        }
        if (root == null) {
            return new PlanResources(out);
        }
        for (JsonNode u : root.path("units")) {
            String unit = u.path("id").asText("");
            List<Mr> mrs = out.computeIfAbsent(unit, k -> new ArrayList<>());
            Map<String, Integer> seen = new HashMap<>();
            for (JsonNode r : u.path("resources")) {
                JsonNode ref = r.path("ref");
                List<String> policies = new ArrayList<>();
                r.path("managementPolicies").forEach(p -> policies.add(p.asText()));
                List<Target> targets = new ArrayList<>();
                for (JsonNode t : r.path("targets")) {
                    targets.add(new Target(t.path("kind").asText(""), t.path("namespace").asText(""),
                            t.path("name").asText("")));
                }
                String kind = ref.path("kind").asText("");
                String name = ref.path("name").asText("");
                String resourceName = r.path("resourceName").asText("");
                String key = key(kind, name, resourceName, ref.path("apiVersion").asText(""));
                // Nested XRs may compose resources of the same name: the n-th one of a name matches the n-th one.
                int n = seen.merge(key, 1, Integer::sum);
                mrs.add(new Mr(unit, n == 1 ? key : key + "\u0000" + n, kind, name,
                        resourceName, r.path("externalName").asText(""), r.path("azureId").asText(""),
                        r.path("deletionPolicy").asText(""), policies, targets));
            }
        }
        return new PlanResources(out);
    }

    /**
     * A composed MR is the Composition's resource of that name in its unit (its generated name may change between
     * renders); an MR outside any Composition is its group, kind and name.
     */
    static String key(String kind, String name, String resourceName, String apiVersion) {
        if (!resourceName.isEmpty()) {
            return "composed\u0000" + resourceName;
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return "mr\u0000" + group + "\u0000" + kind + "\u0000" + name;
    }
}
