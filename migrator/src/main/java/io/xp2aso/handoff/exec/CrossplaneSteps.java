package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.source.Yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The Crossplane side: pause claim and XR, make MRs observe-only and orphaning, retire them; and the reverses. */
final class CrossplaneSteps {
    private CrossplaneSteps() {
    }

    private static final String ABSENT = "<absent>";

    // ---- pause

    static void pause(UnitRun run) {
        for (ObjectRef r : run.claimAndXr()) {
            rememberAnnotation(run, r);
            JsonNode back = run.kube.edit(r, o -> Kube.setAnnotation(o, Keys.PAUSED, "true"));
            if (!"true".equals(Kube.annotation(back, Keys.PAUSED))) {
                throw new StepFailed(r.display() + " did not keep " + Keys.PAUSED + "=true");
            }
            run.say(r.display() + ": " + Keys.PAUSED + "=\"true\" (read back)");
        }
    }

    static void unpause(UnitRun run) {
        List<ObjectRef> refs = new ArrayList<>(run.claimAndXr());
        Collections.reverse(refs);
        for (ObjectRef r : refs) {
            String before = run.state.originals.get("paused " + UnitRun.key(r));
            if (before == null || run.kube.get(r).isEmpty()) {
                continue;
            }
            String value = ABSENT.equals(before) ? null : before;
            run.kube.edit(r, o -> Kube.setAnnotation(o, Keys.PAUSED, value));
            run.say(r.display() + ": " + Keys.PAUSED + " restored to " + (value == null ? "absent" : value));
        }
    }

    private static void rememberAnnotation(UnitRun run, ObjectRef r) {
        String k = "paused " + UnitRun.key(r);
        if (!run.state.originals.containsKey(k)) {
            String v = Kube.annotation(run.kube.require(r), Keys.PAUSED);
            run.state.originals.put(k, v == null ? ABSENT : v);
            run.save();
        }
    }

    // ---- orphan

    static void orphan(UnitRun run) {
        for (ManagedHandoff mr : run.unit.resources()) {
            String k = "mr " + UnitRun.key(mr.ref());
            if (!run.state.originals.containsKey(k)) {
                JsonNode live = run.kube.require(mr.ref());
                ObjectNode orig = Yaml.JSON.createObjectNode();
                orig.put("deletionPolicy", live.path("spec").path("deletionPolicy").asText(""));
                ArrayNode p = orig.putArray("managementPolicies");
                live.path("spec").path("managementPolicies").forEach(p::add);
                String paused = Kube.annotation(live, Keys.PAUSED);
                orig.put("paused", paused == null ? ABSENT : paused);
                run.state.originals.put(k, orig.toString());
                run.save();
            }
            JsonNode back = run.kube.edit(mr.ref(), o -> {
                boolean changed = false;
                ObjectNode spec = o.with("spec");
                if (!mr.namespacedV2() && !"Orphan".equals(spec.path("deletionPolicy").asText())) {
                    spec.put("deletionPolicy", "Orphan");
                    changed = true;
                }
                if (!UnitRun.policies(o).equals(List.of("Observe"))) {
                    spec.putArray("managementPolicies").add("Observe");
                    changed = true;
                }
                // Observe-only cannot write; unpaused, its deletion later completes without an Azure call.
                return Kube.setAnnotation(o, Keys.PAUSED, null) | changed;
            });
            if (!UnitRun.observeOnly(mr, back) || Kube.annotation(back, Keys.PAUSED) != null) {
                throw new StepFailed(mr.ref().display() + " did not keep deletionPolicy Orphan / managementPolicies [Observe]");
            }
            run.kube.waitFor(mr.ref().display() + " to be Synced in observe-only mode", () -> {
                JsonNode live = run.kube.require(mr.ref());
                if (!UnitRun.observeOnly(mr, live)) {
                    throw new StepFailed(mr.ref().display() + " lost its observe-only policies while waiting: "
                            + "something else writes it (is its XR paused?)");
                }
                JsonNode synced = Kube.condition(live, "Synced");
                long gen = live.path("metadata").path("generation").asLong(0);
                boolean current = synced != null && (!synced.has("observedGeneration")
                        || synced.path("observedGeneration").asLong() >= gen);
                return Kube.conditionTrue(live, "Synced") && current ? Optional.empty()
                        : Optional.of(Kube.describeCondition(live, "Synced"));
            });
            awaitAsyncOperation(run, mr);
            run.say(mr.ref().display() + ": " + (mr.namespacedV2() ? "" : "deletionPolicy Orphan, ")
                    + "managementPolicies [Observe], Synced (read back)");
        }
    }

