package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Shell fragments for handoff.sh and plan.md: quoting and the helper calls defined in the script header. */
final class Shell {
    private Shell() {
    }

    static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** "type/name" (or type/"$XR" for an XR whose name is read from the claim at run time) and "-n ns". */
    static String obj(ObjectRef r) {
        String name = r.name().isEmpty() ? "\"$XR\"" : r.name();
        return r.kubectlType() + "/" + name;
    }

    static String ns(ObjectRef r) {
        return r.namespace().isEmpty() ? "''" : r.namespace();
    }

    static String cond(String type) {
        return "'{.status.conditions[?(@.type==\"" + type + "\")].status}'";
    }

    static String annotationPath(String key) {
        return "'{.metadata.annotations." + key.replace(".", "\\.") + "}'";
    }

    static String expect(ObjectRef r, String jsonPath, String want) {
        return "expect_jsonpath " + obj(r) + " " + ns(r) + " " + jsonPath + " " + q(want);
    }

    static String waitFor(ObjectRef r, String jsonPath, String want) {
        return "wait_jsonpath " + obj(r) + " " + ns(r) + " " + jsonPath + " " + q(want);
    }

    static String annotate(ObjectRef r, String key, String value) {
        return "kubectl annotate --overwrite " + obj(r) + nsFlag(r) + " " + key + (value == null ? "-" : "=" + value);
    }

    static String nsFlag(ObjectRef r) {
        return r.namespace().isEmpty() ? "" : " -n " + r.namespace();
    }

    static String policiesJson(List<String> policies) {
        ArrayNode a = Nodes.FACTORY.arrayNode();
        policies.forEach(a::add);
        return a.toString();
    }

    static String mrPatch(ManagedHandoff mr, String deletionPolicy, List<String> policies) {
        ObjectNode spec = Nodes.FACTORY.objectNode();
        if (!mr.namespacedV2()) {
            spec.put("deletionPolicy", deletionPolicy);
        }
        ArrayNode a = spec.putArray("managementPolicies");
        policies.forEach(a::add);
        ObjectNode patch = Nodes.FACTORY.objectNode();
        patch.set("spec", spec);
        return "kubectl patch " + obj(mr.ref()) + nsFlag(mr.ref()) + " --type merge -p " + q(patch.toString());
    }
}
