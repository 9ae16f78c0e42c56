package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.handoff.exec.ExecutionState;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.HandoffExecutor;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.exec.StateStore;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the executor in a {@link World} the way an operator would: run, and when it stops, do what it asks (merge the
 * Git change, approve what it showed) or simply run again (--resume) after a crash or an error; then checks the end
 * state against the plan. Every problem found is a violation string.
 */
public final class Harness {
    public static final String DIGEST = "test-plan";
    /** Controller rounds run after the handoff, before the end state is judged. */
    public static final int AFTER_ROUNDS = 6;

    public final World world;
    public final List<Estates.Loaded> units;
    public final Plan plan;
    public final StateStore store;
    public final StringBuilder transcript = new StringBuilder();
    /** Per unit: the takeover preview lines the last stop showed, and those the harness approved. */
    private final java.util.Map<String, List<String>> shownPreview = new java.util.HashMap<>();
    public final java.util.Map<String, List<String>> approvedPreview = new java.util.HashMap<>();

    public Harness(Path dir, String... fixtures) {
        this(dir, PlanOptions.defaults(), fixtures);
    }

    public Harness(Path dir, PlanOptions options, String... fixtures) {
        this(dir, options, u -> { }, fixtures);
    }

    /** {@code edit} may change the loaded records (e.g. the mapper's targets) before the plan is built. */
    public Harness(Path dir, PlanOptions options, java.util.function.Consumer<Estates.Loaded> edit, String... fixtures) {
        this(dir, options, u -> { }, edit, fixtures);
    }

    /** {@code setup} may change the loaded objects (labels, managed fields) before they are installed live. */
    public Harness(Path dir, PlanOptions options, java.util.function.Consumer<Estates.Loaded> setup,
                   java.util.function.Consumer<Estates.Loaded> edit, String... fixtures) {
        world = new World();
        units = new ArrayList<>();
        List<MappedUnit> mapped = new ArrayList<>();
        for (String f : fixtures) {
            Estates.Loaded u = Estates.load(f);
            setup.accept(u);
            Estates.install(world, u);
            edit.accept(u);
            units.add(u);
            mapped.add(u.mapped());
        }
        world.rounds(2);
        plan = PlanBuilder.build(new MappingResult(mapped, List.of()), options);
        store = new StateStore(dir.resolve("plan.state.json"));
    }

    /** A harness over a world and a plan made elsewhere (e.g. by the real pipeline: {@link PipelineEstates}). */
    public Harness(Path dir, World world, Plan plan) {
        this.world = world;
        this.units = List.of();
        this.plan = plan;
        this.store = new StateStore(dir.resolve("plan.state.json"));
    }

    public int run(RunOptions o, ExecutorHooks hooks) {
        // An approval covers exactly what the last run showed (the gate's digest); the invariant holds Azure to it.
        ExecutionState before = store.load();
        for (String id : o.approve()) {
            ExecutionState.UnitState us = before.units.get(id);
            if (us != null && us.pendingStep.equals("preview")) {
                approvedPreview.put(id, shownPreview.getOrDefault(id, List.of()));
            }
        }
        StringWriter out = new StringWriter();
        HandoffExecutor ex = new HandoffExecutor(world.executorCluster(), world.ticker(), store, new PrintWriter(out), hooks);
        try {
            return ex.run(plan, DIGEST, o);
        } finally {
            transcript.append(out);
            PreviewInvariant.collect(out.toString(), shownPreview);
        }
    }

    public static RunOptions execute() {
        return new RunOptions(true, true, "", false, Set.of(), Set.of(), SETTLE);
    }

    /** The settle period after retire in the world: six polls, enough for every controller to act several times. */
    public static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(30);
    /** How {@link #runToEnd} runs the plan beyond its defaults: a wave, several units at once, a write budget. */
    public java.util.function.UnaryOperator<RunOptions> waves = o -> o;
    /** Field managers the operator acknowledges in {@link #runToEnd}. */
    public Set<String> ackManagers = Set.of();

