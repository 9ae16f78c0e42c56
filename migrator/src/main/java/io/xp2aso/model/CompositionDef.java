package io.xp2aso.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Manifest;

/** A Composition or CompositionRevision: which XR type it composes, and in which mode. */
public record CompositionDef(Manifest manifest) {
    public String name() {
        if (manifest.kind().equals("CompositionRevision")) {
            String owner = manifest.label("crossplane.io/composition-name");
            return owner.isEmpty() ? manifest.name() : owner;
        }
        return manifest.name();
    }

    public String compositeApiVersion() {
        return spec().path("compositeTypeRef").path("apiVersion").asText("");
    }

    public String compositeKind() {
        return spec().path("compositeTypeRef").path("kind").asText("");
    }

    /** "Pipeline" or "Resources" (the legacy default when mode is absent). */
    public String mode() {
        return spec().path("mode").asText("Resources");
    }

    public boolean isPipeline() {
        return mode().equals("Pipeline");
    }

    public boolean isRevision() {
        return manifest.kind().equals("CompositionRevision");
    }

    public long revision() {
        return spec().path("revision").asLong(0);
    }

    public JsonNode spec() {
        return manifest.node().path("spec");
    }
}
