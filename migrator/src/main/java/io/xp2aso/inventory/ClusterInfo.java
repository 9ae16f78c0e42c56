package io.xp2aso.inventory;

/** Which cluster was scanned: API server URL, kubeconfig context ("" when the default) and namespace filter. */
public record ClusterInfo(String server, String context, String namespace) {
}
