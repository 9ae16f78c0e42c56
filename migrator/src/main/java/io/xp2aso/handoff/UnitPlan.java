package io.xp2aso.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The handoff of one unit (a claim or XR with its MRs, or a lone MR). {@code claim}/{@code composite} are null when
 * absent; a composite name of "" is read from the live claim's spec.resourceRef. {@code blockers} stop the unit in
 * preflight (the plan is still written so people can see why). Drift not accepted when the plan was built
 * ({@code driftAccepted} false) stops preflight for approval. {@code nested} lists the XRs the XR composes, at every
 * depth, parents first (pause walks it in this order, retire in reverse); their MRs are in {@code resources}.
 * {@code connectionSecrets}: the Secrets its Crossplane objects write and what replaces each ({@link ConnectionSecret}).
 * {@code unknownManagers}: writers of its objects xp2aso does not know, seen when the plan was made; the unit is blocked
 * until each is acknowledged ({@code handoff --ack-manager}).
 * {@code capi}: the Cluster API and CAPZ objects of a unit migrated with --aks-target capz, applied by the
 * capz-adopt step ({@link CapzPlan}); their embedded ASO objects are in {@code aso}. Empty for every other unit.
 */
public record UnitPlan(String id, ObjectRef claim, ObjectRef composite,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ObjectRef> nested, GitOps gitops,
                       boolean driftAccepted, List<ManagedHandoff> resources, List<AsoTarget> aso, List<String> blockers,
                       List<Step> steps, List<ConnectionSecret> connectionSecrets,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnknownManager> unknownManagers,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ObjectNode> capi) {
    public UnitPlan {
        unknownManagers = unknownManagers == null ? List.of() : List.copyOf(unknownManagers);
        capi = capi == null ? List.of() : List.copyOf(capi);
        nested = nested == null ? List.of() : List.copyOf(nested);
        connectionSecrets = connectionSecrets == null ? List.of() : List.copyOf(connectionSecrets);
        // plan.json leaves out empty lists: read back, they are empty again
        resources = resources == null ? List.of() : List.copyOf(resources);
        aso = aso == null ? List.of() : List.copyOf(aso);
        blockers = blockers == null ? List.of() : List.copyOf(blockers);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A unit no unknown writer was seen on, without Cluster API objects. */
    public UnitPlan(String id, ObjectRef claim, ObjectRef composite, List<ObjectRef> nested, GitOps gitops,
                    boolean driftAccepted, List<ManagedHandoff> resources, List<AsoTarget> aso, List<String> blockers,
                    List<Step> steps, List<ConnectionSecret> connectionSecrets) {
        this(id, claim, composite, nested, gitops, driftAccepted, resources, aso, blockers, steps, connectionSecrets,
                List.of(), List.of());
    }

    public UnitPlan withSteps(List<Step> newSteps) {
        return new UnitPlan(id, claim, composite, nested, gitops, driftAccepted, resources, aso, blockers, newSteps,
                connectionSecrets, unknownManagers, capi);
    }

    /** Blocked by the plan: a blocker, or a writer not acknowledged by name in {@code acknowledged}. */
    public boolean blockedWith(java.util.Set<String> acknowledged) {
        return !blockers.isEmpty() || unknownManagers.stream().anyMatch(m -> !acknowledged.contains(m.manager()));
    }

    public Step step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unit " + id + " has no step " + stepId));
    }
}
