package io.xp2aso.handoff.exec;

import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanGoldenTestAccess;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.source.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --select on the three fixture units (team-a/assets, team-b/orders-db, team-c/edge-net). */
class SelectionTest {
    private static List<String> pick(String... exprs) {
        Plan plan = PlanGoldenTestAccess.fixturePlan();
        return Selection.parse(List.of(exprs)).pick(plan.units(), u -> u.id().startsWith("team-b/")
                ? Map.of("wave", "2") : Map.of("wave", "1")).stream().map(UnitPlan::id).toList();
    }

    @Test
    void termsAreAndedAndExpressionsOred() {
        assertEquals(List.of("team-a/assets"), pick("namespace=team-a"));
        assertEquals(List.of("team-a/assets", "team-b/orders-db"), pick("unit=team-[ab]*", "unit=team-?/orders*", "unit=*/assets"),
                "[ is literal; ? one character");
        assertEquals(List.of("team-b/orders-db"), pick("team-?/orders*"), "a bare term is a unit glob");
        assertEquals(List.of("team-a/assets", "team-c/edge-net"), pick("label=wave=1"));
        assertEquals(List.of(), pick("label=wave=1,namespace=team-b"));
        assertEquals(List.of("team-b/orders-db"), pick("kind=postgresinstance"), "the claim's kind, without case");
        assertEquals(List.of("team-c/edge-net"), pick("kind=xr-argocd"), "or the kind of unit");
        assertEquals(3, pick().size(), "no --select: every unit");
    }

    @Test
    void aBadExpressionIsAnErrorNamingIt() {
        InputException e = assertThrows(InputException.class, () -> pick("team=a"));
        assertTrue(e.getMessage().contains("unknown term 'team'"), e.getMessage());
        assertThrows(InputException.class, () -> pick("namespace="));
        assertThrows(InputException.class, () -> pick("namespace=a,,kind=b"));
    }
}
