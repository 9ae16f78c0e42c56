package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.Estates;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue #13.3: GitOps tools besides Argo CD's default label (Flux, Argo CD with a custom instance label), field
 * managers xp2aso does not know, and the settle period after retire.
 */
class HandoffGitOpsTest {
    @TempDir
    Path dir;

    private static Consumer<Estates.Loaded> claim(Consumer<ObjectNode> change) {
        return u -> change.accept(u.claim().node());
    }

    private Harness harness(Consumer<Estates.Loaded> setup) {
        return new Harness(dir, PlanOptions.defaults(), setup, u -> { }, "storage.yaml");
    }

    @Test
    void aFluxTrackedClaimIsHandedOverThroughFlux() {
        Harness h = harness(claim(c -> c.with("metadata").with("labels").put(Keys.FLUX_KUSTOMIZE_NAME, "apps")
                .put(Keys.FLUX_KUSTOMIZE_NAMESPACE, "flux-system")));
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertEquals(new GitOps(GitOps.FLUX_KUSTOMIZE, "flux-system/apps", "label " + Keys.FLUX_KUSTOMIZE_NAME), u.gitops());
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
            String t = h.transcript.toString();
            assertTrue(t.contains("must carry kustomize.toolkit.fluxcd.io/prune: disabled"), t);
            assertTrue(t.contains("Flux Kustomization `flux-system/apps` no longer has ObjectStore/team-a/assets in Git"), t);
            assertTrue(t.contains("settled: nothing deleted reappeared within 30 s"), t);
        }
    }

    /** Argo CD with a custom instance label (argocd-cm): a plan without GitOps steps stops at preflight. */
    @Test
    void aCustomArgoLabelStopsAPlanWithoutGitOpsSteps() {
        Harness h = harness(u -> { });
        try (h.world) {
            h.world.argo.track("team-apps", h.units.get(0).claim().node().deepCopy(), "example.com/app");
            assertEquals(-1, h.runToEnd(ExecutorHooks.NONE, 3));
            assertTrue(h.transcript.toString().contains("ObjectStore/team-a/assets is tracked by Argo CD application "
                    + "`team-apps` (label example.com/app) but the plan has no GitOps steps"), h.transcript.toString());
            h.world.rounds(Harness.AFTER_ROUNDS);
            assertEquals(List.of(), h.world.violations());
        }
    }

    /** The same claim, with the plan made from objects that show Argo CD's field manager: the GitOps steps run. */
    @Test
    void aCustomArgoLabelSeenByItsFieldManagerIsHandedOver() {
        Harness h = harness(claim(c -> c.with("metadata").withArray("managedFields").addObject()
                .put("manager", "argocd-controller").put("operation", "Apply")));
        try (h.world) {
            h.world.argo.track("team-apps", h.units.get(0).claim().node().deepCopy(), "example.com/app");
            assertEquals(new GitOps(GitOps.ARGOCD, "", "field manager argocd-controller"), h.plan.units().get(0).gitops());
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
        }
    }

    @Test
    void anUnknownFieldManagerBlocksUntilAcknowledged() {
        Harness h = harness(claim(c -> c.with("metadata").withArray("managedFields").addObject()
                .put("manager", "terraform-provider-kubernetes").put("operation", "Update")));
        try (h.world) {
            assertEquals(-1, h.runToEnd(ExecutorHooks.NONE, 2));
            assertTrue(h.transcript.toString().contains("ObjectStore/team-a/assets is written by field manager "
                    + "'terraform-provider-kubernetes', which xp2aso does not know"), h.transcript.toString());
            h.ackManagers = Set.of("terraform-provider-kubernetes");
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
        }
    }

    /** A tool nothing on the objects shows re-creates the claim after retire: the settle period catches it. */
    @Test
    void theSettlePeriodCatchesAClaimThatReappears() {
        Harness h = harness(u -> { });
        try (h.world) {
            h.world.argo.track("ci", h.units.get(0).claim().node().deepCopy(), "");
            assertEquals(-1, h.runToEnd(ExecutorHooks.NONE, 2));
            String t = h.transcript.toString();
            assertTrue(t.contains("during the settle period after retire: ObjectStore/team-a/assets reappeared"), t);
            assertFalse(h.store.load().units.get("team-a/assets").done.contains("final-verify"), "the unit is not done");
        }
    }

    /** Negative control: without a settle period the same run ends "done" while the claim is back. */
    @Test
    void withoutASettlePeriodTheReappearingClaimGoesUnnoticed() {
        Harness h = harness(u -> { });
        try (h.world) {
            h.world.argo.track("ci", h.units.get(0).claim().node().deepCopy(), "");
            assertEquals(0, h.run(new RunOptions(true, true, "", false, Set.of(), Set.of(), Duration.ZERO),
                    ExecutorHooks.NONE), h.transcript.toString());
            assertTrue(h.endStateViolations().stream().anyMatch(v -> v.contains("claim still exists")), "caught by the world");
        }
    }
}
