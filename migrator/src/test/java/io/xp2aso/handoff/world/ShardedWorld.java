package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.handoff.exec.Cluster;
import io.xp2aso.handoff.exec.ExecutionState;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.exec.HandoffExecutor;
import io.xp2aso.handoff.exec.RunOptions;
import io.xp2aso.handoff.exec.StateStore;
import io.xp2aso.handoff.exec.Ticker;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An estate of many units for the executor at scale (the handoff benchmark): each unit lives in a world of its own
 * (in process, {@link World#World(boolean)}), all on one fake clock. Units do not share objects, so a unit's world
 * holds its objects and controllers alone, and gets a round of them whenever its unit calls it after the clock moved
 * (see {@link #catchUp}): as in the one-world test harness, one round per wait of its unit. A unit's world is installed when the executor starts the unit's first
 * step and judged (the checks of {@link Harness#unitEndState}, plus the world's invariants) and dropped when its last
 * step ends, so memory follows the units started and not finished (stopped ones included), not the estate. The executor's calls go to the world of the unit
 * whose step runs on the calling thread (one thread per unit in a parallel run, units in turn otherwise).
 */
public final class ShardedWorld implements Cluster, ExecutorHooks {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static final class Shard {
        final UnitPlan unit;
        final Estates.Loaded loaded;
        World world;
        Cluster executor;
        boolean judged;
        /** The time of this world's last round. */
        Instant roundAt = START;

        Shard(UnitPlan unit, Estates.Loaded loaded) {
            this.unit = unit;
            this.loaded = loaded;
        }
    }

    private final Plan plan;
    private final Map<String, Shard> shards = new LinkedHashMap<>();
    private final ThreadLocal<Shard> current = new ThreadLocal<>();
    private final List<Shard> active = new ArrayList<>();
    private final Map<String, List<String>> shownPreview = new HashMap<>();
    private final Map<String, List<String>> approvedPreview = new HashMap<>();
    private Duration elapsed = Duration.ZERO;
    /** Violations of judged units and of the worlds' invariants. */
    public final List<String> violations = new ArrayList<>();
    /** Rounds of unit worlds run. */
    public long worldRounds;
    /** Most unit worlds alive at once. */
    public int peakWorlds;
    public int handedOver;

    /** The fixtures an estate cycles through: a claim with storage, a claim with PostgreSQL, an Argo CD-tracked XR. */
    public static final List<String> FIXTURES = List.of("storage.yaml", "postgres.yaml", "network.yaml");

    /**
     * {@code n} units: copies of the {@link #FIXTURES} in turn, each in namespaces of its own ({@code team-a} becomes
     * {@code team-a-00042}), written to {@code dir} and loaded. Names and Azure IDs repeat across units, which live in
     * worlds of their own; unit ids do not.
     */
    public static List<Estates.Loaded> estate(int n, Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> texts = new ArrayList<>();
            for (String f : FIXTURES) {
                // a resource, read as a stream: inside the benchmarks' jar it is no file
                try (var in = Estates.class.getResourceAsStream("/handoff/" + f)) {
                    texts.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            List<Estates.Loaded> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String suffix = String.format("-%05d", i);
                String text = TEAM.matcher(texts.get(i % texts.size())).replaceAll("$0" + suffix);
                Path file = dir.resolve("unit" + suffix + ".yaml");
                Files.writeString(file, text);
                out.add(Estates.load(file));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern TEAM = Pattern.compile("\\bteam-[a-z]\\b");

    /** {@code units}: the loaded units of {@code plan}, by the plan's unit ids. */
    public ShardedWorld(Plan plan, List<Estates.Loaded> units) {
        this.plan = plan;
        Map<String, Estates.Loaded> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.mapped().unit().id(), u));
        for (UnitPlan u : plan.units()) {
            Estates.Loaded l = byId.get(u.id());
            if (l == null) {
                throw new IllegalArgumentException("no loaded unit for " + u.id());
            }
            shards.put(u.id(), new Shard(u, l));
        }
    }

    /** Unit worlds alive: units started and not yet handed over. */
    public int inFlight() {
        return active.size();
    }

    public Instant now() {
        return START.plus(elapsed);
    }

    /** The simulated time since the start. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The estate's clock: a sleep moves time on; the worlds catch up when their units next call them. */
    public Ticker ticker() {
        return new Ticker() {
            @Override
            public Instant now() {
                return ShardedWorld.this.now();
            }

            @Override
            public void sleep(Duration d) {
                advance(d);
            }
        };
    }

    private void advance(Duration d) {
        elapsed = elapsed.plus(d);
    }

    @Override
    public void before(String unit, String step, boolean rollback) {
        Shard s = shards.get(unit);
        if (s.world == null && !s.judged) {
            s.world = new World(true);
            Estates.install(s.world, s.loaded);
            s.world.roundAt(now());
            s.world.roundAt(now());
            s.roundAt = now();
            s.executor = s.world.executorCluster();
            active.add(s);
            peakWorlds = Math.max(peakWorlds, active.size());
        }
        catchUp(s);
        current.set(s);
    }

    /**
     * Before the executor calls a unit's world after its clock moved: one round of its controllers, as the test world
     * runs one round per sleep of the executor. A world whose unit does not call it (stopped, or waiting for the ARM
     * budget) has only steady objects to reconcile and gets no rounds meanwhile.
     */
    private void catchUp(Shard s) {
        if (s.roundAt.isBefore(now())) {
            s.world.roundAt(now());
            s.roundAt = now();
            worldRounds++;
        }
    }

    @Override
    public void after(String unit, String step, boolean rollback) {
        Shard s = shards.get(unit);
        List<io.xp2aso.handoff.Step> steps = s.unit.steps();
        if (!rollback && steps.get(steps.size() - 1).id().equals(step)) {
            judge(s);
        }
    }

    /** The unit's last step ended: its controllers go on for a while, then its end state is checked; the world goes. */
    private void judge(Shard s) {
        s.world.rounds(Harness.AFTER_ROUNDS);
        Harness.unitEndState(s.world, s.unit, approvedPreview.getOrDefault(s.unit.id(), List.of()))
                .forEach(violations::add);
        s.world.violations().forEach(v -> violations.add(s.unit.id() + ": " + v));
        s.world.close();
        s.world = null;
        s.executor = null;
        s.judged = true;
        active.remove(s);
        handedOver++;
    }

    private Cluster cluster() {
        Shard s = current.get();
        if (s == null || s.executor == null) {
            throw new IllegalStateException("a cluster call outside a unit's step");
        }
        catchUp(s);
        return s.executor;
    }

    @Override
    public Optional<ObjectNode> get(ObjectRef ref) {
        return cluster().get(ref);
    }

    @Override
    public ObjectNode create(ObjectNode object) {
        return cluster().create(object);
    }

    @Override
    public ObjectNode update(ObjectNode object) {
        return cluster().update(object);
    }

    @Override
    public void delete(ObjectRef ref) {
        cluster().delete(ref);
    }

    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String namespace, String labelSelector) {
        return cluster().list(apiVersion, kind, namespace, labelSelector);
    }

    @Override
    public Optional<ObjectNode> crd(String group, String kind) {
        return cluster().crd(group, kind);
    }

    /** What one {@link #runToEnd} did: the executor's runs and the last progress line printed. */
    public record Outcome(int runs, boolean finished, String lastProgress) {
    }

    /**
     * Runs the executor like an operator (as {@link Harness#runToEnd}): when units stop, approves what they showed and
     * merges the Git changes they wait for, and runs again with --resume; the operator's reply counts as one poll.
     */
    public Outcome runToEnd(StateStore store, UnaryOperator<RunOptions> waves, int maxRuns) {
        Set<String> approve = Set.of();
        String last = "";
        for (int i = 1; i <= maxRuns; i++) {
            for (String id : approve) {
                approvedPreview.put(id, shownPreview.getOrDefault(id, List.of()));
            }
            StringWriter text = new StringWriter();
            HandoffExecutor ex = new HandoffExecutor(this, ticker(), store, new PrintWriter(text), this);
            int code = ex.run(plan, Harness.DIGEST, waves.apply(new RunOptions(true, true, "", false, approve, Set.of(),
                    Harness.SETTLE)));
            String out = text.toString();
            PreviewInvariant.collect(out, shownPreview);
            for (String line : out.split("\n")) {
                if (line.startsWith("progress: ")) {
                    last = line;
                }
            }
            if (code == 0) {
                return new Outcome(i, true, last);
            }
            Set<String> next = new HashSet<>();
            ExecutionState st = store.load();
            for (Shard s : shards.values()) {
                ExecutionState.UnitState us = st.units.get(s.unit.id());
                if (s.world == null) {
                    continue;
                }
                ObjectRef top = s.unit.claim() != null ? s.unit.claim() : s.unit.composite();
                boolean flux = s.world.flux.tracks(top);
                if (out.contains("waiting for the Git change: " + top.display())) {
                    if (flux) {
                        s.world.flux.mergeProtect(top);
                    } else {
                        s.world.argo.mergeProtect(top);
                    }
                }
                if (us != null && us.pendingStep.equals("gitops-remove-claim") || out.contains("still has "
                        + top.display() + " in Git")) {
                    if (flux) {
                        s.world.flux.removeFromGit(top);
                    } else {
                        s.world.argo.removeFromGit(top);
                    }
                }
                if (us != null && !us.pendingStep.isEmpty()) {
                    next.add(s.unit.id());
                }
            }
            approve = Set.copyOf(next);
            advance(Duration.ofSeconds(plan.pollSeconds()));
        }
        return new Outcome(maxRuns, false, last);
    }
}
