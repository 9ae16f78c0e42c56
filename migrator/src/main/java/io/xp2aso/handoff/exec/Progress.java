package io.xp2aso.handoff.exec;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a run of several units stands, printed after each unit ends: done, running, blocked (stopped: a check, an
 * approval, a Git change or a blocker of the plan), waiting to start, and the time left at the pace so far. The clock
 * is the executor's (the simulated one in the test world).
 */
final class Progress {
    private final int total;
    private final int parallel;
    private final Instant start;
    private int done;
    private int blocked;

    Progress(int total, int parallel, Instant start) {
        this.total = total;
        this.parallel = parallel;
        this.start = start;
    }

    /** A unit ended: 0 handed over (or checked), otherwise stopped. */
    void finished(int code) {
        if (code == 0) {
            done++;
        } else {
            blocked++;
        }
    }

    String line(Instant now) {
        int ended = done + blocked;
        int running = Math.min(parallel, total - ended);
        int waiting = total - ended - running;
        Duration elapsed = Duration.between(start, now);
        String eta = ended == total ? "0s" : ended == 0 ? "unknown"
                : duration(elapsed.multipliedBy(total - ended).dividedBy(ended));
        return "progress: " + done + "/" + total + " done, " + running + " running, " + blocked + " blocked, " + waiting
                + " waiting; " + duration(elapsed) + " elapsed, ETA " + eta;
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 3600) {
            return s / 3600 + "h" + String.format("%02dm", s % 3600 / 60);
        }
        return s >= 60 ? s / 60 + "m" + String.format("%02ds", s % 60) : s + "s";
    }
}
