package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.SecretCopy;
import io.xp2aso.source.Yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The ASO side: apply with skip, verify same Azure resource, switch to manage, verify; and the reverses. */
final class AsoSteps {
    private AsoSteps() {
    }

    static void apply(UnitRun run) {
        for (ManagedHandoff mr : run.unit.resources()) {
            for (SecretCopy s : mr.secrets()) {
                copySecret(run, s);
            }
        }
        for (AsoTarget t : run.unit.aso()) {
            ObjectNode desired = t.manifest().deepCopy();
            Kube.setAnnotation(desired, Keys.RECONCILE_POLICY, Keys.POLICY_SKIP);
            run.kube.createOrEdit(desired, live -> {
                boolean changed = Kube.setAnnotation(live, Keys.RECONCILE_POLICY, Keys.POLICY_SKIP);
                if (!desired.path("spec").equals(live.path("spec"))) {
                    live.set("spec", desired.path("spec").deepCopy());
                    changed = true;
                }
                return changed;
            });
            JsonNode back = run.kube.require(t.ref());
            if (!Keys.POLICY_SKIP.equals(Kube.annotation(back, Keys.RECONCILE_POLICY))) {
                throw new StepFailed(t.ref().display() + " did not keep reconcile-policy skip");
            }
            run.say(t.ref().display() + ": applied with reconcile-policy skip (read back)");
        }
    }

    /** Copies one key by name; the value is held in memory only and never printed. */
    private static void copySecret(UnitRun run, SecretCopy s) {
        JsonNode from = run.kube.require(Preflight.secretRef(s.fromNamespace(), s.fromName()));
        JsonNode value = from.path("data").get(s.fromKey());
        if (value == null) {
            throw new StepFailed("Secret " + s.fromNamespace() + "/" + s.fromName() + " has no key " + s.fromKey());
        }
        ObjectRef to = Preflight.secretRef(s.toNamespace(), s.toName());
        Optional<ObjectNode> existing = run.kube.get(to);
        if (existing.isEmpty()) {
            String key = UnitRun.key(to);
            if (!run.state.createdSecrets.contains(key)) {
                run.state.createdSecrets.add(key);
                run.save();
            }
            ObjectNode secret = Yaml.JSON.createObjectNode();
            secret.put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", s.toName()).put("namespace", s.toNamespace());
            secret.putObject("data").set(s.toKey(), value.deepCopy());
            run.kube.createOrEdit(secret, live -> addKey(live, s, value));
        } else {
            JsonNode have = existing.get().path("data").get(s.toKey());
            if (have != null && !have.equals(value)) {
                throw new StepFailed("Secret " + s.toNamespace() + "/" + s.toName() + " already has key " + s.toKey()
                        + " with a different value: resolve it by hand (values are not shown)");
            }
            run.kube.edit(to, live -> addKey(live, s, value));
        }
        run.say("copied " + s.describe());
    }

    private static boolean addKey(ObjectNode live, SecretCopy s, JsonNode value) {
        if (value.equals(live.path("data").get(s.toKey()))) {
            return false;
        }
        live.with("data").set(s.toKey(), value.deepCopy());
        return true;
    }

    /** Waits for Ready and compares the reported ARM ID. With {@code baseline}, Ready must be newer than before the switch. */
    static void verify(UnitRun run, boolean sinceManage) {
        for (AsoTarget t : run.unit.aso()) {
            String baseline = sinceManage ? run.state.manageBaseline.get(UnitRun.key(t.ref())) : null;
            run.kube.waitFor(t.ref().display() + " to be Ready" + (baseline == null ? "" : " under manage"), () -> {
                JsonNode live = run.kube.require(t.ref());
                JsonNode ready = Kube.condition(live, "Ready");
                boolean fresh = baseline == null || ready == null || !baseline.equals(ready.toString());
                return Kube.conditionTrue(live, "Ready") && fresh ? Optional.empty()
                        : Optional.of(Kube.describeCondition(live, "Ready") + (fresh ? "" : " (not yet re-evaluated)"));
            });
            String want = run.expectedId(t);
            JsonNode live = run.kube.require(t.ref());
            String got = Kube.reportedAzureId(live);
            if (!want.isEmpty()) {
                if (!UnitRun.sameId(want, got)) {
                    throw new StepFailed(t.ref().display() + " reports Azure ID '" + got + "', but " + t.source().display()
                            + " manages " + want + ": not the same resource");
                }
                run.say(t.ref().display() + ": Ready, Azure ID " + got + " (same as " + t.source().display() + ")");
            } else {
                run.say(t.ref().display() + ": Ready" + (got.isEmpty() ? "" : ", Azure ID " + got));
            }
        }
    }

