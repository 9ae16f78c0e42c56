package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;

import java.util.List;
import java.util.Optional;

/** Git changes the executor cannot make: it verifies them on the live objects where it can, else asks a person. */
final class GitOpsSteps {
    private GitOpsSteps() {
    }

    static void protect(UnitRun run) {
        ObjectRef claim = run.unit.claim() != null ? run.unit.claim() : run.xr().orElse(null);
        if (claim == null) {
            return;
        }
        String opts = Optional.ofNullable(Kube.annotation(run.kube.require(claim), Keys.ARGO_SYNC_OPTIONS)).orElse("");
        if (!opts.replace(" ", "").contains("Prune=false")) {
            throw new StepFailed("waiting for the Git change: " + claim.display() + " must carry " + Keys.ARGO_SYNC_OPTIONS
                    + ": " + Keys.ARGO_PROTECT_VALUE + " (merge it in Git and let Argo CD sync; now: '" + opts + "')");
        }
        run.say(claim.display() + ": " + Keys.ARGO_SYNC_OPTIONS + " " + opts + " (Argo CD will not prune it)");
    }

    static void addAso(UnitRun run) {
        run.say("now merge the ASO manifests of " + run.unit.id() + " into Git (reconcile-policy manage), for Argo CD "
                + "application " + run.unit.gitops().application());
    }

    static void removeClaim(UnitRun run) {
        ObjectRef claim = run.unit.claim() != null ? run.unit.claim() : run.xr().orElse(null);
        if (claim == null) {
            return;
        }
        Optional<Boolean> removed = removedFromGit(run, claim);
        if (removed.orElse(false)) {
            run.say("Argo CD application " + run.unit.gitops().application() + " no longer has " + claim.display() + " in Git");
            return;
        }
        Gate.require(run, "gitops-remove-claim", List.of("remove " + claim.display() + " from Git (Argo CD application "
                        + run.unit.gitops().application() + "), merge, and let Argo CD sync"),
                removed.isPresent() ? "Argo CD still has " + claim.display() + " in Git"
                        : "cannot read Argo CD application " + run.unit.gitops().application() + ": confirm the Git change");
    }

    /** Whether the Argo CD Application lists the object as requiring pruning (gone from Git); empty when unknown. */
    private static Optional<Boolean> removedFromGit(UnitRun run, ObjectRef obj) {
        if (run.kube.cluster().crd("argoproj.io", "Application").isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode app : run.kube.cluster().list("argoproj.io/v1alpha1", "Application", "")) {
            if (!run.unit.gitops().application().equals(app.path("metadata").path("name").asText())) {
                continue;
            }
            for (JsonNode r : app.path("status").path("resources")) {
                if (obj.kind().equals(r.path("kind").asText()) && obj.name().equals(r.path("name").asText())
                        && obj.namespace().equals(r.path("namespace").asText(""))) {
                    return Optional.of(r.path("requiresPruning").asBoolean(false));
                }
            }
            return Optional.of(true);
        }
        return Optional.empty();
    }
}
