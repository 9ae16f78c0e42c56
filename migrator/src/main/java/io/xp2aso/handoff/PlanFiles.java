package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Writes the handoff folder: plan.json one unit at a time, plan.md (the index) and steps.md (the steps of each kind of
 * unit) from the index up front, handoff.sh (it holds no units: it runs the executor) and one page per unit, so that
 * the plan of a large estate is never whole in memory. Units are rendered apart, to UTF-8 bytes ({@link #render}:
 * pure, so callers may render several at once), and appended in order, which only copies bytes. plan.json is the same
 * as {@link PlanJson#write} of the whole plan when no manifest is in a file.
 */
public final class PlanFiles implements Closeable {
    /** Opens a file of the handoff folder by its path in it (plan.json, units/team-a/db.md...). */
    @FunctionalInterface
    public interface Out {
        OutputStream open(String path);
    }

    private final Out out;
    private final PlanJson.Stream json;
    private final List<UnitSummary> index;
    private final Function<ObjectNode, String> fileOf;
    private int next = 1;

    /** One unit's text in plan.json and its page, in UTF-8. */
    public record Rendered(String id, byte[] json, byte[] page) {
    }

    /**
     * {@code header}: the plan's settings (its units are ignored); {@code index}: every unit, in plan order;
     * {@code fileOf}: where migrate wrote each ASO manifest (by identity, relative to its output folder; null: copied
     * into plan.json).
     */
    public PlanFiles(Plan header, List<UnitSummary> index, Out out, Function<ObjectNode, String> fileOf) {
        this.out = out;
        this.fileOf = fileOf;
        this.index = List.copyOf(index);
        Map<String, Integer> kinds = new TreeMap<>();
        this.index.forEach(u -> kinds.merge(Sequences.of(u), 1, Integer::sum));
        this.json = new PlanJson.Stream(out.open("plan.json"), header, List.copyOf(kinds.keySet()));
        Utf8Text b = new Utf8Text(64 * 1024);
        PlanMarkdown.index(b, header, this.index);
        whole("plan.md", b.toBytes());
        whole("steps.md", utf8(PlanMarkdown.steps(header, kinds)));
        // handoff.sh runs the executor on the plan: it holds nothing of the units.
        whole("handoff.sh", utf8(HandoffScript.write(header)));
    }

    /** Every file of a whole plan (for tests and small plans). */
    public static void write(Plan plan, Out out, Function<ObjectNode, String> fileOf) {
        try (PlanFiles files = new PlanFiles(plan, plan.units().stream().map(UnitSummary::of).toList(), out, fileOf)) {
            plan.units().forEach(files::add);
        }
    }

    /** The texts of one unit. */
    public Rendered render(UnitPlan u) {
        return render(u, fileOf);
    }

    static Rendered render(UnitPlan u, Function<ObjectNode, String> fileOf) {
        // JSON first: it holds every string the page shows, and it rejects a lone surrogate (utf8 writes '?').
        byte[] json = PlanJson.unitBytes(u, fileOf);
        Utf8Text m = new Utf8Text(4 * 1024);
        PlanMarkdown.page(m, u, fileOf);
        return new Rendered(u.id(), json, m.toBytes());
    }

    /** Adds the next unit; units must come in index order. */
    public void add(UnitPlan u) {
        append(render(u));
    }

    /** Appends the next unit. */
    public void append(Rendered r) {
        if (next > index.size() || !index.get(next - 1).id().equals(r.id())) {
            throw new IllegalStateException("unit " + r.id() + " is not the next unit of the plan's index");
        }
        next++;
        json.unitBytes(r.json());
        whole(PlanMarkdown.pagePath(r.id()), r.page());
    }

    /**
     * Adds every unit of the index, the {@code i}-th (from 0) built by {@code unit}, rendered {@code batch} at a time
     * on the common pool's workers and the calling thread. While the caller appends a batch the workers render the next
     * one, and once the caller is done it renders what is left of that batch with them: neither waits for the other,
     * and at most two batches of texts are held.
     */
    public void addAll(IntFunction<UnitPlan> unit, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive: " + batch);
        }
        int total = index.size();
        Batch ahead = next > total ? null : Batch.start(this, unit, next - 1, Math.min(total, next - 1 + batch));
        try {
            while (ahead != null) {
                Batch done = ahead;
                Rendered[] texts = done.finish();
                ahead = done.end == total ? null : Batch.start(this, unit, done.end, Math.min(total, done.end + batch));
                for (Rendered r : texts) {
                    append(r);
                }
            }
        } finally {
            if (ahead != null) {
                ahead.cancel();
            }
        }
    }

    /** Units [from, end) of the plan, rendered by whichever threads claim them one by one. */
    private static final class Batch {
        private final PlanFiles files;
        private final IntFunction<UnitPlan> unit;
        private final int from;
        private final int end;
        private final Rendered[] texts;
        private final AtomicInteger claimed = new AtomicInteger();
        private final CountDownLatch rendered;
        private Throwable failure;
        private int failedAt;

        private Batch(PlanFiles files, IntFunction<UnitPlan> unit, int from, int end) {
            this.files = files;
            this.unit = unit;
            this.from = from;
            this.end = end;
            this.texts = new Rendered[end - from];
            this.rendered = new CountDownLatch(texts.length);
        }

        /** Starts rendering on the common pool's workers. */
        static Batch start(PlanFiles files, IntFunction<UnitPlan> unit, int from, int end) {
            Batch b = new Batch(files, unit, from, end);
            ForkJoinPool pool = ForkJoinPool.commonPool();
            for (int i = 0; i < pool.getParallelism(); i++) {
                pool.execute(b::work);
            }
            return b;
        }

        private void work() {
            for (int i = claimed.getAndIncrement(); i < texts.length; i = claimed.getAndIncrement()) {
                try {
                    texts[i] = files.render(unit.apply(from + i));
                } catch (RuntimeException | Error e) {
                    failed(i, e);
                } finally {
                    rendered.countDown();
                }
            }
        }

        /** Keeps the failure of the first unit in plan order, as a sequential run would report it. */
        private synchronized void failed(int i, Throwable e) {
            if (failure == null || i < failedAt) {
                failure = e;
                failedAt = i;
            }
            cancel();
        }

        /** Renders the units no worker has claimed, waits for the others and returns the texts in plan order. */
        Rendered[] finish() {
            work();
            try {
                rendered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new IllegalStateException("interrupted while rendering the handoff plan", e);
            }
            synchronized (this) {
                if (failure instanceof Error e) {
                    throw e;
                }
                if (failure != null) {
                    throw (RuntimeException) failure;
                }
            }
            return texts;
        }

        /** Leaves the units not yet claimed unrendered (nobody will append them); units being rendered finish. */
        void cancel() {
            for (int i = claimed.getAndSet(texts.length); i < texts.length; i++) {
                rendered.countDown();
            }
        }
    }

    @Override
    public void close() {
        if (next != index.size() + 1) {
            throw new IllegalStateException("the plan's index has " + index.size() + " units, " + (next - 1) + " were written");
        }
        json.end();
    }

    private void whole(String path, byte[] bytes) {
        try (OutputStream o = out.open(path)) {
            o.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
