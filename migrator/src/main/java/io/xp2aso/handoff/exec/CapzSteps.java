package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.capz.CapzObjects;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.CapzPlan;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The capz-adopt step of a unit migrated with --aks-target capz, its rollback, and the policy of embedded objects. */
final class CapzSteps {
    private static final String RESOURCES_GROUP = "resources.azure.com";
    private static final String RESOURCE_GROUP = "ResourceGroup";

    private CapzSteps() {
    }

    /**
     * Applies the CAPI and CAPZ objects, then waits until CAPZ controls every embedded ASO object, each still in skip
     * (else CAPZ made ASO write: stop), the Cluster's control plane is ready and every MachinePool reports the node
     * count its pool has in Azure, equal to the replicas it asks for unless the AKS autoscaler owns the count.
     */
    static void adopt(UnitRun run) {
        for (ObjectNode c : run.unit.capi()) {
            ObjectRef r = ObjectRef.of(c);
            if (run.kube.cluster().crd(r.group(), r.kind()).isEmpty()) {
                throw new StepFailed("the CRD of " + r.kind() + "." + r.group() + " is not installed: install Cluster API "
                        + "and CAPZ (1.15 or later, MachinePool feature gate on) first");
            }
        }
        for (ObjectNode c : run.unit.capi()) {
            for (ObjectNode e : CapzPlan.asoObjects(c)) {
                if (e.path("kind").asText().equals("ManagedCluster")) {
                    requireResourceGroup(run, e);
                }
            }
        }
        for (ObjectNode c : run.unit.capi()) {
            ObjectNode desired = c.deepCopy();
            desired.remove("status");
            run.kube.createOrEdit(desired, live -> {
                if (desired.path("spec").equals(live.path("spec"))) {
                    return false;
                }
                live.set("spec", desired.path("spec").deepCopy());
                return true;
            });
            run.say(ObjectRef.of(c).display() + ": applied");
        }
        for (ObjectNode c : run.unit.capi()) {
            ObjectRef owner = ObjectRef.of(c);
            for (ObjectNode e : CapzPlan.asoObjects(c)) {
                ObjectRef er = ObjectRef.of(e);
                run.kube.waitFor(er.display() + " to be controlled by " + owner.display(), () -> {
                    JsonNode live = run.kube.require(er);
                    requireSkip(er, live);
                    return controlledBy(live, owner) ? Optional.empty() : Optional.of("no controller reference to " + owner.display() + " yet");
                });
                run.say(er.display() + ": controlled by " + owner.display() + ", reconcile-policy skip");
            }
        }
        gates(run, true);
    }

    /**
     * Run again immediately before manage (a resumed run may come back hours later): the control plane is ready and
     * no MachinePool's replicas differ from its pool's node count, or the manage flip would let CAPZ resize the pool.
     */
    static void beforeManage(UnitRun run) {
        if (!run.unit.capi().isEmpty()) {
            gates(run, false);
        }
    }

    /** The Cluster's control plane ready and every MachinePool at its pool's node count; {@code inSkip}: all still skip. */
    private static void gates(UnitRun run, boolean inSkip) {
        for (ObjectNode c : run.unit.capi()) {
            ObjectRef r = ObjectRef.of(c);
            if (r.kind().equals(CapzObjects.CLUSTER)) {
                run.kube.waitFor(r.display() + " to report its control plane ready", () -> {
                    if (inSkip) {
                        skipEverywhere(run);
                    }
                    return run.kube.require(r).path("status").path("controlPlaneReady").asBoolean(false) ? Optional.empty()
                            : Optional.of("status.controlPlaneReady is not true");
                });
                run.say(r.display() + ": control plane ready");
            } else if (r.kind().equals(CapzObjects.MACHINE_POOL)) {
                waitReplicas(run, c, r, inSkip);
            }
        }
    }