    static void manage(UnitRun run) {
        for (ManagedHandoff mr : run.unit.resources()) {
            JsonNode live = run.kube.require(mr.ref());
            if (!UnitRun.observeOnly(mr, live)) {
                throw new StepFailed(mr.ref().display() + " is not observe-only: Crossplane could still write; "
                        + "not handing over");
            }
        }
        for (ObjectRef r : run.claimAndXr()) {
            if (!"true".equals(Kube.annotation(run.kube.require(r), Keys.PAUSED))) {
                throw new StepFailed(r.display() + " is not paused: it could rewrite the MRs' policies; not handing over");
            }
        }
        for (AsoTarget t : run.unit.aso()) {
            String policy = t.policyAfterHandover();
            if (policy.equals(Keys.POLICY_SKIP)) {
                // Its MR only observed the resource: ASO must never PUT it nor delete it (see HandoverPolicy).
                run.say(t.ref().display() + ": stays reconcile-policy skip (its MR was observe-only)");
                continue;
            }
            String k = UnitRun.key(t.ref());
            JsonNode live = run.kube.require(t.ref());
            if (!run.state.manageBaseline.containsKey(k) && Keys.POLICY_SKIP.equals(Kube.reconcilePolicy(live))) {
                JsonNode ready = Kube.condition(live, "Ready");
                run.state.manageBaseline.put(k, ready == null ? "" : ready.toString());
                run.save();
            }
            JsonNode back = CapzSteps.embedded(run, t) ? CapzSteps.setPolicy(run, t, policy)
                    : run.kube.edit(t.ref(), o -> Kube.setAnnotation(o, Keys.RECONCILE_POLICY, policy));
            if (!policy.equals(Kube.annotation(back, Keys.RECONCILE_POLICY))) {
                throw new StepFailed(t.ref().display() + " did not keep reconcile-policy " + policy);
            }
            run.say(t.ref().display() + ": reconcile-policy " + policy + " (read back)");
        }
    }

    static void unmanage(UnitRun run) {
        for (AsoTarget t : reversed(run.unit.aso())) {
            if (run.kube.get(t.ref()).isPresent()) {
                JsonNode back = CapzSteps.embedded(run, t) ? CapzSteps.setPolicy(run, t, Keys.POLICY_SKIP)
                        : run.kube.edit(t.ref(), o -> Kube.setAnnotation(o, Keys.RECONCILE_POLICY, Keys.POLICY_SKIP));
                if (!Keys.POLICY_SKIP.equals(Kube.annotation(back, Keys.RECONCILE_POLICY))) {
                    throw new StepFailed(t.ref().display() + " did not keep reconcile-policy skip");
                }
                run.say(t.ref().display() + ": reconcile-policy skip (read back)");
            }
        }
        for (AsoTarget t : reversed(run.unit.aso())) {
            awaitSkipSettled(run, t);
        }
        run.state.manageBaseline.clear();
    }

    /**
     * Before Crossplane may write again: ASO has no Azure operation in flight for the resource and reports the result
     * of a reconcile under skip. A changed annotation does not bump metadata.generation, so ASO's acknowledgement of
     * skip is not directly visible; what is: a PUT being polled carries the poller-resume-token annotation and Ready
     * False/Reconciling. Both must be absent on two reads one poll interval apart (ASO reconciles at once on a change
     * to or from skip).
     */
    private static void awaitSkipSettled(UnitRun run, AsoTarget t) {
        int[] quiet = {0};
        run.kube.waitFor(t.ref().display() + " to have no Azure operation in flight under skip", () -> {
            Optional<ObjectNode> live = run.kube.get(t.ref());
            if (live.isEmpty()) {
                return Optional.empty();
            }
            String token = Kube.annotation(live.get(), Keys.POLLER_RESUME_TOKEN);
            JsonNode ready = Kube.condition(live.get(), "Ready");
            boolean reconciling = ready != null && "Reconciling".equals(ready.path("reason").asText());
            if (token != null || reconciling) {
                quiet[0] = 0;
                return Optional.of((token != null ? Keys.POLLER_RESUME_TOKEN + " set (a PUT is being polled), " : "")
                        + Kube.describeCondition(live.get(), "Ready"));
            }
            return ++quiet[0] >= 2 ? Optional.empty() : Optional.of("checking again after one poll");
        });
        run.say(t.ref().display() + ": no Azure operation in flight under skip");
    }

    static void remove(UnitRun run) {
        unmanage(run);
        for (AsoTarget t : reversed(run.unit.aso())) {
            if (run.kube.get(t.ref()).isPresent()) {
                run.kube.delete(t.ref());
                run.kube.waitGone(t.ref());
            }
            run.say(t.ref().display() + ": deleted while skip (Azure untouched)");
        }
        for (String key : new ArrayList<>(run.state.createdSecrets)) {
            String[] parts = key.split("/");
            run.kube.delete(Preflight.secretRef(parts[1], parts[2]));
            run.state.createdSecrets.remove(key);
            run.say(key + ": removed (created by the handoff)");
        }
    }

    static void finalVerify(UnitRun run) {
        Settle.hold(run);
        for (ObjectRef r : run.claimAndXr()) {
            if (run.kube.get(r).isPresent()) {
                throw new StepFailed(r.display() + " still exists");
            }
        }
        for (ManagedHandoff mr : run.unit.resources()) {
            if (run.kube.get(mr.ref()).isPresent()) {
                throw new StepFailed(mr.ref().display() + " still exists");
            }
        }
        for (AsoTarget t : run.unit.aso()) {
            JsonNode live = run.kube.require(t.ref());
            if (!t.policyAfterHandover().equals(Kube.reconcilePolicy(live)) || !Kube.conditionTrue(live, "Ready")) {
                throw new StepFailed(t.ref().display() + ": reconcile-policy " + Kube.reconcilePolicy(live) + ", "
                        + Kube.describeCondition(live, "Ready"));
            }
            String want = run.expectedId(t);
            if (!want.isEmpty() && !UnitRun.sameId(want, Kube.reportedAzureId(live))) {
                throw new StepFailed(t.ref().display() + " reports Azure ID " + Kube.reportedAzureId(live) + ", want " + want);
            }
        }
        ConnectionSecretGate.verify(run);
        run.say("no Crossplane object of the unit remains; every ASO resource manages its Azure resource");
    }

    private static <T> List<T> reversed(List<T> in) {
        List<T> out = new ArrayList<>(in);
        Collections.reverse(out);
        return out;
    }
}
