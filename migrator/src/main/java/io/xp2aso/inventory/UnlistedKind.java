package io.xp2aso.inventory;

/**
 * A kind the scan could not list: {@code status} 403 (denied by RBAC) or another API error such as 404 (the CRD
 * went away during the scan) or 410 (the list's continue token expired). The rest of the scan goes on.
 */
public record UnlistedKind(String apiVersion, String kind, String resource, String namespace, int status,
                           String message) {
    public boolean denied() {
        return status == 403;
    }
}
