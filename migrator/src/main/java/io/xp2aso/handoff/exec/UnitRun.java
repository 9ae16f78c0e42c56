package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.UnitPlan;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.time.Duration;

/** Everything a step needs while it runs for one unit: the plan, its saved state, the cluster and the output. */
final class UnitRun {
    final Plan plan;
    final UnitPlan unit;
    final ExecutionState.UnitState state;
    final Kube kube;
    final PrintWriter out;
    final boolean approve;
    /** Field managers the operator acknowledged, and the settle period after retire. */
    final Set<String> ackManagers;
    final Duration settle;
    private final Runnable save;

    UnitRun(Plan plan, UnitPlan unit, ExecutionState.UnitState state, Kube kube, PrintWriter out, boolean approve,
            RunOptions options, Runnable save) {
        this.ackManagers = acknowledged(state, options.ackManagers(), out);
        this.settle = options.settle();
        this.plan = plan;
        this.unit = unit;
        this.state = state;
        this.kube = kube;
        this.out = out;
        this.approve = approve;
        this.save = save;
    }

    /**
     * The field managers acknowledged for the unit: those of this run and of every earlier run of it (saved in the
     * state, so a resumed run without the flag does not lose them). A set that differs from the saved one is said.
     */
    static Set<String> acknowledged(ExecutionState.UnitState state, Set<String> given, PrintWriter out) {
        TreeSet<String> saved = new TreeSet<>(state.ackManagers);
        TreeSet<String> added = new TreeSet<>(given);
        added.removeAll(saved);
        TreeSet<String> kept = new TreeSet<>(saved);
        kept.removeAll(given);
        if (!saved.isEmpty() && !added.isEmpty()) {
            out.println("  field managers acknowledged now, not in an earlier run: " + String.join(", ", added));
        }
        if (!kept.isEmpty()) {
            out.println("  field managers acknowledged in an earlier run, still acknowledged: " + String.join(", ", kept));
        }
        TreeSet<String> all = new TreeSet<>(saved);
        all.addAll(given);
        state.ackManagers = new ArrayList<>(all);
        return Set.copyOf(all);
    }

    void save() {
        save.run();
    }

    void say(String line) {
        out.println("    " + line);
        out.flush();
    }

    /** The XR with its live name (read once from the claim's spec.resourceRef and remembered); empty when the unit has none. */
    Optional<ObjectRef> xr() {
        ObjectRef xr = unit.composite();
        if (xr == null) {
            return Optional.empty();
        }
        if (!xr.name().isEmpty()) {
            return Optional.of(xr);
        }
        if (state.xrName.isEmpty() && unit.claim() != null) {
            kube.get(unit.claim()).ifPresent(c -> state.xrName = c.path("spec").path("resourceRef").path("name").asText(""));
        }
        if (state.xrName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(xr.withName(state.xrName));
    }

    /**
     * Claim, XR and the XRs it composes at every depth, top down (the XR only once its name is known): what pause
     * pauses in this order, and what must stay paused until retire.
     */
    List<ObjectRef> claimAndXr() {
        List<ObjectRef> out = new ArrayList<>();
        if (unit.claim() != null) {
            out.add(unit.claim());
        }
        xr().ifPresent(out::add);
        out.addAll(unit.nested());
        return out;
    }

    static String key(ObjectRef r) {
        return r.display();
    }

    /** The ARM ID a primary ASO target must report: the plan's, else the one preflight read from its MR. */
    String expectedId(AsoTarget t) {
        if (!t.primary()) {
            return "";
        }
        if (!t.azureId().isEmpty()) {
            return t.azureId();
        }
        return state.azureIds.getOrDefault(key(t.source()), "");
    }

    ManagedHandoff mr(ObjectRef ref) {
        return unit.resources().stream().filter(m -> m.ref().equals(ref)).findFirst().orElse(null);
    }

    static boolean sameId(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    static List<String> policies(JsonNode mr) {
        List<String> p = new ArrayList<>();
        mr.path("spec").path("managementPolicies").forEach(x -> p.add(x.asText()));
        if (p.isEmpty()) {
            p.add("*");
        }
        return p;
    }

    /** True when the live MR can no longer write to or delete its Azure resource. */
    static boolean observeOnly(ManagedHandoff mr, JsonNode live) {
        boolean policies = policies(live).equals(List.of("Observe"));
        return policies && (mr.namespacedV2() || "Orphan".equals(live.path("spec").path("deletionPolicy").asText()));
    }
}
