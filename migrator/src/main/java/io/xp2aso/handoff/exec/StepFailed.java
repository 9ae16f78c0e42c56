package io.xp2aso.handoff.exec;

/** A step could not complete: a check failed or a wait timed out. The unit stops; its state stays resumable. */
public class StepFailed extends RuntimeException {
    public StepFailed(String message) {
        super(message);
    }
}
