package io.xp2aso.source;

import java.util.List;

/** Everything read from one or more sources: the objects, and the files that were skipped with a reason. */
public record SourceSet(List<Manifest> manifests, List<SkippedInput> skipped) {
    public SourceSet {
        manifests = List.copyOf(manifests);
        skipped = List.copyOf(skipped);
    }

    /** A file or document that is not a Kubernetes object (Helm template, plain config), reported rather than fatal. */
    public record SkippedInput(Origin origin, String reason) {
    }
}
