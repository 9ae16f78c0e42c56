package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one patch from a source object to a destination object: read (NotFound is signalled, never defaulted),
 * transform, JSON round trip (int64/float64 as the Kubernetes decoder sees them), then write or merge, expanding
 * {@code [*]} against the destination.
 */
final class PatchApplier {
    private PatchApplier() {
    }

    /** Applies p reading {@code from} and writing {@code to}. Throws RenderException (notFound() for a missing source). */
    static void apply(Patch p, JsonNode from, ObjectNode to) {
        JsonNode value;
        if (p.isCombine()) {
            List<JsonNode> vars = new ArrayList<>(p.variables().size());
            for (FieldPath v : p.variables()) {
                // Any missing variable makes the whole patch NotFound: never format with fewer arguments.
                vars.add(v.get(from));
            }
            value = GoValues.NODES.textNode(GoFormat.sprintf(p.format(), vars));
        } else {
            value = p.from().get(from);
        }
        JsonNode out = p.transforms().apply(value);
        out = GoValues.roundTrip(out == null ? GoValues.NODES.nullNode() : out.deepCopy());
        // Go's JSON encoder cannot encode NaN or infinities: the patch fails there.
        checkEncodable(out);
        if (!p.isCombine() && p.to().hasWildcard()) {
            List<List<FieldPath.Segment>> paths = p.to().expand(to);
            if (paths.isEmpty()) {
                throw new RenderException("cannot expand ToFieldPath " + p.to().text());
            }
            for (List<FieldPath.Segment> path : paths) {
                MergeOptions.mergeValue(to, path, out.deepCopy(), p.merge());
            }
            return;
        }
        try {
            MergeOptions.mergeValue(to, p.to().segments(), out, p.merge());
        } catch (RenderException e) {
            throw e.wrap("cannot patch to object");
        }
    }

    private static void checkEncodable(JsonNode v) {
        if (v.isNumber() && !GoValues.isInt(v)) {
            GoValues.jsonFloat(v.asDouble());
        } else if (v.isContainerNode()) {
            v.forEach(PatchApplier::checkEncodable);
        }
    }
}
