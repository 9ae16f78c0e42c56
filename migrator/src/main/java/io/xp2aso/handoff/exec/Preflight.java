package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.SecretCopy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read-only checks before anything changes. Records the live Azure IDs the plan did not know. */
final class Preflight {
    private Preflight() {
    }

    /** Returns the problems found (empty when every check passed); prints each check. */
    static List<String> check(UnitRun run) {
        List<String> problems = new ArrayList<>(run.unit.blockers());
        if (run.unit.claim() != null) {
            Optional<ObjectNode> claim = run.kube.get(run.unit.claim());
            if (claim.isEmpty()) {
                problems.add(run.unit.claim().display() + " does not exist");
            }
        }
        if (run.unit.composite() != null) {
            Optional<ObjectRef> xr = run.xr();
            if (xr.isEmpty()) {
                problems.add("the XR of " + run.unit.id() + " is unknown: the claim has no spec.resourceRef");
            } else if (run.kube.get(xr.get()).isEmpty()) {
                problems.add(xr.get().display() + " does not exist");
            } else {
                problems.addAll(ComposedObjects.unknown(run));
            }
        }
        for (ObjectRef nested : run.unit.nested()) {
            if (run.kube.get(nested).isEmpty()) {
                problems.add(nested.display() + " (nested XR) does not exist");
            }
        }
        for (ManagedHandoff mr : run.unit.resources()) {
            Optional<ObjectNode> found = run.kube.get(mr.ref());
            if (found.isEmpty()) {
                problems.add(mr.ref().display() + " does not exist");
                continue;
            }
            JsonNode live = found.get();
            for (String type : List.of("Ready", "Synced")) {
                if (!Kube.conditionTrue(live, type)) {
                    problems.add(mr.ref().display() + ": " + Kube.describeCondition(live, type));
                }
            }
            String ext = Kube.annotation(live, Keys.EXTERNAL_NAME);
            if (ext == null || ext.isEmpty()) {
                problems.add(mr.ref().display() + ": no " + Keys.EXTERNAL_NAME + " annotation");
            } else if (!mr.externalName().isEmpty() && !mr.externalName().equals(ext)) {
                problems.add(mr.ref().display() + ": external name is " + ext + ", the plan expects " + mr.externalName());
            }
            String id = live.path("status").path("atProvider").path("id").asText("");
            if (id.isEmpty()) {
                problems.add(mr.ref().display() + ": status.atProvider.id (the Azure ID) is not reported");
            } else if (!mr.azureId().isEmpty() && !UnitRun.sameId(mr.azureId(), id)) {
                problems.add(mr.ref().display() + ": Azure ID is " + id + ", the plan expects " + mr.azureId());
            } else {
                run.state.azureIds.put(UnitRun.key(mr.ref()), id);
            }
            for (SecretCopy s : mr.secrets()) {
                Optional<ObjectNode> secret = run.kube.get(secretRef(s.fromNamespace(), s.fromName()));
                if (secret.isEmpty() || !secret.get().path("data").has(s.fromKey())) {
                    problems.add("Secret " + s.fromNamespace() + "/" + s.fromName() + " has no key " + s.fromKey());
                }
            }
        }
        problems.addAll(GitOpsChecks.check(run));
        Map<String, String> ids = new LinkedHashMap<>();
        for (ManagedHandoff mr : run.unit.resources()) {
            String id = run.state.azureIds.getOrDefault(UnitRun.key(mr.ref()), mr.azureId());
            if (!id.isEmpty()) {
                ids.put(mr.ref().display(), id);
            }
        }
        problems.addAll(ArmIdClaims.check(run, ids));
        problems.addAll(SharedOwners.check(run));
        ConnectionSecretGate.record(run);
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> namespaces = new LinkedHashSet<>();
        for (AsoTarget t : run.unit.aso()) {
            if (kinds.add(t.ref().group() + "/" + t.ref().kind())
                    && run.kube.cluster().crd(t.ref().group(), t.ref().kind()).isEmpty()) {
                problems.add("ASO kind " + t.ref().kubectlType() + " is not installed (no CRD)");
            }
            String from = Kube.annotation(t.manifest(), Keys.CREDENTIAL_FROM);
            if (from != null && !from.isEmpty()) {
                if (run.kube.get(secretRef(t.ref().namespace(), from)).isEmpty()) {
                    problems.add(t.ref().display() + ": credential Secret " + t.ref().namespace() + "/" + from + " is missing");
                }
            } else if (namespaces.add(t.ref().namespace())
                    && run.kube.get(secretRef(t.ref().namespace(), Keys.ASO_CREDENTIAL_SECRET)).isEmpty()
                    && run.kube.get(secretRef(run.plan.asoNamespace(), Keys.ASO_GLOBAL_SECRET)).isEmpty()) {
                problems.add("no ASO credentials for namespace " + t.ref().namespace() + ": neither Secret "
                        + t.ref().namespace() + "/" + Keys.ASO_CREDENTIAL_SECRET + " nor " + run.plan.asoNamespace() + "/"
                        + Keys.ASO_GLOBAL_SECRET + " exists");
            }
        }
        return problems;
    }

    /** Drift the plan recorded and nobody accepted: a digestable description for the approval gate. */
    static List<String> unacceptedDrift(UnitRun run) {
        List<String> lines = new ArrayList<>();
        if (run.unit.driftAccepted()) {
            return lines;
        }
        for (ManagedHandoff mr : run.unit.resources()) {
            mr.drift().forEach(d -> lines.add(mr.ref().display() + ": " + d));
        }
        return lines;
    }

    static ObjectRef secretRef(String namespace, String name) {
        return new ObjectRef("v1", "Secret", namespace, name);
    }
}
