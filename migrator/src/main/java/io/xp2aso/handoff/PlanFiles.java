package io.xp2aso.handoff;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Writes plan.json and plan.md one unit at a time (handoff.sh holds no units: it runs the executor), so that the
 * plan of a large estate (tens of kilobytes per unit) is never whole in memory. The index (every unit's {@link UnitSummary}) is known up front because plan.md
 * opens with it. Units are rendered apart, to UTF-8 bytes ({@link #render}: pure, so callers may render several at
 * once), and appended in order, which only copies bytes. The output is the same as {@link PlanJson#write},
 * {@link PlanMarkdown#write} and {@link HandoffScript#write} of the whole plan.
 */
public final class PlanFiles implements Closeable {
    private final OutputStream md;
    private final OutputStream sh;
    private final PlanJson.Stream json;
    private final List<UnitSummary> index;
    private int next = 1;

    /** One unit's text in each of the three files, in UTF-8. */
    public record Rendered(String id, byte[] json, byte[] md) {
    }

    /**
     * {@code header}: the plan's settings (its units are ignored); {@code index}: every unit, in plan order. The
     * streams are closed by {@link #close}.
     */
    public PlanFiles(Plan header, List<UnitSummary> index, OutputStream json, OutputStream md, OutputStream sh) {
        this.md = md;
        this.sh = sh;
        this.index = List.copyOf(index);
        this.json = new PlanJson.Stream(json, header);
        Utf8Text b = new Utf8Text(64 * 1024);
        PlanMarkdown.header(b, header, this.index);
        write(md, b.toBytes());
        // handoff.sh runs the executor on the plan: it holds nothing of the units.
        write(sh, utf8(HandoffScript.write(header)));
    }

    /** The texts of one unit. */
    public static Rendered render(UnitPlan u) {
        // JSON first: it holds every string the other two show, and it rejects a lone surrogate (utf8 writes '?').
        byte[] json = PlanJson.unitBytes(u);
        // Sized for a typical unit (tens of kilobytes) so the builders do not grow by copying.
        Utf8Text m = new Utf8Text(32 * 1024);
        PlanMarkdown.unit(m, u);
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
        write(md, r.md());
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
        Batch ahead = next > total ? null : Batch.start(unit, next - 1, Math.min(total, next - 1 + batch));
        try {
            while (ahead != null) {
                Batch done = ahead;
                Rendered[] texts = done.finish();
                ahead = done.end == total ? null : Batch.start(unit, done.end, Math.min(total, done.end + batch));
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
        private final IntFunction<UnitPlan> unit;
        private final int from;
        private final int end;
        private final Rendered[] texts;
        private final AtomicInteger claimed = new AtomicInteger();
        private final CountDownLatch rendered;
        private Throwable failure;
        private int failedAt;

        private Batch(IntFunction<UnitPlan> unit, int from, int end) {
            this.unit = unit;
            this.from = from;
            this.end = end;
            this.texts = new Rendered[end - from];
            this.rendered = new CountDownLatch(texts.length);
        }

        /** Starts rendering on the common pool's workers. */
        static Batch start(IntFunction<UnitPlan> unit, int from, int end) {
            Batch b = new Batch(unit, from, end);
            ForkJoinPool pool = ForkJoinPool.commonPool();
            for (int i = 0; i < pool.getParallelism(); i++) {
                pool.execute(b::work);
            }
            return b;
        }

        private void work() {
            for (int i = claimed.getAndIncrement(); i < texts.length; i = claimed.getAndIncrement()) {
                try {
                    texts[i] = render(unit.apply(from + i));
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
        try (OutputStream a = md; OutputStream c = sh) {
            a.flush();
            c.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
