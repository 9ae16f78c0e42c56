package io.xp2aso.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.capz.CapzObjects;
import io.xp2aso.source.YamlText;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.xp2aso.handoff.Shell.annotate;
import static io.xp2aso.handoff.Shell.expect;
import static io.xp2aso.handoff.Shell.nsFlag;
import static io.xp2aso.handoff.Shell.obj;
import static io.xp2aso.handoff.Shell.q;
import static io.xp2aso.handoff.Shell.waitFor;

/**
 * The handoff of a unit migrated with {@code --aks-target capz}. CAPZ's documented adoption (annotate the ASO
 * ManagedCluster {@code sigs.k8s.io/cluster-api-provider-azure-adopt=true}, let CAPZ scaffold the rest) is not used:
 * the objects CAPZ scaffolds are not the reviewed ones in Git, its adoption needs the resource group as an ASO object
 * of the namespace (a cluster owned by ARM ID cannot be adopted), and it cannot be configured. Instead the generated
 * CAPI objects are applied, which CAPZ's own adoption also supports ("create the Cluster API resources manually
 * referencing the pre-existing resources"), in this order:
 * <ol>
 *   <li>the embedded ASO objects are ordinary targets of the plan: applied with reconcile-policy skip, verified to be
 *       the same Azure resources, previewed and flipped to manage like every ASO resource;</li>
 *   <li>capz-adopt (after verify-aso, before preview): applies the CAPI and CAPZ objects (their embedded objects
 *       say skip too, so CAPZ's server-side apply keeps ASO read-only), then waits until CAPZ controls every embedded
 *       object (controller reference), each still in skip, the Cluster reports its control plane ready and each
 *       MachinePool reports as many replicas as its pool has nodes in Azure, and as its spec asks unless the AKS
 *       autoscaler owns the count: so the manage flip cannot scale a pool;</li>
 *   <li>manage: for an embedded object the policy is set inside the CAPZ object's spec.resources (CAPZ owns the
 *       annotation there and would put skip back on the ASO object otherwise), then read back on the ASO object.</li>
 * </ol>
 * Rolled back, capz-adopt deletes the CAPI objects only while every embedded object is in skip, so CAPZ's cleanup
 * deletes Kubernetes objects, never Azure resources.
 */
public final class CapzPlan {
    private CapzPlan() {
    }

