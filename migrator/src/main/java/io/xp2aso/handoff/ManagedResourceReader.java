package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;
import io.xp2aso.preview.StaticPreview;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads what the handoff needs from one mapped MR: names, IDs and policies (live values first), drift, secrets. */
final class ManagedResourceReader {
    private ManagedResourceReader() {
    }

    static ManagedHandoff read(MappedResource mr, List<String> blockers) {
        ComposedResource src = mr.source();
        JsonNode desired = src.object();
        JsonNode live = src.observed() != null ? src.observed().node() : desired;
        ObjectRef ref = ObjectRef.of(live);
        if (ref.name().isEmpty()) {
            ref = ref.withName(desired.path("metadata").path("name").asText(""));
        }
        if (ref.name().isEmpty()) {
            blockers.add(ref.kind() + " " + src.resourceName() + ": the MR's name is only known to the cluster; "
                    + "build the plan with --observed or --from-cluster");
        }
        boolean v2 = ref.group().contains(".m.");
        String externalName = annotation(live, Keys.EXTERNAL_NAME);
        if (externalName.isEmpty()) {
            externalName = annotation(desired, Keys.EXTERNAL_NAME);
        }
        String azureId = src.observed() == null ? "" : live.path("status").path("atProvider").path("id").asText("");
        JsonNode spec = live.path("spec");
        String deletionPolicy = v2 ? "" : spec.path("deletionPolicy").asText("Delete");
        List<String> policies = new ArrayList<>();
        spec.path("managementPolicies").forEach(p -> policies.add(p.asText()));
        if (policies.isEmpty()) {
            policies.add("*");
        }
        List<String> preview = new ArrayList<>();
        boolean noObject = false;
        for (Finding f : mr.findings()) {
            noObject |= f.code().equals(Mapper.NO_OBJECT);
            if (f.code().equals(StaticPreview.CODE)) {
                preview.add(f.message());
            }
            if (mr.targets().isEmpty() && (f.severity() == Severity.ERROR || f.severity() == Severity.UNMAPPED)) {
                blockers.add(ref.display() + ": nothing of it is migrated (" + f.message() + ")");
            } else if (f.severity() == Severity.ERROR) {
                // An ASO object the map stage found wrong or incomplete (an owner it could not resolve, a list
                // ASO's PUT would empty) must not be applied: the unit waits until the error is resolved.
                blockers.add(ref.display() + ": " + f.message());
            }
        }
        List<ObjectRef> targets = mr.targets().stream().map(ObjectRef::of).toList();
        List<String> drift = src.observed() == null ? List.of()
                : drift(desired.path("spec").path("forProvider"), live.path("status").path("atProvider"));
        return new ManagedHandoff(ref, src.resourceName(), v2, externalName, azureId, deletionPolicy, policies, targets,
                drift, secrets(desired.path("spec").path("forProvider"), mr.targets()), preview, noObject);
    }

    private static String annotation(JsonNode obj, String key) {
        return obj.path("metadata").path("annotations").path(key).asText("");
    }

    /** Scalar fields set in forProvider whose observed (atProvider) value differs; secret references are not compared. */
    static List<String> drift(JsonNode desired, JsonNode observed) {
        List<String> out = new ArrayList<>();
        compare("", desired, observed, out);
        return out;
    }

    private static void compare(String path, JsonNode desired, JsonNode observed, List<String> out) {
        if (observed == null || observed.isMissingNode() || observed.isNull()) {
            return;
        }
        if (desired.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().endsWith("SecretRef") || e.getKey().endsWith("Ref") || e.getKey().endsWith("Selector")) {
                    continue;
                }
                compare(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), observed.get(e.getKey()), out);
            }
        } else if (desired.isArray()) {
            if (observed.isArray() && desired.size() == observed.size()) {
                for (int i = 0; i < desired.size(); i++) {
                    compare(path + "[" + i + "]", desired.get(i), observed.get(i), out);
                }
            } else if (!desired.equals(observed)) {
                out.add(path + ": desired " + desired + ", observed " + observed);
            }
        } else if (!desired.asText().equals(observed.asText())) {
            out.add(path + ": desired " + desired + ", observed " + observed);
        }
    }

    /**
     * Secret keys the MR reads from another namespace than the ASO resource that reads the same Secret name and key:
     * upjet refs are {name, namespace, key}; ASO refs are {name, key} in the resource's own namespace.
     */
    private static List<SecretCopy> secrets(JsonNode forProvider, List<ObjectNode> targets) {
        List<JsonNode> mrRefs = new ArrayList<>();
        collectRefs(forProvider, true, mrRefs);
        List<SecretCopy> out = new ArrayList<>();
        for (ObjectNode t : targets) {
            String ns = t.path("metadata").path("namespace").asText("");
            List<JsonNode> asoRefs = new ArrayList<>();
            collectRefs(t.path("spec"), false, asoRefs);
            for (JsonNode a : asoRefs) {
                for (JsonNode m : mrRefs) {
                    if (m.path("key").asText().equals(a.path("key").asText())
                            && m.path("name").asText().equals(a.path("name").asText())
                            && !m.path("namespace").asText().equals(ns)) {
                        SecretCopy c = new SecretCopy(m.path("namespace").asText(), m.path("name").asText(),
                                m.path("key").asText(), ns, a.path("name").asText(), a.path("key").asText());
                        if (!out.contains(c)) {
                            out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void collectRefs(JsonNode node, boolean withNamespace, List<JsonNode> out) {
        if (node.isObject()) {
            boolean ref = node.size() == (withNamespace ? 3 : 2) && node.path("name").isTextual()
                    && node.path("key").isTextual() && (!withNamespace || node.path("namespace").isTextual());
            if (ref) {
                out.add(node);
                return;
            }
            node.forEach(child -> collectRefs(child, withNamespace, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, withNamespace, out));
        }
    }
}
