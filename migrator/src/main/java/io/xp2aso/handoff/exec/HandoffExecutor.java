package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.Step;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.preview.PropertyChange;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a handoff plan against a cluster. Dry run by default: checks preconditions and prints what it would do.
 * With execute, runs each unit's remaining steps in order; every step is idempotent and verified by reading back,
 * and its completion is saved (atomically) before the next starts, so a killed run resumes at the step it was in.
 * Returns 0 when every selected unit finished, 1 when one stopped (failed check, timeout, approval or Git change
 * pending). Unreachable clusters and denied permissions propagate as {@link ClusterException} (exit 2).
 */
public final class HandoffExecutor {
    private final Cluster cluster;
    private final Ticker ticker;
    private final StateStore store;
    private final PrintWriter out;
    private final ExecutorHooks hooks;

    public HandoffExecutor(Cluster cluster, Ticker ticker, StateStore store, PrintWriter out, ExecutorHooks hooks) {
        this.cluster = cluster;
        this.ticker = ticker;
        this.store = store;
        this.out = out;
        this.hooks = hooks;
    }

    public int run(Plan plan, String planDigest, RunOptions o) {
        ExecutionState state = store.load();
        boolean progress = state.units.values().stream().anyMatch(u -> !u.done.isEmpty() || u.retireStarted
                || !u.originals.isEmpty());
        Origin origin = new Origin(store.file().toString(), 0);
        if (progress && !state.planDigest.isEmpty() && !state.planDigest.equals(planDigest)) {
            throw new InputException(origin, "the plan changed after this state was saved; finish or roll back with "
                    + "the plan that was started, or remove the state file to start over");
        }
        if (o.execute() && !o.rollback() && progress && !o.resume()) {
            throw new InputException(origin, "a previous run saved its progress here: add --resume to continue it "
                    + "(or --rollback to undo it)");
        }
        state.planDigest = planDigest;
        List<UnitPlan> units = new ArrayList<>();
        for (UnitPlan u : plan.units()) {
            if (o.only().isEmpty() || o.only().equals(u.id())) {
                units.add(u);
            }
        }
        if (!o.only().isEmpty() && units.isEmpty()) {
            throw new InputException(new Origin("--only", 0), "no unit " + o.only() + " in the plan");
        }
        for (String a : o.approve()) {
            if (plan.unit(a).isEmpty()) {
                throw new InputException(new Origin("--approve", 0), "no unit " + a + " in the plan");
            }
        }
        Duration timeout = Duration.ofSeconds(plan.timeoutSeconds());
        Duration poll = Duration.ofSeconds(plan.pollSeconds());
        Kube probe = new Kube(cluster, ticker, timeout, poll);
        if (!o.select().isEmpty()) {
            units = o.select().pick(units, u -> labels(probe, u));
            if (units.isEmpty()) {
                throw new InputException(new Origin("--select", 0), "selects no unit of the plan");
            }
        }
        int parallel = Math.min(o.parallel(), Math.max(1, units.size()));
        out.println((o.execute() ? "" : "dry run (nothing is changed; add --execute to run): ")
                + (o.rollback() ? "rollback of " : "handoff of ") + units.size() + (units.size() == 1 ? " unit" : " units")
                + (parallel > 1 ? ", " + parallel + " at a time" : ""));
        Progress tally = new Progress(units.size(), parallel, ticker.now());
        List<UnitPlan> wave = units;
        int[] code = {0};
        if (parallel == 1) {
            budget = new WriteBudget(o.apiWritesPerSecond(), o.armWritesPerHour(), ticker, state.armWrites);
            Kube kube = new Kube(budget.guard(cluster), ticker, timeout, poll);
            for (UnitPlan u : wave) {
                int c = unit(plan, u, state, kube, out, o);
                code[0] |= c;
                progress(tally, c, ticker, o, units.size());
            }
        } else {
            // Units wait in turns on one clock (see Lockstep): each one's lines are printed once it ends or stops.
            Lockstep lockstep = new Lockstep(ticker, parallel, wave.size(), i -> {
                StringWriter lines = new StringWriter();
                PrintWriter unitOut = new PrintWriter(lines);
                int c = -1;
                try {
                    c = unit(plan, wave.get(i), state, unitKube, unitOut, o);
                } finally {
                    unitOut.flush();
                    out.print(lines);
                    if (c >= 0) { // a unit killed mid-step (the run aborts) neither finished nor stopped
                        code[0] |= c;
                        progress(tally, c, lockstepTicker, o, wave.size());
                    }
                }
            });
            lockstepTicker = lockstep.ticker();
            budget = new WriteBudget(o.apiWritesPerSecond(), o.armWritesPerHour(), lockstepTicker, state.armWrites);
            unitKube = new Kube(budget.guard(cluster), lockstepTicker, timeout, poll);
            lockstep.run();
        }
        out.println(code[0] == 0 ? "done" : "stopped: see above" + (o.execute() && store.exists()
                ? "; the progress is saved in " + store.file() : ""));
        out.flush();
        return code[0];
    }

