package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live duplicate check (#13.5): an Azure resource the unit hands over must have no other writer in the cluster. A
 * writer is an MR whose management policies allow writes or deletes (observe-only MRs only read) or an ASO object
 * whose reconcile-policy is not skip, other than the unit's own objects. Looked up among every object of the unit's
 * MR kinds (in both the cluster-scoped and the v2 namespaced group) and of its ASO kinds, in every namespace: an ARM ID
 * is specific to its resource type, so other kinds cannot name the same resource. ASO objects are known by the ID
 * they report (status.id or the resource-id annotation).
 */
final class ArmIdClaims {
    private ArmIdClaims() {
    }

    static List<String> check(UnitRun run, Map<String, String> unitIds) {
        List<String> problems = new ArrayList<>();
        if (unitIds.isEmpty()) {
            return problems;
        }
        Set<ObjectRef> own = new HashSet<>();
        run.unit.resources().forEach(m -> own.add(m.ref()));
        run.unit.aso().forEach(t -> own.add(t.ref()));
        Map<String, List<String>> others = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        for (ManagedHandoff mr : run.unit.resources()) {
            for (String group : mrGroups(mr.ref().group())) {
                Optional<String> apiVersion = servedVersion(run, group, mr.ref().kind());
                if (apiVersion.isEmpty() || !listed.add(group + "/" + mr.ref().kind())) {
                    continue;
                }
                for (JsonNode o : run.kube.cluster().list(apiVersion.get(), mr.ref().kind(), "")) {
                    ObjectRef ref = ObjectRef.of(o);
                    String id = o.path("status").path("atProvider").path("id").asText("");
                    if (!own.contains(ref) && !id.isEmpty() && !UnitRun.policies(o).equals(List.of("Observe"))) {
                        others.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .add("MR " + ref.display() + " (managementPolicies " + UnitRun.policies(o) + ")");
                    }
                }
            }
        }
        for (AsoTarget t : run.unit.aso()) {
            Optional<String> apiVersion = servedVersion(run, t.ref().group(), t.ref().kind());
            if (apiVersion.isEmpty() || !listed.add(t.ref().group() + "/" + t.ref().kind())) {
                continue;
            }
            for (JsonNode o : run.kube.cluster().list(apiVersion.get(), t.ref().kind(), "")) {
                ObjectRef ref = ObjectRef.of(o);
                String id = Kube.reportedAzureId(o);
                if (!own.contains(ref) && !id.isEmpty() && !"skip".equals(Kube.reconcilePolicy(o))) {
                    others.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add("ASO " + ref.display() + " (reconcile-policy " + Kube.reconcilePolicy(o) + ")");
                }
            }
        }
        unitIds.forEach((who, id) -> {
            List<String> claimants = others.get(id.toLowerCase(Locale.ROOT));
            if (claimants != null) {
                problems.add(id + " (" + who + ") is also claimed by " + String.join(", ", claimants)
                        + ": two managers could write it; make the other observe-only (or reconcile-policy skip) first");
            }
        });
        return problems;
    }

    /** The MR's group and its counterpart in the other scope (foo.azure.upbound.io <-> foo.azure.m.upbound.io). */
    private static List<String> mrGroups(String group) {
        String other = group.endsWith(".m.upbound.io") ? group.replace(".m.upbound.io", ".upbound.io")
                : group.replace(".upbound.io", ".m.upbound.io");
        return other.equals(group) ? List.of(group) : List.of(group, other);
    }

    /** group/version of the CRD's storage version (else its first served one); empty when the kind is not installed. */
    private static Optional<String> servedVersion(UnitRun run, String group, String kind) {
        Optional<? extends JsonNode> crd = run.kube.cluster().crd(group, kind);
        if (crd.isEmpty()) {
            return Optional.empty();
        }
        String first = "";
        for (JsonNode v : crd.get().path("spec").path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                return Optional.of(group + "/" + v.path("name").asText());
            }
            if (first.isEmpty() && v.path("served").asBoolean(true)) {
                first = v.path("name").asText();
            }
        }
        return first.isEmpty() ? Optional.empty() : Optional.of(group + "/" + first);
    }
}
