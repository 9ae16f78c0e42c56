package io.xp2aso.handoff;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes plan.json, plan.md and handoff.sh one unit at a time, so that the plan of a large estate (tens of kilobytes
 * per unit) is never whole in memory. The index (every unit's {@link UnitSummary}) is known up front because plan.md
 * opens with it. The output is the same as {@link PlanJson#write}, {@link PlanMarkdown#write} and
 * {@link HandoffScript#write} of the whole plan.
 */
public final class PlanFiles implements Closeable {
    private final Writer md;
    private final Writer sh;
    private final PlanJson.Stream json;
    private final List<UnitSummary> index;
    private int next = 1;

    /** {@code header}: the plan's settings (its units are ignored); {@code index}: every unit, in plan order. */
    public PlanFiles(Plan header, List<UnitSummary> index, Writer json, Writer md, Writer sh) {
        this.md = md;
        this.sh = sh;
        this.index = List.copyOf(index);
        this.json = new PlanJson.Stream(json, header);
        StringBuilder b = new StringBuilder();
        PlanMarkdown.header(b, header, this.index);
        write(md, b);
        write(sh, HandoffScript.header(header));
    }

    /** Adds the next unit; units must come in index order. */
    public void add(UnitPlan u) {
        if (next > index.size() || !index.get(next - 1).id().equals(u.id())) {
            throw new IllegalStateException("unit " + u.id() + " is not the next unit of the plan's index");
        }
        json.unit(u);
        StringBuilder b = new StringBuilder();
        PlanMarkdown.unit(b, u);
        write(md, b);
        b.setLength(0);
        HandoffScript.unit(b, u, next++);
        write(sh, b);
    }

    @Override
    public void close() {
        if (next != index.size() + 1) {
            throw new IllegalStateException("the plan's index has " + index.size() + " units, " + (next - 1) + " were written");
        }
        StringBuilder b = new StringBuilder();
        HandoffScript.trailer(b, index);
        write(sh, b);
        json.end();
        try (Writer a = md; Writer c = sh) {
            a.flush();
            c.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer w, CharSequence text) {
        try {
            w.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