    /** The write budget of the current run, and what the units of a parallel run share. */
    private WriteBudget budget;
    private Ticker lockstepTicker;
    private Kube unitKube;

    /** A progress line after each unit of a run of several (with --execute): done, running, blocked, ETA. */
    private void progress(Progress p, int code, Ticker clock, RunOptions o, int total) {
        if (code >= 0) {
            p.finished(code);
        }
        if (total > 1 && o.execute()) {
            out.println(p.line(clock.now()));
        }
        out.flush();
    }

    /** The live labels of the object a unit is selected by (--select label=...): its claim, else its XR or MR. */
    private static java.util.Map<String, String> labels(Kube kube, UnitPlan u) {
        io.xp2aso.handoff.ObjectRef top = Selection.top(u);
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (top != null) {
            kube.get(top).ifPresent(o -> o.path("metadata").path("labels").fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText())));
        }
        return out;
    }

    /** Runs (or checks) one unit to its end or stop: 0 finished, 1 stopped. Its failure stops it alone. */
    private int unit(Plan plan, UnitPlan u, ExecutionState state, Kube kube, PrintWriter out, RunOptions o) {
        ExecutionState.UnitState us = state.unit(u.id());
        Runnable save = o.execute() ? () -> store.save(state) : () -> { };
        out.println("unit " + u.id() + ": " + us.done.size() + "/" + u.steps().size() + " steps done");
        UnitRun run = new UnitRun(plan, u, us, kube, out, o.approve().contains(u.id()), o, save);
        if (!us.ackManagers.isEmpty()) {
            run.save(); // the acknowledgements hold for every later run of the unit, even one killed in preflight
        }
        int code = 0;
        try {
            boolean finished = o.rollback() ? rollback(run, o.execute(), state) : forward(run, o.execute());
            if (!finished) {
                code = 1;
            }
        } catch (NeedsApproval e) {
            out.println("  STOPPED for approval: " + e.getMessage());
            e.lines().forEach(l -> out.println("    " + l));
            code = 1;
        } catch (StepFailed e) {
            out.println("  STOPPED: " + e.getMessage());
            code = 1;
        } catch (ClusterException e) {
            if (e.fatal()) {
                throw e;
            }
            out.println("  STOPPED: " + e.getMessage() + " (retried; run again with --resume)");
            code = 1;
        }
        out.flush();
        return code;
    }

    private boolean forward(UnitRun run, boolean execute) {
        List<Step> steps = run.unit.steps();
        boolean ok = true;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (run.state.done.contains(s.id())) {
                continue;
            }
            run.out.println("  [" + (i + 1) + "/" + steps.size() + " " + s.id() + "] " + s.title());
            if (!execute) {
                ok &= dryRun(run, s);
                continue;
            }
            hooks.before(run.unit.id(), s.id(), false);
            perform(run, s);
            hooks.after(run.unit.id(), s.id(), false);
            run.state.done.add(s.id());
            run.save();
        }
        if (execute) {
            run.out.println("  handed over");
        }
        return ok;
    }

    private void perform(UnitRun run, Step s) {
        switch (s.action()) {
            case PREFLIGHT -> {
                List<String> problems = Preflight.check(run);
                if (!problems.isEmpty()) {
                    throw new StepFailed("preflight failed:\n      - " + String.join("\n      - ", problems));
                }
                run.say("every check passed");
                Gate.require(run, s.id(), Preflight.unacceptedDrift(run), "desired and observed state differ");
            }
            case GITOPS_PROTECT -> GitOpsSteps.protect(run);
            case PAUSE -> CrossplaneSteps.pause(run);
            case ORPHAN -> CrossplaneSteps.orphan(run);
            case APPLY_ASO_SKIP -> AsoSteps.apply(run);
            case VERIFY_ASO -> AsoSteps.verify(run, false);
            case CAPZ_ADOPT -> CapzSteps.adopt(run);
            case PREVIEW -> Gate.require(run, s.id(), preview(run), "the takeover preview is not empty: ASO's first PUT "
                    + "would change Azure as listed");
            case MANAGE -> {
                // ASO's first PUT of each resource is an ARM write: the unit waits for room in the hour's budget
                // (once: a manage resumed after a crash has its writes counted already)
                if (!run.state.armReserved) {
                    budget.reserveArm(WriteBudget.armWritesOf(run), run::say, () -> {
                        run.state.armReserved = true;
                        run.save();
                    });
                }
                // CAPZ gates after the (possibly long) wait for budget, so they hold when manage starts
                CapzSteps.beforeManage(run);
                AsoSteps.manage(run);
            }
            case VERIFY_MANAGED -> AsoSteps.verify(run, true);
            case GITOPS_ADD_ASO -> GitOpsSteps.addAso(run);
            case GITOPS_REMOVE_CLAIM -> GitOpsSteps.removeClaim(run);
            case RETIRE -> CrossplaneSteps.retire(run);
            case FINAL_VERIFY -> AsoSteps.finalVerify(run);
        }
    }

    static List<String> preview(UnitRun run) {
        List<String> lines = new ArrayList<>();
        for (AsoTarget t : run.unit.aso()) {
            JsonNode live = run.kube.require(t.ref());
            for (PropertyChange c : TakeoverPreview.live(run.kube.cluster(), t.ref(), live)) {
                lines.add(t.ref().display() + ": " + c.line());
            }
        }
        if (lines.isEmpty()) {
            run.say("empty: ASO's first PUT changes nothing that Azure reports");
        }
        return lines;
    }

    /** Read-only: preflight is checked in full; later steps say what they would do. */
    private boolean dryRun(UnitRun run, Step s) {
        if (s.action() == io.xp2aso.handoff.StepAction.PREFLIGHT) {
            List<String> problems = Preflight.check(run);
            problems.forEach(p -> run.say("FAIL " + p));
            List<String> drift = Preflight.unacceptedDrift(run);
            drift.forEach(d -> run.say("needs approval (drift): " + d));
            if (problems.isEmpty()) {
                run.say("ok: every check passed");
            }
            return problems.isEmpty();
        }
        s.checks().forEach(c -> run.say("would ensure: " + c));
        return true;
    }

    private boolean rollback(UnitRun run, boolean execute, ExecutionState state) {
        List<Step> steps = run.unit.steps();
        if (run.state.retireStarted) {
            throw new StepFailed("retire has started, so the tool cannot roll back: "
                    + String.join(" ", run.unit.step("retire").rollback()));
        }
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (run.state.done.contains(steps.get(i).id())) {
                last = i;
            }
        }
        // The step after the last completed one may have run in part (a crash or a stop): undo it too.
        int from = Math.min(last + 1, steps.size() - 1);
        if (last < 0 && run.state.originals.isEmpty() && run.state.pendingStep.isEmpty()) {
            run.out.println("  nothing to roll back");
            return true;
        }
        for (int i = from; i >= 0; i--) {
            Step s = steps.get(i);
            run.out.println("  [rollback " + s.id() + "]");
            if (!execute) {
                s.rollback().forEach(c -> run.say("would run: " + c.lines().findFirst().orElse("")));
                continue;
            }
            hooks.before(run.unit.id(), s.id(), true);
            switch (s.action()) {
                case MANAGE -> {
                    AsoSteps.unmanage(run);
                    run.state.armReserved = false; // a new manage makes ASO PUT again
                }
                case CAPZ_ADOPT -> CapzSteps.release(run);
                case APPLY_ASO_SKIP -> AsoSteps.remove(run);
                case ORPHAN -> CrossplaneSteps.restorePolicies(run);
                case PAUSE -> CrossplaneSteps.unpause(run);
                case GITOPS_PROTECT, GITOPS_ADD_ASO, GITOPS_REMOVE_CLAIM -> s.rollback().forEach(run::say);
                default -> {
                }
            }
            hooks.after(run.unit.id(), s.id(), true);
            run.state.done.remove(s.id());
            run.state.approved.remove(s.id());
            run.save();
        }
        if (execute) {
            state.units.remove(run.unit.id());
            run.save();
            run.out.println("  rolled back: Crossplane manages the unit as before");
        }
        return true;
    }
}
