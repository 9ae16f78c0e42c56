package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Nodes;
import io.xp2aso.source.Origin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Argo CD's settings as the handoff plan needs them: ConfigMap argocd/argocd-cm, trimmed to the keys that say how Argo
 * CD tracks what it applies (a custom instance label, the tracking method). The rest of the ConfigMap (SSO and
 * repository settings, which may name credentials) is not kept. Reading it is best effort: a cluster without Argo CD
 * or a role that may not read it leaves the plan to find Argo CD by its labels, annotation and field managers.
 */
public final class ArgoSettings {
    public static final String NAMESPACE = "argocd";
    public static final String NAME = "argocd-cm";
    /** The key of a custom instance label (Argo CD's default is app.kubernetes.io/instance). */
    public static final String LABEL_KEY = "application.instanceLabelKey";
    /** The keys kept: the custom instance label, and how Argo CD tracks resources (label, annotation or both). */
    static final List<String> KEPT = List.of(LABEL_KEY, "application.resourceTrackingMethod");

    private ArgoSettings() {
    }

    static Optional<Manifest> read(KubernetesClient client, String context, PrintWriter progress) {
        ConfigMap cm;
        try {
            cm = ApiCallDeadline.call(() -> client.configMaps().inNamespace(NAMESPACE).withName(NAME).get(),
                    ApiCallDeadline.PAGE, () -> new KubernetesClientException("no answer within "
                            + ApiCallDeadline.PAGE.toSeconds() + " s"));
        } catch (KubernetesClientException e) {
            progress.printf("xp2aso migrate: ConfigMap %s/%s: not readable (%s): a custom Argo CD instance label is "
                    + "recognised only by Argo CD's field manager%n", NAMESPACE, NAME,
                    e.getCode() > 0 ? e.getCode() + (e.getCode() == 403 ? " forbidden" : "") : e.getMessage());
            return Optional.empty();
        }
        if (cm == null) {
            return Optional.empty();
        }
        ObjectNode node = Nodes.FACTORY.objectNode();
        node.put("apiVersion", "v1").put("kind", "ConfigMap");
        node.putObject("metadata").put("name", NAME).put("namespace", NAMESPACE);
        ObjectNode data = node.putObject("data");
        if (cm.getData() != null) {
            for (String k : KEPT) {
                if (cm.getData().containsKey(k)) {
                    data.put(k, cm.getData().get(k));
                }
            }
        }
        progress.printf("xp2aso migrate: ConfigMap %s/%s: Argo CD's tracking settings read (%s)%n", NAMESPACE, NAME,
                data.isEmpty() ? "defaults" : String.join(", ", (Iterable<String>) data::fieldNames));
        return Optional.of(new Manifest(node, Origin.cluster(context, "v1", "ConfigMap", NAMESPACE, NAME)));
    }
}