    /**
     * Runs to the end like an operator: after a crash (any RuntimeException from the hooks) or a stop, controllers keep
     * running for a while, then the run is resumed; Git changes and approvals are given when asked. Returns the number
     * of runs it took, or -1 when it did not finish within {@code maxRuns}.
     */
    public int runToEnd(ExecutorHooks hooks, int maxRuns) {
        Set<String> approve = Set.of();
        for (int i = 1; i <= maxRuns; i++) {
            int code;
            try {
                code = run(waves.apply(new RunOptions(true, true, "", false, approve, ackManagers, SETTLE)), hooks);
            } catch (Crash c) {
                transcript.append("CRASH ").append(c.getMessage()).append('\n');
                world.rounds(3);
                continue;
            }
            if (code == 0) {
                return i;
            }
            approve = Set.of();
            ExecutionState st = store.load();
            // Every unit of the plan, whether its objects came from fixtures or from the pipeline.
            for (UnitPlan u : plan.units()) {
                String id = u.id();
                ExecutionState.UnitState us = st.units.get(id);
                String tail = transcript.substring(Math.max(0, transcript.length() - 4000));
                ObjectRef top = u.claim() != null ? u.claim() : u.composite();
                boolean flux = world.flux.tracks(top);
                if (tail.contains("waiting for the Git change: " + top.display())) {
                    if (flux) {
                        world.flux.mergeProtect(top);
                    } else {
                        world.argo.mergeProtect(top);
                    }
                }
                if (us != null && us.pendingStep.equals("gitops-remove-claim") || tail.contains("still has "
                        + top.display() + " in Git")) {
                    if (flux) {
                        world.flux.removeFromGit(top);
                    } else {
                        world.argo.removeFromGit(top);
                    }
                }
                if (us != null && !us.pendingStep.isEmpty()) {
                    Set<String> a = new java.util.HashSet<>(approve);
                    a.add(id);
                    approve = Set.copyOf(a);
                }
            }
            world.rounds(3);
        }
        return -1;
    }

    /** Thrown by test hooks to abort the executor at a chosen point, as a kill would. */
    public static final class Crash extends RuntimeException {
        public Crash(String where) {
            super(where);
        }
    }

    /** Violations of the end state: the plan finished, Crossplane objects gone, Azure as the ASO specs say. */
    public List<String> endStateViolations() {
        // The controllers (GC, Crossplane, ASO, GitOps) go on after the last step: what they do then counts too.
        world.rounds(AFTER_ROUNDS);
        List<String> out = new ArrayList<>(world.violations());
        ExecutionState st = store.load();
        for (UnitPlan u : plan.units()) {
            ExecutionState.UnitState us = st.units.get(u.id());
            if (us == null || us.done.size() != u.steps().size()) {
                out.add(u.id() + ": not every step completed: " + (us == null ? "[]" : us.done));
            }
            out.addAll(unitEndState(world, u, approvedPreview.getOrDefault(u.id(), List.of())));
        }
        return out;
    }

    /** A handed-over unit's end state: Crossplane objects gone, ASO objects as planned, Azure as their specs say. */
    public static List<String> unitEndState(World world, UnitPlan u, List<String> approved) {
        List<String> out = new ArrayList<>();
        for (ManagedHandoff mr : u.resources()) {
            if (world.get(mr.ref()).isPresent()) {
                out.add(u.id() + ": " + mr.ref().display() + " still exists");
            }
        }
        out.addAll(PreviewInvariant.check(world, u, approved));
        if (u.claim() != null && world.get(u.claim()).isPresent()) {
            out.add(u.id() + ": claim still exists");
        }
        for (AsoTarget t : u.aso()) {
            Optional<ObjectNode> cr = world.get(t.ref());
            if (cr.isEmpty()) {
                out.add(u.id() + ": " + t.ref().display() + " missing");
                continue;
            }
            Optional<String> id = world.aso.armId(cr.get());
            Optional<ObjectNode> az = id.flatMap(world.azure::get);
            if (az.isEmpty()) {
                out.add(u.id() + ": Azure resource of " + t.ref().display() + " missing");
            } else if (!PreviewInvariant.sentIsKept(world.aso.body(cr.get()).orElse(AsoEmulator.properties(cr.get())), az.get())) {
                out.add(u.id() + ": Azure state of " + id.get() + " is " + az.get() + ", planned "
                        + world.aso.body(cr.get()).orElse(AsoEmulator.properties(cr.get())));
            }
            if (!t.policyAfterHandover().equals(AsoEmulator.policy(cr.get()))) {
                out.add(u.id() + ": " + t.ref().display() + " has reconcile-policy " + AsoEmulator.policy(cr.get())
                        + ", planned " + t.policyAfterHandover());
            }
        }
        return out;
    }

    /** Properties that changed in Azure without being in the approved takeover preview (approved by runToEnd). */
    public List<String> unpreviewedChanges() {
        List<String> out = new ArrayList<>();
        for (UnitPlan u : plan.units()) {
            out.addAll(PreviewInvariant.check(world, u, approvedPreview.getOrDefault(u.id(), List.of())));
        }
        return out;
    }

    public ObjectRef top(int i) {
        return units.get(i).top();
    }
}
