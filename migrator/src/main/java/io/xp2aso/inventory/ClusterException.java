package io.xp2aso.inventory;

/** The cluster cannot be scanned at all: unreachable, bad credentials, or a kubeconfig/context problem. */
public final class ClusterException extends RuntimeException {
    private final String where;

    public ClusterException(String where, String message, Throwable cause) {
        super(message, cause);
        this.where = where;
    }

    /** The kubeconfig file or "cluster:URL" the problem is about. */
    public String where() {
        return where;
    }
}