    /**
     * upjet runs Terraform asynchronously: an apply started before the switch to Observe goes on, and writes Azure,
     * after it. Waits until the MR's AsyncOperation condition says the operation finished (the Synced wait before
     * made sure the provider reconciled the observe-only spec, so an operation running then shows as Ongoing).
     */
    private static void awaitAsyncOperation(UnitRun run, ManagedHandoff mr) {
        run.kube.waitFor(mr.ref().display() + "'s asynchronous operation (upjet) to finish", () -> {
            JsonNode live = run.kube.require(mr.ref());
            JsonNode op = Kube.condition(live, Keys.ASYNC_OPERATION);
            return op == null || "True".equals(op.path("status").asText()) ? Optional.empty()
                    : Optional.of(Kube.describeCondition(live, Keys.ASYNC_OPERATION));
        });
        JsonNode last = Kube.condition(run.kube.require(mr.ref()), Keys.LAST_ASYNC_OPERATION);
        if (last != null && !"True".equals(last.path("status").asText())) {
            // Finished, but failed: nothing runs any more; a reviewer should know before ASO takes over.
            run.say(mr.ref().display() + ": the last asynchronous operation failed: "
                    + Kube.describeCondition(run.kube.require(mr.ref()), Keys.LAST_ASYNC_OPERATION));
        }
    }

    static void restorePolicies(UnitRun run) {
        for (AsoTarget t : run.unit.aso()) {
            Optional<ObjectNode> live = run.kube.get(t.ref());
            if (live.isPresent() && !Keys.POLICY_SKIP.equals(Kube.reconcilePolicy(live.get()))) {
                throw new StepFailed("refusing to give write access back to Crossplane: " + t.ref().display()
                        + " still has reconcile-policy " + Kube.reconcilePolicy(live.get()));
            }
        }
        for (ManagedHandoff mr : run.unit.resources()) {
            String saved = run.state.originals.get("mr " + UnitRun.key(mr.ref()));
            if (saved == null || run.kube.get(mr.ref()).isEmpty()) {
                continue;
            }
            JsonNode orig = readTree(saved);
            run.kube.edit(mr.ref(), o -> {
                ObjectNode spec = o.with("spec");
                String dp = orig.path("deletionPolicy").asText("");
                if (dp.isEmpty()) {
                    spec.remove("deletionPolicy");
                } else {
                    spec.put("deletionPolicy", dp);
                }
                if (orig.path("managementPolicies").isEmpty()) {
                    spec.remove("managementPolicies");
                } else {
                    spec.set("managementPolicies", orig.path("managementPolicies").deepCopy());
                }
                String paused = orig.path("paused").asText(ABSENT);
                Kube.setAnnotation(o, Keys.PAUSED, ABSENT.equals(paused) ? null : paused);
                return true;
            });
            run.say(mr.ref().display() + ": policies restored to " + orig);
        }
    }

    // ---- retire

