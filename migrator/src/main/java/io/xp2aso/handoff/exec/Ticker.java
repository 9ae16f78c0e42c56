package io.xp2aso.handoff.exec;

import java.time.Duration;
import java.time.Instant;

/** Time for bounded waits. Tests inject one that advances a fake clock and runs the controller emulators in sleep(). */
public interface Ticker {
    Instant now();

    void sleep(Duration d);

    Ticker SYSTEM = new Ticker() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed("interrupted while waiting");
            }
        }
    };
}
