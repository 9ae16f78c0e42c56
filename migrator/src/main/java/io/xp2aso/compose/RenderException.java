package io.xp2aso.compose;

/**
 * A failure while rendering one patch, transform, readiness check or field path. {@link #notFound()} marks the
 * "field not found" case, which Crossplane treats as a no-op for optional patches rather than an error.
 */
public class RenderException extends RuntimeException {
    private final boolean notFound;

    public RenderException(String message) {
        this(message, false);
    }

    public RenderException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }

    /** The same failure with context in front, as Go's errors.Wrap does. */
    public RenderException wrap(String context) {
        return new RenderException(context + ": " + getMessage(), notFound);
    }
}