    /**
     * The resource group a ManagedCluster is owned by by name must be an ASO object of its namespace, Ready (CAPZ's
     * adoption order: the resource group first). One referenced by ARM ID is outside Kubernetes: nothing to check.
     */
    private static void requireResourceGroup(UnitRun run, ObjectNode managedCluster) {
        JsonNode owner = managedCluster.path("spec").path("owner");
        if (owner.hasNonNull("armId")) {
            run.say(ObjectRef.of(managedCluster).display() + ": resource group referenced by ARM ID " + owner.path("armId").asText());
            return;
        }
        String ns = managedCluster.path("metadata").path("namespace").asText();
        String name = owner.path("name").asText();
        Optional<ObjectRef> ref = run.unit.aso().stream().map(AsoTarget::ref)
                .filter(r -> r.kind().equals(RESOURCE_GROUP) && r.namespace().equals(ns) && r.name().equals(name)).findFirst()
                .or(() -> run.kube.cluster().crd(RESOURCES_GROUP, RESOURCE_GROUP).flatMap(CapzSteps::storageVersion)
                        .map(v -> new ObjectRef(RESOURCES_GROUP + "/" + v, RESOURCE_GROUP, ns, name)));
        Optional<ObjectNode> live = ref.flatMap(run.kube::get);
        if (live.isEmpty() || !Kube.conditionTrue(live.get(), "Ready")) {
            throw new StepFailed("the resource group of " + ObjectRef.of(managedCluster).display() + ", ResourceGroup " + ns
                    + "/" + name + ", is " + (live.isEmpty() ? "not an object of the namespace" : "not Ready ("
                    + Kube.describeCondition(live.get(), "Ready") + ")") + ": CAPZ adopts a cluster only after its "
                    + "resource group; hand over the unit that owns it first");
        }
        run.say("ResourceGroup " + ns + "/" + name + ": Ready in the namespace (the cluster's owner)");
    }

