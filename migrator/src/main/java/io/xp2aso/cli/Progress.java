package io.xp2aso.cli;

import io.xp2aso.mapping.CrdStore;
import io.xp2aso.model.Counts;

import java.io.PrintWriter;

/**
 * Progress of the catalog tools on standard error: indexing CRD folders (hundreds of MB) and parsing the CRD of
 * every mapped kind take seconds, which must not look like a hang. A line per indexed folder set and one about
 * every tenth of the mapping files; standard output keeps only the result.
 */
final class Progress {
    private final PrintWriter err;
    private final String prefix;
    private final int total;
    private int lastTenth = -1;

    Progress(PrintWriter err, String prefix, int total) {
        this.err = err;
        this.prefix = prefix;
        this.total = total;
    }

    /** Indexes the store now, saying so, and returns it. */
    CrdStore indexed(CrdStore store) {
        err.println(prefix + ": indexing the CRDs of " + store.root() + " ...");
        err.flush();
        int kinds = store.kinds().size();
        err.println(prefix + ": " + Counts.of(kinds, "CRD") + " found");
        err.flush();
        return store;
    }

    /** {@code done} of the mapping files are done. */
    void files(int done) {
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            err.println(prefix + ": " + done + "/" + Counts.of(total, "mapping file"));
            err.flush();
        }
    }
}
