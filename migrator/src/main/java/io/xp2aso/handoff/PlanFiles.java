package io.xp2aso.handoff;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes plan.json, plan.md and handoff.sh one unit at a time, so that the plan of a large estate (tens of kilobytes
 * per unit) is never whole in memory. The index (every unit's {@link UnitSummary}) is known up front because plan.md
 * opens with it. Units are rendered apart ({@link #render}: pure, so callers may render several at once) and appended
 * in order. The output is the same as {@link PlanJson#write}, {@link PlanMarkdown#write} and
 * {@link HandoffScript#write} of the whole plan.
 */
public final class PlanFiles implements Closeable {
    private final Writer md;
    private final Writer sh;
    private final PlanJson.Stream json;
    private final List<UnitSummary> index;
    private int next = 1;

    /** One unit's text in each of the three files. */
    public record Rendered(String id, String json, String md, String sh) {
    }

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

    /** The texts of the unit at {@code position} (from 1) of the plan. */
    public static Rendered render(UnitPlan u, int position) {
        // Sized for a typical unit (tens of kilobytes) so the builders do not grow by copying.
        StringBuilder m = new StringBuilder(32 * 1024);
        PlanMarkdown.unit(m, u);
        StringBuilder s = new StringBuilder(32 * 1024);
        HandoffScript.unit(s, u, position);
        return new Rendered(u.id(), PlanJson.unitText(u), m.toString(), s.toString());
    }

    /** Adds the next unit; units must come in index order. */
    public void add(UnitPlan u) {
        append(render(u, next));
    }

    /** Appends the next unit, rendered for this position. */
    public void append(Rendered r) {
        if (next > index.size() || !index.get(next - 1).id().equals(r.id())) {
            throw new IllegalStateException("unit " + r.id() + " is not the next unit of the plan's index");
        }
        next++;
        json.unitText(r.json());
        write(md, r.md());
        write(sh, r.sh());
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