    /**
     * MRs first (observe-only and orphaning: the provider drops its finalizer without calling Azure; the paused XR
     * does not re-create them), then the XR, then the claim; every delete with propagationPolicy Orphan.
     * XR before claim: a deleting claim deletes its XR itself, with background propagation, so garbage collection
     * would delete whatever the XR still owns; deleted first and with Orphan, the XR leaves its dependents alone, and
     * the claim, paused until it is itself deleting, cannot compose a new XR in between. Immediately before each of
     * the two deletes the live tree is compared with the plan's again.
     */
    static void retire(UnitRun run) {
        if (!run.state.retireStarted) {
            run.state.retireStarted = true;
            run.save();
        }
        for (ManagedHandoff mr : run.unit.resources()) {
            Optional<ObjectNode> live = run.kube.get(mr.ref());
            if (live.isPresent() && !UnitRun.observeOnly(mr, live.get())) {
                throw new StepFailed(mr.ref().display() + " is no longer observe-only and orphaning: not deleting it");
            }
        }
        for (ObjectRef r : run.claimAndXr()) {
            run.kube.get(r).ifPresent(o -> {
                if (!Kube.deleting(o) && !"true".equals(Kube.annotation(o, Keys.PAUSED))) {
                    throw new StepFailed(r.display() + " is not paused: it would re-create the MRs");
                }
            });
        }
        requireKnownTree(run);
        for (ManagedHandoff mr : run.unit.resources()) {
            if (run.kube.editIfPresent(mr.ref(), o -> Kube.setAnnotation(o, Keys.PAUSED, null)).isPresent()) {
                run.kube.delete(mr.ref());
                run.kube.waitGone(mr.ref());
            }
            run.say(mr.ref().display() + ": deleted (orphaned its Azure resource)");
        }
        // Nested XRs bottom up, each once nothing below it is left: deleted while paused, then unpaused to finalize.
        List<ObjectRef> nested = new ArrayList<>(run.unit.nested());
        Collections.reverse(nested);
        for (ObjectRef r : nested) {
            requireKnownTree(run);
            finishDeletion(run, r);
        }
        Optional<ObjectRef> xr = run.xr();
        if (xr.isPresent()) {
            requireKnownTree(run);
            finishDeletion(run, xr.get());
        }
        if (run.unit.claim() != null) {
            requireKnownTree(run);
            finishDeletion(run, run.unit.claim());
        }
        for (AsoTarget t : run.unit.aso()) {
            JsonNode live = run.kube.require(t.ref());
            if (!Kube.conditionTrue(live, "Ready")) {
                throw new StepFailed(t.ref().display() + ": " + Kube.describeCondition(live, "Ready"));
            }
        }
        run.say("every ASO resource still Ready");
    }

    /** Stops when the XR (or the XR the claim names now) composes anything the plan does not know. */
    private static void requireKnownTree(UnitRun run) {
        List<String> unknown = new ArrayList<>(ComposedObjects.unknownUnderClaim(run));
        if (run.unit.claim() == null) {
            run.xr().filter(x -> run.kube.get(x).isPresent()).ifPresent(x -> unknown.addAll(ComposedObjects.unknown(run)));
        }
        if (!unknown.isEmpty()) {
            throw new StepFailed("not deleting: the live objects are not the plan's:\n      - " + String.join("\n      - ", unknown));
        }
    }

    /**
     * Deletes a paused claim/XR with Orphan propagation (held by its finalizer), then unpauses it: Crossplane handles
     * deletion before composing, so it finalizes the object without composing again.
     */
    private static void finishDeletion(UnitRun run, ObjectRef r) {
        Optional<ObjectNode> live = run.kube.get(r);
        if (live.isPresent()) {
            if (!Kube.deleting(live.get())) {
                run.kube.delete(r);
            }
            run.kube.editIfPresent(r, o -> Kube.deleting(o) && Kube.setAnnotation(o, Keys.PAUSED, null));
            run.kube.waitGone(r);
        }
        run.say(r.display() + ": deleted (propagationPolicy Orphan)");
    }

    private static JsonNode readTree(String s) {
        try {
            return Yaml.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException("corrupt state: " + s, e);
        }
    }
}
