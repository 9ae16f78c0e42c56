package io.xp2aso.capz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The Cluster API and CAPZ objects of an AKS cluster, shaped as CAPZ's own adoption controllers scaffold them
 * (cluster-api-provider-azure, controllers/managedclusteradopt_controller.go and agentpooladopt_controller.go) and as
 * its aks-aso flavor writes them: CAPI {@code cluster.x-k8s.io/v1beta1} Cluster and MachinePools, CAPZ
 * {@code infrastructure.cluster.x-k8s.io/v1beta1} AzureASOManaged* objects whose {@code spec.resources} hold literal
 * ASO objects. No {@code spec.version} anywhere: CAPZ then leaves the embedded Kubernetes versions as they are (a
 * version there would make CAPZ overwrite, or reject, the ManagedCluster's and pools' own).
 */
public final class CapzObjects {
    public static final String CAPI_GROUP = "cluster.x-k8s.io";
    public static final String CAPI_API_VERSION = CAPI_GROUP + "/v1beta1";
    public static final String CAPZ_GROUP = "infrastructure.cluster.x-k8s.io";
    public static final String CAPZ_API_VERSION = CAPZ_GROUP + "/v1beta1";
    public static final String CLUSTER = "Cluster";
    public static final String MACHINE_POOL = "MachinePool";
    public static final String ASO_MANAGED_CLUSTER = "AzureASOManagedCluster";
    public static final String ASO_MANAGED_CONTROL_PLANE = "AzureASOManagedControlPlane";
    public static final String ASO_MANAGED_MACHINE_POOL = "AzureASOManagedMachinePool";
    /** CAPI's annotation naming who sets a MachinePool's replicas; CAPZ's value for the AKS cluster autoscaler. */
    public static final String REPLICAS_MANAGED_BY = "cluster.x-k8s.io/replicas-managed-by";
    public static final String REPLICAS_MANAGED_BY_AKS = "aks";
    /** The annotation with which ASO reads an object's Azure credentials from a Secret of its namespace. */
    public static final String CREDENTIAL_FROM = "serviceoperator.azure.com/credential-from";
    /** ASO's per-namespace credential Secret name: the same Secret serves the plain ASO objects of the namespace. */
    public static final String CREDENTIAL_SECRET = "aso-credential";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CapzObjects() {
    }

    /** The CAPI Cluster: its control plane and infrastructure are the AzureASOManaged objects of the same name. */
    public static ObjectNode cluster(String namespace, String name, ObjectNode metaFrom) {
        ObjectNode o = head(CAPI_API_VERSION, CLUSTER, namespace, name, metaFrom);
        ObjectNode spec = o.putObject("spec");
        ref(spec.putObject("controlPlaneRef"), ASO_MANAGED_CONTROL_PLANE, name);
        ref(spec.putObject("infrastructureRef"), ASO_MANAGED_CLUSTER, name);
        return o;
    }

    /** A CAPZ object whose spec.resources are the given ASO objects. */
    public static ObjectNode asoManaged(String kind, String namespace, String name, ObjectNode metaFrom,
                                        List<ObjectNode> resources) {
        ObjectNode o = head(CAPZ_API_VERSION, kind, namespace, name, metaFrom);
        ArrayNode list = o.putObject("spec").putArray("resources");
        resources.forEach(list::add);
        return o;
    }

    /**
     * A MachinePool of cluster {@code clusterName} backed by the AzureASOManagedMachinePool {@code name}.
     * {@code replicas} null: none written. {@code autoscaled}: the AKS autoscaler owns the count (CAPI's
     * replicas-managed-by annotation with CAPZ's value), as CAPZ marks the pools it adopts.
     */
    public static ObjectNode machinePool(String namespace, String name, String clusterName, ObjectNode metaFrom,
                                         Long replicas, boolean autoscaled) {
        ObjectNode o = head(CAPI_API_VERSION, MACHINE_POOL, namespace, name, metaFrom);
        if (autoscaled) {
            ((ObjectNode) o.get("metadata")).with("annotations").put(REPLICAS_MANAGED_BY, REPLICAS_MANAGED_BY_AKS);
        }
        ObjectNode spec = o.putObject("spec");
        spec.put("clusterName", clusterName);
        if (replicas != null) {
            spec.put("replicas", replicas);
        }
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata");
        ObjectNode ts = template.putObject("spec");
        // AKS bootstraps its own nodes: CAPI needs an empty data secret name, as CAPZ's flavor sets it.
        ts.putObject("bootstrap").put("dataSecretName", "");
        ts.put("clusterName", clusterName);
        ref(ts.putObject("infrastructureRef"), ASO_MANAGED_MACHINE_POOL, name);
        return o;
    }

    /**
     * An ASO object as CAPZ embeds it: no namespace (CAPZ applies it in its own), no status, the credential-from
     * annotation added; everything else as mapped.
     */
    public static ObjectNode embedded(ObjectNode target) {
        ObjectNode e = target.deepCopy();
        e.remove("status");
        ObjectNode meta = e.with("metadata");
        meta.remove("namespace");
        meta.with("annotations").put(CREDENTIAL_FROM, CREDENTIAL_SECRET);
        return e;
    }

    /** True for the CAPI and CAPZ objects this package writes. */
    public static boolean isCapi(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText("");
        return apiVersion.startsWith(CAPI_GROUP + "/") || apiVersion.startsWith(CAPZ_GROUP + "/");
    }

    /** The embedded ASO objects of a CAPZ object (empty for Cluster and MachinePool). */
    public static List<ObjectNode> resources(JsonNode o) {
        JsonNode r = o.path("spec").path("resources");
        if (!o.path("apiVersion").asText("").startsWith(CAPZ_GROUP + "/") || !r.isArray()) {
            return List.of();
        }
        java.util.List<ObjectNode> out = new java.util.ArrayList<>();
        r.forEach(n -> {
            if (n instanceof ObjectNode on) {
                out.add(on);
            }
        });
        return out;
    }

    /** apiVersion, kind, metadata (name, namespace, the xp2aso labels and annotations of the ASO object it stands for). */
    private static ObjectNode head(String apiVersion, String kind, String namespace, String name, ObjectNode metaFrom) {
        ObjectNode o = JSON.objectNode();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        JsonNode labels = metaFrom.path("metadata").path("labels");
        if (labels.isObject() && !labels.isEmpty()) {
            meta.set("labels", labels.deepCopy());
        }
        ObjectNode annotations = JSON.objectNode();
        metaFrom.path("metadata").path("annotations").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("xp2aso.io/")) {
                annotations.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (!annotations.isEmpty()) {
            meta.set("annotations", annotations);
        }
        return o;
    }

    private static void ref(ObjectNode ref, String kind, String name) {
        ref.put("apiVersion", CAPZ_API_VERSION);
        ref.put("kind", kind);
        ref.put("name", name);
    }
}
