package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.world.Estates;
import io.xp2aso.handoff.world.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue #13.3 at migrate time: writers of a unit's objects that the objects the plan is made from show (field managers,
 * GitOps labels) are in plan.md and block the unit until acknowledged; acknowledgements survive a resumed run.
 */
class UnknownManagersTest {
    @TempDir
    Path dir;

    static final String SA = "Account/assets-x7k2p-sa";

    /** The plan is made from objects where the storage account's MR shows {@code change}; the live MR does not. */
    private Harness planSees(Consumer<ObjectNode> change) {
        return new Harness(dir, PlanOptions.defaults(), u -> { }, u -> change.accept(mr(u)), "storage.yaml");
    }

    private static ObjectNode mr(Estates.Loaded u) {
        return u.mrs().stream().filter(m -> m.name().equals("assets-x7k2p-sa")).findFirst().orElseThrow().node();
    }

    private static Consumer<ObjectNode> manager(String name) {
        return n -> n.with("metadata").withArray("managedFields").addObject().put("manager", name).put("operation", "Update");
    }

    @Test
    void anUnknownManagerSeenAtMigrateTimeIsInPlanMdAndBlocksUntilAcknowledged() {
        Harness h = planSees(manager("terraform-operator"));
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertEquals(List.of(new UnknownManager(SA, "terraform-operator")), u.unknownManagers());
            assertEquals(List.of(), u.blockers());
            assertTrue(UnitSummary.of(u).blocked());
            String md = PlanMarkdown.index(h.plan) + PlanMarkdown.page(u);
            assertTrue(md.contains("| **blocked**: unit: " + SA + " is written by field manager"), md);
            assertTrue(md.contains("**Blocked until acknowledged**"), md);
            assertTrue(md.contains("- " + SA + " is written by field manager 'terraform-operator', which xp2aso does not "
                    + "know"), md);
            assertFalse(md.contains("**Ready**"), md);
            assertTrue(PlanJson.write(h.plan).contains("\"unknownManagers\""));
            assertEquals(h.plan, PlanJson.parse("plan.json", PlanJson.write(h.plan)));

            assertEquals(-1, h.runToEnd(ExecutorHooks.NONE, 2));
            assertTrue(h.transcript.toString().contains("--ack-manager terraform-operator (seen when the plan was made)"),
                    h.transcript.toString());
            h.world.rounds(Harness.AFTER_ROUNDS);
            assertEquals(List.of(), h.world.violations());
            assertFalse(h.store.exists() && h.store.started(), "nothing was changed");

            h.ackManagers = Set.of("terraform-operator");
            assertTrue(h.runToEnd(ExecutorHooks.NONE, 10) > 0, h.transcript.toString());
            assertEquals(List.of(), h.endStateViolations());
        }
    }

    /** A GitOps controller seen only as the field manager of an MR, when the claim is not tracked: acknowledgeable. */
    @Test
    void aGitOpsManagerOnAnMrOfAnUntrackedClaimNeedsAcknowledging() {
        Harness h = planSees(manager("kustomize-controller"));
        try (h.world) {
            assertEquals(List.of(new UnknownManager(SA, "kustomize-controller")), h.plan.units().get(0).unknownManagers());
        }
    }

    /** GitOps labels on an MR of an untracked claim: the tool would re-create it after retire; a hard blocker. */
    @Test
    void aFluxLabelledMrOfAnUntrackedClaimIsABlocker() {
        Harness h = planSees(n -> n.with("metadata").with("labels").put(Keys.FLUX_KUSTOMIZE_NAME, "infra")
                .put(Keys.FLUX_KUSTOMIZE_NAMESPACE, "flux-system"));
        try (h.world) {
            UnitPlan u = h.plan.units().get(0);
            assertEquals(List.of(), u.unknownManagers());
            assertTrue(u.blockers().stream().anyMatch(b -> b.contains(SA + " is tracked by Flux Kustomization "
                    + "`flux-system/infra`")), u.blockers().toString());
        }
    }

    /**
     * A run killed after preflight passed with --ack-manager is resumed without the flag: the acknowledgement was
     * saved, so preflight passes again; a run naming another manager says the set changed.
     */
    @Test
    void acknowledgementsAreSavedAndAChangedSetIsShown() {
        Harness h = planSees(manager("terraform-operator"));
        try (h.world) {
            ExecutorHooks crashAfterPreflight = new ExecutorHooks() {
                @Override
                public void after(String unit, String step, boolean rollback) {
                    if (step.equals("preflight")) {
                        throw new Harness.Crash("after preflight");
                    }
                }
            };
            try {
                h.run(new RunOptions(true, true, "", false, Set.of(), Set.of("terraform-operator"), Harness.SETTLE),
                        crashAfterPreflight);
            } catch (Harness.Crash expected) {
                // killed before preflight's completion was saved
            }
            assertEquals(List.of("terraform-operator"), h.store.load().units.get("team-a/assets").ackManagers);
            assertEquals(0, h.run(new RunOptions(true, true, "", false, Set.of(), Set.of("other-tool"), Harness.SETTLE),
                    ExecutorHooks.NONE), h.transcript.toString());
            String t = h.transcript.toString();
            assertTrue(t.contains("field managers acknowledged now, not in an earlier run: other-tool"), t);
            assertTrue(t.contains("field managers acknowledged in an earlier run, still acknowledged: terraform-operator"), t);
            assertTrue(t.contains("[1/10 preflight]") && t.contains("every check passed"), t);
            assertFalse(t.contains("(seen when the plan was made)"), t);
            assertEquals(List.of("other-tool", "terraform-operator"), h.store.load().units.get("team-a/assets").ackManagers);
            assertEquals(List.of(), h.endStateViolations());
        }
    }
}