    private static Optional<String> storageVersion(ObjectNode crd) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                return Optional.of(v.path("name").asText());
            }
        }
        return Optional.empty();
    }

    private static void waitReplicas(UnitRun run, ObjectNode pool, ObjectRef r, boolean inSkip) {
        ObjectRef agentPool = agentPoolOf(run, pool);
        boolean autoscaled = CapzObjects.REPLICAS_MANAGED_BY_AKS.equals(
                pool.path("metadata").path("annotations").path(CapzObjects.REPLICAS_MANAGED_BY).asText());
        // What the live MachinePool asks for now (someone may have changed it since it was applied).
        JsonNode asked = run.kube.require(r).path("spec").path("replicas");
        long[] seen = {-1};
        run.kube.waitFor(r.display() + " to report the node count of its pool", () -> {
            if (inSkip) {
                skipEverywhere(run);
            }
            JsonNode count = agentPool == null ? null : run.kube.require(agentPool).path("status").get("count");
            JsonNode replicas = run.kube.require(r).path("status").get("replicas");
            if (count == null || !count.canConvertToLong()) {
                return Optional.of("the pool's node count in Azure (status.count of " + (agentPool == null ? "its agent pool"
                        : agentPool.display()) + ") is not reported yet");
            }
            if (replicas == null || replicas.asLong() != count.asLong()) {
                return Optional.of("status.replicas " + (replicas == null ? "unset" : replicas.asText()) + ", the pool has "
                        + count.asText() + " nodes");
            }
            seen[0] = count.asLong();
            return Optional.empty();
        });
        if (!autoscaled && asked.canConvertToLong() && asked.asLong() != seen[0]) {
            throw new StepFailed(r.display() + " asks for " + asked.asText() + " replicas but the pool has " + seen[0]
                    + " nodes in Azure: handing over would make CAPZ resize it. Make nodeCount match Azure, migrate "
                    + "again and make a new plan, or roll back");
        }
        run.say(r.display() + ": " + seen[0] + " replicas, as many as the pool has nodes in Azure"
                + (autoscaled ? " (the AKS autoscaler owns the count)" : ""));
    }

    /** The ASO agent pool a MachinePool stands for: the one its AzureASOManagedMachinePool embeds. */
    private static ObjectRef agentPoolOf(UnitRun run, ObjectNode pool) {
        String infra = pool.path("spec").path("template").path("spec").path("infrastructureRef").path("name").asText();
        for (ObjectNode c : run.unit.capi()) {
            if (c.path("kind").asText().equals(CapzObjects.ASO_MANAGED_MACHINE_POOL)
                    && c.path("metadata").path("name").asText().equals(infra)) {
                for (ObjectNode e : CapzPlan.asoObjects(c)) {
                    return ObjectRef.of(e);
                }
            }
        }
        return null;
    }

    /** Before the manage step every embedded object must stay in skip: CAPZ applying anything else would make ASO write. */
    private static void skipEverywhere(UnitRun run) {
        for (ObjectNode c : run.unit.capi()) {
            for (ObjectNode e : CapzPlan.asoObjects(c)) {
                ObjectRef er = ObjectRef.of(e);
                run.kube.get(er).ifPresent(live -> requireSkip(er, live));
            }
        }
    }

    private static void requireSkip(ObjectRef r, JsonNode live) {
        if (!Keys.POLICY_SKIP.equals(Kube.reconcilePolicy(live))) {
            throw new StepFailed(r.display() + " left reconcile-policy skip (now " + Kube.reconcilePolicy(live)
                    + ") before the hand-over: something (CAPZ applying other objects?) lets ASO write while "
                    + "Crossplane still manages; roll back and check the CAPZ objects");
        }
    }

    private static boolean controlledBy(JsonNode live, ObjectRef owner) {
        for (JsonNode o : live.path("metadata").path("ownerReferences")) {
            if (o.path("controller").asBoolean(false) && o.path("kind").asText().equals(owner.kind())
                    && o.path("name").asText().equals(owner.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rollback: deletes the CAPI objects, but only while every embedded ASO object is in skip, so CAPZ's cleanup deletes
     * the Kubernetes objects and never an Azure resource.
     */
    static void release(UnitRun run) {
        List<ObjectNode> reversed = new ArrayList<>(run.unit.capi());
        Collections.reverse(reversed);
        for (ObjectNode c : reversed) {
            for (ObjectNode e : CapzPlan.asoObjects(c)) {
                ObjectRef er = ObjectRef.of(e);
                Optional<ObjectNode> live = run.kube.get(er);
                if (live.isPresent() && !Keys.POLICY_SKIP.equals(Kube.reconcilePolicy(live.get()))) {
                    throw new StepFailed(er.display() + " is in reconcile-policy " + Kube.reconcilePolicy(live.get())
                            + ": deleting " + ObjectRef.of(c).display() + " now could delete it in Azure; set skip first");
                }
            }
        }
        for (ObjectNode c : reversed) {
            ObjectRef r = ObjectRef.of(c);
            if (run.kube.get(r).isPresent()) {
                run.kube.delete(r);
                run.kube.waitGone(r);
            }
            run.say(r.display() + ": deleted (its ASO objects were in skip: Azure untouched)");
        }
    }

    /** True when the ASO object is embedded in a CAPZ object of the unit: its policy is set there. */
    static boolean embedded(UnitRun run, AsoTarget t) {
        return CapzPlan.embeddingOf(run.unit, t.ref()).map(e -> run.kube.get(e.owner()).isPresent()).orElse(false);
    }

    /**
     * Sets an embedded object's reconcile-policy inside its CAPZ object (CAPZ owns the annotation on the ASO object and
     * applies what is embedded), then waits until the ASO object shows it; returns the ASO object as read back.
     */
    static JsonNode setPolicy(UnitRun run, AsoTarget t, String policy) {
        CapzPlan.Embedding e = CapzPlan.embeddingOf(run.unit, t.ref()).orElseThrow();
        run.kube.edit(e.owner(), o -> {
            JsonNode res = o.path("spec").path("resources").path(e.index());
            if (!(res instanceof ObjectNode r) || !r.path("metadata").path("name").asText().equals(t.ref().name())) {
                throw new StepFailed(e.owner().display() + " no longer embeds " + t.ref().display() + " at spec.resources["
                        + e.index() + "]");
            }
            return Kube.setAnnotation(r, Keys.RECONCILE_POLICY, policy);
        });
        run.kube.waitFor(t.ref().display() + " to show reconcile-policy " + policy + " (applied by CAPZ from "
                + e.owner().display() + ")", () -> {
            String now = Kube.reconcilePolicy(run.kube.require(t.ref()));
            return policy.equals(now) ? Optional.empty() : Optional.of("reconcile-policy is " + now);
        });
        return run.kube.require(t.ref());
    }
}
