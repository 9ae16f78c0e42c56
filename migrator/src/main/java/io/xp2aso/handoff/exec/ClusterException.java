package io.xp2aso.handoff.exec;

/**
 * A cluster call that failed. DENIED, UNREACHABLE and NOT_AN_API (a list answered 404: not a Kubernetes API server,
 * or a wrong URL path) end the run (exit 2); CONFLICT and SERVER are retried a bounded number of times; UNKNOWN_KIND
 * means the kind's CRD is not installed.
 */
public class ClusterException extends RuntimeException {
    public enum Kind { CONFLICT, DENIED, UNREACHABLE, SERVER, UNKNOWN_KIND, INVALID, NOT_AN_API }

    private final Kind kind;

    public ClusterException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the run cannot continue at all (cluster unreachable or permission denied). */
    public boolean fatal() {
        return kind == Kind.DENIED || kind == Kind.UNREACHABLE || kind == Kind.NOT_AN_API;
    }
}
