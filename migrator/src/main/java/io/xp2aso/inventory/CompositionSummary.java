package io.xp2aso.inventory;

import java.util.List;

/**
 * A Composition or CompositionRevision: the XR type it composes, its mode, the Functions of a Pipeline and
 * the MR kinds of a legacy Resources-mode template list. {@code compositionName} is the owning Composition
 * of a revision (its own name for a Composition); {@code revision} is 0 for a Composition.
 */
public record CompositionSummary(String kind, String name, String compositionName, long revision,
                                 String compositeApiVersion, String compositeKind, String mode,
                                 List<FunctionStep> pipeline, List<String> resourceKinds) {
    public CompositionSummary {
        pipeline = List.copyOf(pipeline);
        resourceKinds = List.copyOf(resourceKinds);
    }

    public boolean isRevision() {
        return kind.equals("CompositionRevision");
    }
}
