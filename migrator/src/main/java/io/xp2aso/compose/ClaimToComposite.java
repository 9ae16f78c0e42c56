package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Xrd;
import io.xp2aso.source.Manifest;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Builds the XR Crossplane creates for a claim (claim syncer): same spec minus claim-only and machinery fields
 * (except the propagated selection fields), filtered labels and annotations plus the claim labels, and
 * {@code spec.claimRef}. When the live XR is known its name, UID, status and persisted composition choice are kept.
 */
public final class ClaimToComposite {
    private static final Set<String> CLAIM_ONLY = Set.of("resourceRef", "compositeDeletePolicy", "writeConnectionSecretToRef");
    private static final Set<String> MACHINERY = Set.of("compositionRef", "compositionSelector", "compositionRevisionRef",
            "compositionRevisionSelector", "compositionUpdatePolicy", "resourceRefs", "claimRef",
            "writeConnectionSecretToRef", "publishConnectionDetailsTo", "environmentConfigRefs");

    private ClaimToComposite() {
    }

    /**
     * The XR for a claim. {@code name} is the XR's name (bound, observed or generated); {@code live} is the observed
     * XR or null.
     */
    public static ObjectNode build(Manifest claim, Xrd xrd, String name, JsonNode live) {
        ObjectNode xr = GoValues.NODES.objectNode();
        xr.put("apiVersion", xrd.group() + "/" + xrd.referenceableVersion());
        xr.put("kind", xrd.xrKind());
        ObjectNode md = xr.putObject("metadata");
        md.put("name", name);
        ObjectNode labels = filtered(claim.node().path("metadata").path("labels"));
        labels.put(ComposedMetadata.CLAIM_NAME, claim.name());
        labels.put(ComposedMetadata.CLAIM_NAMESPACE, namespace(claim));
        String liveComposite = live == null ? "" : live.path("metadata").path("labels").path(ComposedMetadata.COMPOSITE).asText("");
        labels.put(ComposedMetadata.COMPOSITE, liveComposite.isEmpty() ? name : liveComposite);
        md.set("labels", labels);
        ObjectNode annotations = filtered(claim.node().path("metadata").path("annotations"));
        if (live != null) {
            String ext = live.path("metadata").path("annotations").path("crossplane.io/external-name").asText("");
            if (!ext.isEmpty()) {
                annotations.put("crossplane.io/external-name", ext);
            }
            String uid = live.path("metadata").path("uid").asText("");
            if (!uid.isEmpty()) {
                md.put("uid", uid);
            }
        }
        if (annotations.size() > 0) {
            md.set("annotations", annotations);
        }
        ObjectNode spec = xr.putObject("spec");
        JsonNode claimSpec = claim.node().path("spec");
        boolean enforced = !xrd.enforcedCompositionName().isEmpty();
        String policy = claimSpec.path("compositionUpdatePolicy").asText("");
        for (Iterator<Map.Entry<String, JsonNode>> it = claimSpec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (CLAIM_ONLY.contains(k)) {
                continue;
            }
            if (MACHINERY.contains(k)) {
                boolean propagated = switch (k) {
                    case "compositionRef" -> !enforced;
                    case "compositionSelector", "compositionUpdatePolicy", "compositionRevisionSelector" -> true;
                    case "compositionRevisionRef" -> policy.equals("Manual");
                    default -> false;
                };
                if (!propagated) {
                    continue;
                }
            }
            spec.set(k, e.getValue().deepCopy());
        }
        if (live != null) {
            // What Crossplane persisted on the live XR: the composition it picked and the revision it runs.
            JsonNode liveSpec = live.path("spec");
            for (String k : new String[]{"compositionRef", "compositionRevisionRef", "writeConnectionSecretToRef"}) {
                if (!spec.has(k) && liveSpec.has(k)) {
                    spec.set(k, liveSpec.get(k).deepCopy());
                }
            }
            if (live.has("status")) {
                xr.set("status", live.get("status").deepCopy());
            }
        }
        ObjectNode claimRef = spec.putObject("claimRef");
        claimRef.put("apiVersion", claim.apiVersion());
        claimRef.put("kind", claim.kind());
        claimRef.put("name", claim.name());
        claimRef.put("namespace", namespace(claim));
        GoValues.roundTrip(xr);
        return xr;
    }

    /** The namespace of a namespaced object; kubectl puts one written without it into "default". */
    public static String namespace(Manifest m) {
        return m.namespace().isEmpty() ? "default" : m.namespace();
    }

    /**
     * A stand-in for the XR name Crossplane generates for an unbound claim ({@code <claim>-} plus 5 random
     * characters): deterministic, so repeated runs agree. The real name is only known to the cluster.
     */
    public static String generatedName(Manifest claim) {
        return Names.generated(claim.name() + "-", namespace(claim) + "/" + claim.name());
    }

    /** Labels or annotations without Kubernetes-reserved keys (kubernetes.io and k8s.io prefixes). */
    private static ObjectNode filtered(JsonNode map) {
        ObjectNode out = GoValues.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            int slash = k.indexOf('/');
            String prefix = slash < 0 ? "" : k.substring(0, slash);
            if (prefix.endsWith("kubernetes.io") || prefix.endsWith("k8s.io")) {
                continue;
            }
            out.set(k, e.getValue().deepCopy());
        }
        return out;
    }
}
