package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.GitOps;
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
        GitOps g = run.unit.gitops();
        String[] p = g.protection();
        String now = Optional.ofNullable(Kube.annotation(run.kube.require(claim), p[0])).orElse("");
        boolean ok = g.tool().equals(GitOps.ARGOCD) ? now.replace(" ", "").contains("Prune=false") : now.equals(p[1]);
        if (!ok) {
            throw new StepFailed("waiting for the Git change: " + claim.display() + " must carry " + p[0] + ": " + p[1]
                    + " (merge it in Git and let " + tool(g) + " sync; now: '" + now + "')");
        }
        run.say(claim.display() + ": " + p[0] + " " + now + " (" + tool(g) + " will not prune it)");
    }

    static void addAso(UnitRun run) {
        run.say("now merge the ASO manifests of " + run.unit.id() + " into Git with components: [handed-over] in their "
                + "kustomization.yaml (reconcile-policy manage), for "
                + run.unit.gitops().describe());
    }

    static void removeClaim(UnitRun run) {
        ObjectRef claim = run.unit.claim() != null ? run.unit.claim() : run.xr().orElse(null);
        if (claim == null) {
            return;
        }
        GitOps g = run.unit.gitops();
        Optional<Boolean> removed = switch (g.tool()) {
            case GitOps.ARGOCD -> removedFromArgo(run, claim);
            case GitOps.FLUX_KUSTOMIZE -> removedFromFlux(run, claim);
            default -> Optional.empty();
        };
        if (removed.orElse(false)) {
            run.say(g.describe() + " no longer has " + claim.display() + " in Git");
            return;
        }
        Gate.require(run, "gitops-remove-claim", List.of("remove " + claim.display() + " from Git (" + g.describe()
                        + "), merge, and let " + tool(g) + " sync"),
                removed.isPresent() ? g.describe() + " still has " + claim.display() + " in Git"
                        : "cannot read " + g.describe() + ": confirm the Git change");
    }

    private static String tool(GitOps g) {
        return g.tool().equals(GitOps.ARGOCD) ? "Argo CD" : "Flux";
    }

    /** Whether the Argo CD Application lists the object as requiring pruning (gone from Git); empty when unknown. */
    private static Optional<Boolean> removedFromArgo(UnitRun run, ObjectRef obj) {
        String app = run.unit.gitops().application();
        if (app.isEmpty() || run.kube.cluster().crd("argoproj.io", "Application").isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode a : run.kube.cluster().list("argoproj.io/v1alpha1", "Application", "")) {
            if (!app.equals(a.path("metadata").path("name").asText())) {
                continue;
            }
            for (JsonNode r : a.path("status").path("resources")) {
                if (obj.kind().equals(r.path("kind").asText()) && obj.name().equals(r.path("name").asText())
                        && obj.namespace().equals(r.path("namespace").asText(""))) {
                    return Optional.of(r.path("requiresPruning").asBoolean(false));
                }
            }
            return Optional.of(true);
        }
        return Optional.empty();
    }

    /**
     * Whether the Flux Kustomization's inventory (the objects of the revision it applied last, ids
     * "namespace_name_group_Kind") no longer holds the object; empty when the Kustomization cannot be read.
     */
    private static Optional<Boolean> removedFromFlux(UnitRun run, ObjectRef obj) {
        String app = run.unit.gitops().application();
        int slash = app.indexOf('/');
        if (slash < 0 || run.kube.cluster().crd("kustomize.toolkit.fluxcd.io", "Kustomization").isEmpty()) {
            return Optional.empty();
        }
        ObjectRef ks = new ObjectRef("kustomize.toolkit.fluxcd.io/v1", "Kustomization", app.substring(0, slash),
                app.substring(slash + 1));
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> live = run.kube.get(ks);
        if (live.isEmpty() || !live.get().path("status").has("inventory")) {
            return Optional.empty();
        }
        String id = obj.namespace() + "_" + obj.name() + "_" + obj.group() + "_" + obj.kind();
        for (JsonNode e : live.get().path("status").path("inventory").path("entries")) {
            if (id.equals(e.path("id").asText())) {
                return Optional.of(false);
            }
        }
        return Optional.of(true);
    }
}
