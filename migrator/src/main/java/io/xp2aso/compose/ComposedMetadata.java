package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The metadata Crossplane sets on every composed resource after patching (RenderComposedResourceMetadata):
 * generateName from the XR, the composite and claim labels, the composition-resource-name annotation, the
 * controller owner reference, and for a namespaced XR its namespace.
 */
final class ComposedMetadata {
    static final String COMPOSITE = "crossplane.io/composite";
    static final String CLAIM_NAME = "crossplane.io/claim-name";
    static final String CLAIM_NAMESPACE = "crossplane.io/claim-namespace";
    static final String RESOURCE_NAME = "crossplane.io/composition-resource-name";

    private ComposedMetadata() {
    }

    /** The name prefix and composite label Crossplane uses: the XR's own composite label, else its name. */
    static String compositeLabel(JsonNode xr) {
        String l = xr.path("metadata").path("labels").path(COMPOSITE).asText("");
        return l.isEmpty() ? xr.path("metadata").path("name").asText("") : l;
    }

    static void apply(ObjectNode cd, JsonNode xr, String resourceName, boolean namespacedXr) {
        ObjectNode md = cd.with("metadata");
        String composite = compositeLabel(xr);
        if (!md.has("generateName")) {
            md.put("generateName", composite + "-");
        }
        ObjectNode labels = md.with("labels");
        labels.put(COMPOSITE, composite);
        JsonNode xrLabels = xr.path("metadata").path("labels");
        String claim = xrLabels.path(CLAIM_NAME).asText("");
        String claimNs = xrLabels.path(CLAIM_NAMESPACE).asText("");
        if (!claim.isEmpty() && !claimNs.isEmpty()) {
            labels.put(CLAIM_NAME, claim);
            labels.put(CLAIM_NAMESPACE, claimNs);
        }
        md.with("annotations").put(RESOURCE_NAME, resourceName);
        if (namespacedXr) {
            md.put("namespace", xr.path("metadata").path("namespace").asText(""));
        }
        String av = xr.path("apiVersion").asText("");
        String kind = xr.path("kind").asText("");
        String name = xr.path("metadata").path("name").asText("");
        JsonNode refs = md.get("ownerReferences");
        ArrayNode owners = refs instanceof ArrayNode a ? a : md.putArray("ownerReferences");
        for (JsonNode r : owners) {
            if (r.path("controller").asBoolean(false) && r.path("kind").asText("").equals(kind)
                    && r.path("name").asText("").equals(name)) {
                return;
            }
        }
        ObjectNode ref = owners.addObject();
        ref.put("apiVersion", av);
        ref.put("blockOwnerDeletion", true);
        ref.put("controller", true);
        ref.put("kind", kind);
        ref.put("name", name);
        ref.put("uid", xr.path("metadata").path("uid").asText(""));
    }
}
