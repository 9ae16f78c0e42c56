package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.UnitPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * ASO owners another unit hands over: a resource shared by two units (a resource group one unit's MR manages and
 * another unit's MRs live in) is in the plan of the unit that owns it only, and the other unit's ASO objects name it
 * as their owner. ASO adopts a child only once its owner object exists, so a unit whose owner belongs to a unit not
 * yet applied is stopped in preflight, before anything changes, naming the unit to hand over first. The shared
 * object itself is never applied or switched by the other unit: it is handed over once.
 */
final class SharedOwners {
    private SharedOwners() {
    }

    static List<String> check(UnitRun run) {
        List<String> problems = new ArrayList<>();
        for (AsoTarget t : run.unit.aso()) {
            JsonNode owner = t.manifest().path("spec").path("owner");
            String name = owner.path("name").asText("");
            if (name.isEmpty() || owner.hasNonNull("armId") || own(run.unit, t, owner)) {
                continue;
            }
            for (UnitPlan other : run.plan.units()) {
                if (other.id().equals(run.unit.id())) {
                    continue;
                }
                for (AsoTarget o : other.aso()) {
                    if (matches(t, o, owner) && run.kube.get(o.ref()).isEmpty()) {
                        problems.add(t.ref().display() + ": its owner " + name + " is " + o.ref().display() + " of unit "
                                + other.id() + ", which is not in the cluster yet: hand over " + other.id() + " first");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean own(UnitPlan unit, AsoTarget child, JsonNode owner) {
        return unit.aso().stream().anyMatch(o -> matches(child, o, owner));
    }

    /** {@code o} is the object {@code child}'s owner names: same namespace and name (and kind, when the owner says). */
    private static boolean matches(AsoTarget child, AsoTarget o, JsonNode owner) {
        String kind = owner.path("kind").asText("");
        return o.ref().namespace().equals(child.ref().namespace()) && o.ref().name().equals(owner.path("name").asText())
                && (kind.isEmpty() || kind.equals(o.ref().kind())) && !o.ref().equals(child.ref());
    }
}