    /** The ASO objects a CAPZ object embeds, as the plan applies them: in its namespace, without status. */
    public static List<ObjectNode> asoObjects(ObjectNode capi) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode e : CapzObjects.resources(capi)) {
            ObjectNode m = e.deepCopy();
            m.remove("status");
            m.with("metadata").put("namespace", capi.path("metadata").path("namespace").asText());
            out.add(m);
        }
        return out;
    }

    /** The CAPZ object that embeds an ASO object (same kind, name and namespace), if any. */
    public static Optional<Embedding> embeddingOf(UnitPlan u, ObjectRef aso) {
        for (ObjectNode c : u.capi()) {
            List<ObjectNode> embedded = CapzObjects.resources(c);
            for (int i = 0; i < embedded.size(); i++) {
                JsonNode e = embedded.get(i);
                if (e.path("kind").asText().equals(aso.kind()) && e.path("metadata").path("name").asText().equals(aso.name())
                        && c.path("metadata").path("namespace").asText().equals(aso.namespace())) {
                    return Optional.of(new Embedding(ObjectRef.of(c), i));
                }
            }
        }
        return Optional.empty();
    }

    /** An ASO object's place in a CAPZ object: spec.resources[index]. */
    public record Embedding(ObjectRef owner, int index) {
        public String annotationPointer(String key) {
            return "/spec/resources/" + index + "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
        }
    }

    /** The unit's steps with capz-adopt after verify-aso and the manage step's commands set on the CAPZ objects. */
    static List<Step> steps(UnitPlan u, List<Step> steps) {
        if (u.capi().isEmpty()) {
            return steps;
        }
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(s.action() == StepAction.MANAGE ? manage(u, s) : s);
            if (s.action() == StepAction.VERIFY_ASO) {
                out.add(adopt(u));
            }
        }
        return out;
    }

    private static Step adopt(UnitPlan u) {
        List<String> cmd = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        for (ObjectNode c : u.capi()) {
            String kind = "require_kind " + ObjectRef.of(c).kubectlType();
            if (!cmd.contains(kind)) {
                cmd.add(kind);
            }
        }
        for (ObjectNode c : u.capi()) {
            for (ObjectNode e : asoObjects(c)) {
                String rg = e.path("spec").path("owner").path("name").asText();
                if (e.path("kind").asText().equals("ManagedCluster") && !rg.isEmpty()) {
                    ObjectRef er = ObjectRef.of(e);
                    u.aso().stream().map(AsoTarget::ref).filter(r -> r.kind().equals("ResourceGroup")
                            && r.namespace().equals(er.namespace()) && r.name().equals(rg)).findFirst()
                            .ifPresent(r -> cmd.add(expect(r, Shell.cond("Ready"), "True")));
                    checks.add("ResourceGroup " + er.namespace() + "/" + rg + ", the owner of " + er.display()
                            + ", is Ready in the namespace (CAPZ adopts a cluster after its resource group)");
                }
            }
        }
        for (ObjectNode c : u.capi()) {
            cmd.add("kubectl apply -f - <<'EOF'\n" + yamlOf(c) + "EOF");
        }
        for (ObjectNode c : u.capi()) {
            ObjectRef r = ObjectRef.of(c);
            List<ObjectNode> embedded = asoObjects(c);
            for (ObjectNode e : embedded) {
                ObjectRef er = ObjectRef.of(e);
                cmd.add("wait_jsonpath " + obj(er) + " " + er.namespace() + " '{.metadata.ownerReferences[?(@.controller==true)].kind}' "
                        + q(r.kind()));
                cmd.add(expect(er, Shell.annotationPath(Keys.RECONCILE_POLICY), Keys.POLICY_SKIP));
                checks.add(er.display() + " is controlled by " + r.display() + " and still in reconcile-policy skip");
            }
            if (r.kind().equals(CapzObjects.CLUSTER)) {
                cmd.add(waitFor(r, "'{.status.controlPlaneReady}'", "true"));
                checks.add(r.display() + " reports its control plane ready");
            }
            if (r.kind().equals(CapzObjects.MACHINE_POOL)) {
                JsonNode replicas = c.path("spec").path("replicas");
                boolean autoscaled = CapzObjects.REPLICAS_MANAGED_BY_AKS.equals(c.path("metadata").path("annotations")
                        .path(CapzObjects.REPLICAS_MANAGED_BY).asText());
                cmd.add("# " + r.display() + ": .status.replicas must equal its agent pool's node count in Azure (status.count)"
                        + (autoscaled || replicas.isMissingNode() ? "" : " and " + replicas.asText()));
                checks.add(r.display() + ": status.replicas equals the pool's node count in Azure"
                        + (autoscaled ? " (the AKS autoscaler owns the count)" : replicas.isMissingNode() ? ""
                        : " and the " + replicas.asText() + " replicas it asks for, so CAPZ will not resize the pool"));
            }
        }
        List<ObjectNode> reversed = new ArrayList<>(u.capi());
        Collections.reverse(reversed);
        rb.add("# only while every embedded ASO object is in reconcile-policy skip: CAPZ then deletes Kubernetes objects, not Azure resources");
        for (ObjectNode c : reversed) {
            ObjectRef r = ObjectRef.of(c);
            rb.add("kubectl delete " + obj(r) + nsFlag(r) + " --ignore-not-found");
        }
        return new Step("capz-adopt", StepAction.CAPZ_ADOPT, "Cluster API: apply the CAPI and CAPZ objects and wait for CAPZ",
                List.of("The ASO objects exist in skip and are verified to be the Azure resources of the MRs. CAPZ now takes "
                                + "control of them (controller reference), applying them as embedded, still in skip, so nothing "
                                + "is written to Azure. The gate: the Cluster's control plane is ready and every MachinePool "
                                + "reports the node count its pool has in Azure, so handing over cannot scale a pool.",
                        "The ASO credential Secret named by " + CapzObjects.CREDENTIAL_FROM + " is checked in preflight."),
                cmd, checks, rb, "");
    }

    /** For an embedded object the policy is set inside its CAPZ object, which owns the annotation. */
    private static Step manage(UnitPlan u, Step s) {
        List<String> cmd = new ArrayList<>();
        for (String c : s.commands()) {
            cmd.add(rewrite(u, c));
        }
        List<String> rb = new ArrayList<>();
        for (String c : s.rollback()) {
            rb.add(rewrite(u, c));
        }
        List<String> detail = new ArrayList<>(s.detail());
        detail.add("The ManagedCluster and agent pools are embedded in CAPZ objects: their policy is set in the CAPZ object's "
                + "spec.resources (CAPZ applies it to the ASO object), then read back on the ASO object.");
        return new Step(s.id(), s.action(), s.title(), detail, cmd, s.checks(), rb, s.gate());
    }

    private static String rewrite(UnitPlan u, String command) {
        for (AsoTarget t : u.aso()) {
            var e = embeddingOf(u, t.ref());
            if (e.isEmpty()) {
                continue;
            }
            for (String policy : List.of(Keys.POLICY_MANAGE, Keys.POLICY_DETACH, Keys.POLICY_SKIP)) {
                if (command.equals(annotate(t.ref(), Keys.RECONCILE_POLICY, policy)) || command.startsWith(
                        annotate(t.ref(), Keys.RECONCILE_POLICY, policy) + "   #")) {
                    ObjectRef o = e.get().owner();
                    return "kubectl patch " + obj(o) + nsFlag(o) + " --type json -p " + q("[{\"op\":\"add\",\"path\":\""
                            + e.get().annotationPointer(Keys.RECONCILE_POLICY) + "\",\"value\":\"" + policy + "\"}]")
                            + "   # CAPZ applies it to " + t.ref().display();
                }
            }
        }
        return command;
    }

    private static String yamlOf(ObjectNode o) {
        try {
            return YamlText.write(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
