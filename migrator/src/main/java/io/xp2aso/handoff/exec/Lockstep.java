package io.xp2aso.handoff.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs up to {@code parallel} units at once, each on a thread of its own, taking turns: exactly one unit runs at a
 * time, and a unit that waits (a poll, a backoff, the write budget: {@link #ticker}{@code .sleep}) hands the turn to the
 * next. When every started unit waits, time moves on (the base ticker's sleep, to the earliest wake-up) and the units
 * whose wait is over run again, in plan order. So the units' waits overlap, which is where a handoff spends its time,
 * while their steps never interleave mid-call: the saved state, the budget and the output need no other locking, and
 * with a fake clock (the test world) every run is deterministic. A unit that throws what the executor does not handle
 * (a kill in the tests, a fatal cluster error) stops the whole run: the other units unwind where they wait, as a kill
 * would leave them, and the first such error is rethrown.
 */
final class Lockstep {
    private final Ticker base;
    private final int parallel;
    private final int units;
    private final IntConsumer body;
    private final List<Task> tasks = new ArrayList<>();
    private final ThreadLocal<Task> current = new ThreadLocal<>();
    private Task running;
    private int started;
    private Throwable failure;

    /** Unwinds a unit whose run is aborted because another one failed; never caught by the executor's handlers. */
    static final class Aborted extends Error {
        Aborted() {
            super("aborted: another unit failed", null, false, false);
        }
    }

    private enum State { READY, RUNNING, SLEEPING, DONE }

    private static final class Task {
        final int index;
        State state = State.READY;
        Instant wakeAt;
        Thread thread;

        Task(int index) {
            this.index = index;
        }
    }

    /** {@code body} runs unit {@code i} (0-based, plan order) to its end or stop. */
    Lockstep(Ticker base, int parallel, int units, IntConsumer body) {
        this.base = base;
        this.parallel = parallel;
        this.units = units;
        this.body = body;
    }

    /** The clock the units wait on: shared time, in turns. */
    Ticker ticker() {
        return new Ticker() {
            @Override
            public Instant now() {
                return base.now();
            }

            @Override
            public void sleep(Duration d) {
                Task me = current.get();
                if (me == null) {
                    base.sleep(d);
                    return;
                }
                yieldUntil(me, base.now().plus(d));
            }
        };
    }

    /** Runs every unit; returns when all are done, or rethrows the first unhandled error once every thread ended. */
    void run() {
        synchronized (this) {
            startMore();
            dispatch();
            while (tasks.stream().anyMatch(t -> t.state != State.DONE) || (failure == null && started < units)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? e : failure;
                    notifyAll();
                }
            }
        }
        for (Task t : tasks) {
            try {
                t.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Starts units in plan order while fewer than {@code parallel} run; they wait for their turn. */
    private void startMore() {
        while (failure == null && started < units && tasks.stream().filter(t -> t.state != State.DONE).count() < parallel) {
            Task t = new Task(started++);
            tasks.add(t);
            t.thread = new Thread(() -> work(t), "handoff-unit-" + t.index);
            t.thread.setDaemon(true);
            t.thread.start();
        }
    }

    private void work(Task me) {
        current.set(me);
        try {
            synchronized (this) {
                awaitTurn(me);
            }
            body.accept(me.index);
        } catch (Aborted a) {
            // another unit failed: this one stops where it waited
        } catch (Throwable e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
        } finally {
            synchronized (this) {
                me.state = State.DONE;
                if (running == me) {
                    running = null;
                }
                startMore();
                dispatch();
                notifyAll();
            }
        }
    }

    private void yieldUntil(Task me, Instant wakeAt) {
        synchronized (this) {
            me.state = State.SLEEPING;
            me.wakeAt = wakeAt;
            running = null;
            dispatch();
            awaitTurn(me);
        }
    }

    /** Waits (holding the monitor) until the turn is {@code me}'s; unwinds when the run was aborted. */
    private void awaitTurn(Task me) {
        while (running != me) {
            if (failure != null) {
                throw new Aborted();
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Aborted();
            }
        }
        if (failure != null) {
            throw new Aborted();
        }
    }

    /**
     * Gives the turn, when nobody has it: to a unit not yet started (plan order), else to the unit that wakes first (plan
     * order among equals), moving time on to its wake-up first.
     */
    private void dispatch() {
        if (running != null) {
            return;
        }
        if (failure != null) {
            notifyAll();
            return;
        }
        Task next = null;
        for (Task t : tasks) {
            if (t.state == State.READY) {
                next = t;
                break;
            }
        }
        if (next == null) {
            for (Task t : tasks) {
                if (t.state == State.SLEEPING && (next == null || t.wakeAt.isBefore(next.wakeAt))) {
                    next = t;
                }
            }
            if (next != null) {
                Duration ahead = Duration.between(base.now(), next.wakeAt);
                if (ahead.compareTo(Duration.ZERO) > 0) {
                    try {
                        base.sleep(ahead);
                    } catch (RuntimeException | Error e) {
                        failure = e;
                        notifyAll();
                        return;
                    }
                }
            }
        }
        if (next != null) {
            next.state = State.RUNNING;
            running = next;
            notifyAll();
        }
    }
}
