package io.xp2aso.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.List;

/** A CompositeResourceDefinition (v1 or v2): the XR kind, its claim kind and the default composition. */
public record Xrd(Manifest manifest) {
    public String name() {
        return manifest.name();
    }

    public String group() {
        return spec().path("group").asText("");
    }

    public String xrKind() {
        return spec().path("names").path("kind").asText("");
    }

    /** Claim kind, or "" when the XRD offers no claim (v2 namespaced XRs have none). */
    public String claimKind() {
        return spec().path("claimNames").path("kind").asText("");
    }

    /** v2 XRDs: Namespaced (default), Cluster or LegacyCluster; v1 XRDs are always cluster-scoped legacy. */
    public String scope() {
        String s = spec().path("scope").asText("");
        if (!s.isEmpty()) {
            return s;
        }
        return manifest.apiVersion().endsWith("/v2") ? "Namespaced" : "LegacyCluster";
    }

    /** The version marked referenceable (else the first served one): the apiVersion XRs are rendered at. */
    public String referenceableVersion() {
        String first = "";
        for (JsonNode v : spec().path("versions")) {
            if (v.path("referenceable").asBoolean(false)) {
                return v.path("name").asText();
            }
            if (first.isEmpty()) {
                first = v.path("name").asText();
            }
        }
        return first;
    }

    public List<String> versionNames() {
        List<String> out = new ArrayList<>();
        for (JsonNode v : spec().path("versions")) {
            out.add(v.path("name").asText());
        }
        return out;
    }

    public String defaultCompositionName() {
        return spec().path("defaultCompositionRef").path("name").asText("");
    }

    public String enforcedCompositionName() {
        return spec().path("enforcedCompositionRef").path("name").asText("");
    }

    public List<String> connectionSecretKeys() {
        List<String> out = new ArrayList<>();
        for (JsonNode k : spec().path("connectionSecretKeys")) {
            out.add(k.asText());
        }
        return out;
    }

    public JsonNode spec() {
        return manifest.node().path("spec");
    }
}
