package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue #13.3: every GitOps tracker is recognised both when the plan is made (migrate, from the objects it reads)
 * and live at preflight (a plan made from objects that did not show it stops before anything changes): Argo CD's
 * default instance label, its tracking-id annotation, a custom instance label declared in argocd/argocd-cm, Flux's
 * kustomize-controller and helm-controller labels, and each tool's field manager alone.
 */
class GitOpsTrackersTest {
    static final String CUSTOM_LABEL = "example.com/app";

    @TempDir
    Path dir;

    static Stream<Arguments> trackers() {
        return Stream.of(
                Arguments.of("Argo CD instance label", label(Keys.ARGO_INSTANCE_LABEL, "web"),
                        new GitOps(GitOps.ARGOCD, "web", "label " + Keys.ARGO_INSTANCE_LABEL)),
                Arguments.of("Argo CD annotation tracking", annotation(Keys.ARGO_TRACKING_ID,
                                "web:platform.example.org/ObjectStore:team-a/assets"),
                        new GitOps(GitOps.ARGOCD, "web", "annotation " + Keys.ARGO_TRACKING_ID)),
                Arguments.of("Argo CD custom instance label (argocd-cm)", label(CUSTOM_LABEL, "web"),
                        new GitOps(GitOps.ARGOCD, "web", "label " + CUSTOM_LABEL)),
                Arguments.of("Flux Kustomization", label(Keys.FLUX_KUSTOMIZE_NAME, "apps")
                                .andThen(label(Keys.FLUX_KUSTOMIZE_NAMESPACE, "flux-system")),
                        new GitOps(GitOps.FLUX_KUSTOMIZE, "flux-system/apps", "label " + Keys.FLUX_KUSTOMIZE_NAME)),
                Arguments.of("Flux HelmRelease", label(Keys.FLUX_HELM_NAME, "storage")
                                .andThen(label(Keys.FLUX_HELM_NAMESPACE, "team-a")),
                        new GitOps(GitOps.FLUX_HELM, "team-a/storage", "label " + Keys.FLUX_HELM_NAME)),
                Arguments.of("argocd-controller field manager", manager("argocd-controller"),
                        new GitOps(GitOps.ARGOCD, "", "field manager argocd-controller")),
                Arguments.of("argocd-application-controller field manager", manager("argocd-application-controller"),
                        new GitOps(GitOps.ARGOCD, "", "field manager argocd-application-controller")),
                Arguments.of("kustomize-controller field manager", manager("kustomize-controller"),
                        new GitOps(GitOps.FLUX_KUSTOMIZE, "", "field manager kustomize-controller")),
                Arguments.of("helm-controller field manager", manager("helm-controller"),
                        new GitOps(GitOps.FLUX_HELM, "", "field manager helm-controller")));
    }

    private static Consumer<ObjectNode> label(String key, String value) {
        return o -> o.with("metadata").with("labels").put(key, value);
    }

    private static Consumer<ObjectNode> annotation(String key, String value) {
        return o -> o.with("metadata").with("annotations").put(key, value);
    }

    private static Consumer<ObjectNode> manager(String name) {
        return o -> o.with("metadata").withArray("managedFields").addObject().put("manager", name).put("operation", "Apply");
    }

    /** ConfigMap argocd/argocd-cm declaring the custom instance label, as `kubectl get cm -n argocd argocd-cm` gives it. */
    static ObjectNode argocdCm() {
        ObjectNode cm = Yaml.JSON.createObjectNode();
        cm.put("apiVersion", "v1").put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", Keys.ARGO_CM).put("namespace", Keys.ARGO_CM_NAMESPACE);
        cm.putObject("data").put(Keys.ARGO_CM_LABEL_KEY, CUSTOM_LABEL);
        return cm;
    }

    /** The plan is made from objects that show the tracker (the --observed stream holds argocd-cm too). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trackers")
    void seenWhenThePlanIsMade(String name, Consumer<ObjectNode> mark, GitOps expected) {
        PlanOptions options = PlanOptions.defaults().withObserved(new ObservedIndex(List.of(new Manifest(argocdCm(),
                Origin.UNKNOWN))));
        Harness h = new Harness(dir, options, u -> { }, u -> mark.accept(u.claim().node()), "storage.yaml");
        try (h.world) {
            assertEquals(expected, h.plan.units().get(0).gitops());
        }
    }

    /** The plan was made from objects that did not show it; the live claim does: preflight stops, nothing changes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trackers")
    void seenLiveAtPreflight(String name, Consumer<ObjectNode> mark, GitOps expected) {
        Harness h = new Harness(dir, "storage.yaml");
        try (h.world) {
            assertNull(h.plan.units().get(0).gitops());
            h.world.argo.installConfigMap(CUSTOM_LABEL);
            h.world.edit(h.top(0), mark);
            assertNotEquals(0, h.run(Harness.execute(), ExecutorHooks.NONE));
            String t = h.transcript.toString();
            assertTrue(t.contains(h.top(0).display() + " is tracked by " + expected.describe() + " (" + expected.evidence()
                    + ") but the plan has no GitOps steps"), t);
            assertFalse(h.store.started(), "nothing changed");
        }
    }

    /**
     * A claim installed by a Flux HelmRelease (helm-controller with drift detection re-creates what is missing, and
     * an upgrade deletes what the chart no longer renders unless it carries helm.sh/resource-policy: keep): handed
     * over through Flux, with the keep annotation before anything is deleted.
     */
    @Test
    void aClaimInstalledByAFluxHelmReleaseIsHandedOver() {
        Harness h = new Harness(dir, PlanOptions.defaults(), u -> {
            ObjectNode c = u.claim().node();
            label(Keys.FLUX_HELM_NAME, "storage").andThen(label(Keys.FLUX_HELM_NAMESPACE, "team-a")).accept(c);
        }, u -> { }, "storage.yaml");
        try (h.world) {
            assertEquals(GitOps.FLUX_HELM, h.plan.units().get(0).gitops().tool());
            assertTrue(h.world.flux.tracks(h.top(0)));
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
            String t = h.transcript.toString();
            assertTrue(t.contains("must carry helm.sh/resource-policy: keep"), t);
            assertTrue(t.contains("cannot read Flux HelmRelease `team-a/storage`: confirm the Git change"), t);
            assertTrue(t.contains("settled: nothing deleted reappeared within 30 s"), t);
        }
    }

    /** Negative control: helm-controller's upgrade deletes a claim the chart no longer renders, and it comes back. */
    @Test
    void withoutKeepTheChartsUpgradeDeletesTheClaim() {
        Harness h = new Harness(dir, PlanOptions.defaults(), u -> label(Keys.FLUX_HELM_NAME, "storage")
                .andThen(label(Keys.FLUX_HELM_NAMESPACE, "team-a")).accept(u.claim().node()), u -> { }, "storage.yaml");
        try (h.world) {
            h.world.flux.removeFromGit(h.top(0));
            h.world.rounds(3);
            assertTrue(h.world.violations().stream().anyMatch(v -> v.contains("DELETE")), h.world.violations().toString());
        }
    }
}
