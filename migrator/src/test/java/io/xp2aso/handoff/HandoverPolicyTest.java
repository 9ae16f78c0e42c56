package io.xp2aso.handoff;

import io.xp2aso.handoff.world.PipelineEstates;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconcile-policy each ASO resource keeps after the handoff, from its MR's policies (fixtures in
 * migrate/shared, planned by the real pipeline): observe-only stays skip for good, orphaning becomes
 * detach-on-delete, the rest manage.
 */
class HandoverPolicyTest {
    static UnitPlan unit(String id) throws Exception {
        Path dir = Path.of(HandoverPolicyTest.class.getResource("/migrate/shared/sources.yaml").toURI()).getParent();
        return PipelineEstates.build(dir.resolve("sources.yaml"), dir.resolve("observed.yaml")).plan().unit(id).orElseThrow();
    }

    @Test
    void observeOnlyStaysSkipAndOrphanBecomesDetachOnDelete() throws Exception {
        UnitPlan u = unit("team/shared");
        Map<String, String> policies = u.aso().stream().collect(Collectors.toMap(t -> t.source().name(),
                AsoTarget::policyAfterHandover));
        assertEquals(Map.of("shared-s7k2m-hub11", "skip", "shared-s7k2m-logs2", "detach-on-delete"), policies);
        List<String> manage = u.step("manage").commands();
        assertTrue(manage.stream().anyMatch(c -> c.startsWith("# ResourceGroup/team/") && c.contains(" stays skip for good")),
                manage.toString());
        assertTrue(manage.stream().noneMatch(c -> c.contains("reconcile-policy=manage")), manage.toString());
        assertTrue(manage.stream().anyMatch(c -> c.contains("reconcile-policy=detach-on-delete")), manage.toString());
        List<String> verify = u.step("final-verify").commands();
        assertTrue(verify.stream().anyMatch(c -> c.contains("'skip'")), verify.toString());
        assertTrue(verify.stream().anyMatch(c -> c.contains("'detach-on-delete'")), verify.toString());
    }

    @Test
    void thePolicyRoundTripsThroughPlanJsonAndManageStaysImplicit() throws Exception {
        UnitPlan u = unit("team/shared");
        Plan p = new Plan(Plan.SCHEMA_VERSION, "aso", 600, 5, List.of(u));
        String json = PlanJson.write(p);
        assertTrue(json.contains("\"handoverPolicy\":\"skip\""), json);
        assertEquals(u.aso(), PlanJson.parse("plan.json", json).units().get(0).aso());
        AsoTarget managed = u.aso().get(0).withPolicy(Keys.POLICY_MANAGE);
        assertEquals(null, managed.handoverPolicy(), "manage is written as before: no field");
    }

    @Test
    void mrPoliciesDecideThePolicy() {
        ObjectRef r = new ObjectRef("azure.upbound.io/v1beta1", "ResourceGroup", "", "rg");
        assertEquals("skip", HandoverPolicy.of(mr(r, false, "Delete", "Observe")));
        assertEquals("skip", HandoverPolicy.of(mr(r, false, "Delete", "Observe", "LateInitialize", "Delete")),
                "Delete without Create or Update: ASO must not PUT, so skip (which never deletes either)");
        assertEquals("detach-on-delete", HandoverPolicy.of(mr(r, false, "Orphan", "*")));
        assertEquals("detach-on-delete", HandoverPolicy.of(mr(r, false, "Delete", "Observe", "Create", "Update")));
        assertEquals("manage", HandoverPolicy.of(mr(r, false, "Delete", "*")));
        assertEquals("manage", HandoverPolicy.of(mr(r, false, "Orphan", "Observe", "Update", "Delete")),
                "the legacy resolver deletes when Delete is listed without *");
        assertEquals("manage", HandoverPolicy.of(mr(r, true, "", "*")));
        assertEquals("detach-on-delete", HandoverPolicy.of(mr(r, true, "", "Observe", "Create", "Update")));
        assertEquals("skip", HandoverPolicy.stricter("manage", "skip"));
        assertEquals("detach-on-delete", HandoverPolicy.stricter("detach-on-delete", "manage"));
    }

    static ManagedHandoff mr(ObjectRef ref, boolean v2, String deletionPolicy, String... policies) {
        return new ManagedHandoff(ref, "", v2, "", "", deletionPolicy, List.of(policies), List.of(), List.of(), List.of(), List.of());
    }
}
