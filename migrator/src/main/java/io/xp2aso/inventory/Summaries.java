package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ObjectKind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Builds the summaries the scan keeps from live objects (Jackson trees as the API server returned them). */
final class Summaries {
    private Summaries() {
    }

    static ObjectRef ref(JsonNode o) {
        JsonNode md = o.path("metadata");
        return new ObjectRef(Text.clean(o.path("apiVersion").asText("")), Text.clean(o.path("kind").asText("")),
                Text.clean(md.path("namespace").asText("")), Text.clean(md.path("name").asText("")));
    }

    /** A claim, XR or MR. v2 XRs keep their Crossplane fields under spec.crossplane; legacy ones directly in spec. */
    static ResourceSummary resource(JsonNode o, ObjectKind role) {
        JsonNode md = o.path("metadata");
        JsonNode spec = o.path("spec");
        JsonNode xp = spec.has("crossplane") ? spec.path("crossplane") : spec;
        ObjectRef ref = ref(o);

        List<ObjectRef> refs = new ArrayList<>();
        for (JsonNode r : xp.path("resourceRefs")) {
            ObjectRef x = ObjectRef.from(r, ref.namespace());
            if (x != null) {
                refs.add(cleanRef(x));
            }
        }
        ObjectRef resourceRef = role == ObjectKind.CLAIM ? ObjectRef.from(spec.path("resourceRef"), "") : null;

        String controllerUid = "";
        for (JsonNode owner : md.path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                controllerUid = owner.path("uid").asText("");
            }
        }
        List<String> policies = new ArrayList<>();
        for (JsonNode p : spec.path("managementPolicies")) {
            policies.add(Text.clean(p.asText()));
        }
        List<DriftField> drift = role == ObjectKind.MANAGED
                ? DriftDetector.compare(spec.path("forProvider"), o.path("status").path("atProvider"))
                : List.of();
        return new ResourceSummary(ref, role, md.path("uid").asText(""), ConditionSummary.read(o),
                "true".equals(md.path("annotations").path("crossplane.io/paused").asText("")),
                md.hasNonNull("deletionTimestamp"),
                Text.clean(spec.path("deletionPolicy").asText("")), policies, drift,
                resourceRef == null ? null : cleanRef(resourceRef), refs, controllerUid,
                label(md, "crossplane.io/composite"), label(md, "crossplane.io/claim-name"),
                label(md, "crossplane.io/claim-namespace"),
                Text.clean(xp.path("compositionRef").path("name").asText("")),
                Text.clean(xp.path("compositionRevisionRef").path("name").asText("")),
                Text.clean(md.path("annotations").path("crossplane.io/external-name").asText("")),
                Text.clean(spec.path("providerConfigRef").path("name").asText("")));
    }

    static XrdSummary xrd(JsonNode o) {
        JsonNode spec = o.path("spec");
        List<String> served = new ArrayList<>();
        for (JsonNode v : spec.path("versions")) {
            if (v.path("served").asBoolean(false)) {
                served.add(Text.clean(v.path("name").asText("")));
            }
        }
        String scope = spec.path("scope").asText(o.path("apiVersion").asText("").endsWith("/v2")
                ? "Namespaced" : "LegacyCluster");
        return new XrdSummary(Text.clean(o.path("metadata").path("name").asText("")),
                Text.clean(spec.path("group").asText("")), Text.clean(spec.path("names").path("kind").asText("")),
                Text.clean(spec.path("claimNames").path("kind").asText("")), Text.clean(scope), served,
                ConditionSummary.read(o));
    }

    static CompositionSummary composition(JsonNode o) {
        JsonNode spec = o.path("spec");
        String kind = o.path("kind").asText("");
        String name = Text.clean(o.path("metadata").path("name").asText(""));
        String owner = name;
        if (kind.equals("CompositionRevision")) {
            owner = label(o.path("metadata"), "crossplane.io/composition-name");
            if (owner.isEmpty()) {
                owner = name;
            }
        }
        List<FunctionStep> steps = new ArrayList<>();
        for (JsonNode s : spec.path("pipeline")) {
            JsonNode in = s.path("input");
            String source = in.path("source").asText("");
            boolean template = in.path("apiVersion").asText("").startsWith("gotemplating.fn.crossplane.io/")
                    && (source.equals("Inline") || source.equals("Environment")) && in.path("options").size() == 0;
            steps.add(new FunctionStep(Text.clean(s.path("step").asText("")),
                    Text.clean(s.path("functionRef").path("name").asText("")), template));
        }
        List<String> kinds = new ArrayList<>();
        for (JsonNode r : spec.path("resources")) {
            JsonNode base = r.path("base");
            String k = base.path("apiVersion").asText("") + "/" + base.path("kind").asText("");
            if (!kinds.contains(k)) {
                kinds.add(Text.clean(k));
            }
        }
        return new CompositionSummary(Text.clean(kind), name, owner, spec.path("revision").asLong(0),
                Text.clean(spec.path("compositeTypeRef").path("apiVersion").asText("")),
                Text.clean(spec.path("compositeTypeRef").path("kind").asText("")),
                Text.clean(spec.path("mode").asText("Resources")), steps, kinds);
    }

    static PackageSummary pkg(JsonNode o) {
        return new PackageSummary(Text.clean(o.path("kind").asText("")),
                Text.clean(o.path("metadata").path("name").asText("")),
                Text.clean(o.path("spec").path("package").asText("")),
                Text.clean(o.path("status").path("currentRevision").asText("")), ConditionSummary.read(o));
    }

    /** Names the credentials Secret (namespace/name, key) without ever reading it. */
    static ProviderConfigSummary providerConfig(JsonNode o) {
        JsonNode creds = o.path("spec").path("credentials");
        JsonNode secret = creds.path("secretRef");
        String secretRef = "";
        if (secret.hasNonNull("name")) {
            secretRef = Text.clean(secret.path("namespace").asText("")) + "/" + Text.clean(secret.path("name").asText(""))
                    + (secret.hasNonNull("key") ? " key " + Text.clean(secret.path("key").asText("")) : "");
        }
        return new ProviderConfigSummary(ref(o), Text.clean(creds.path("source").asText("")), secretRef);
    }

    static EnvironmentConfigSummary environmentConfig(JsonNode o) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = o.path("data").fieldNames();
        while (it.hasNext()) {
            keys.add(Text.clean(it.next()));
        }
        keys.sort(String::compareTo);
        return new EnvironmentConfigSummary(Text.clean(o.path("apiVersion").asText("")),
                Text.clean(o.path("metadata").path("name").asText("")), keys);
    }

    private static ObjectRef cleanRef(ObjectRef r) {
        return new ObjectRef(Text.clean(r.apiVersion()), Text.clean(r.kind()), Text.clean(r.namespace()),
                Text.clean(r.name()));
    }

    private static String label(JsonNode md, String key) {
        return Text.clean(md.path("labels").path(key).asText(""));
    }
}
