package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds compose results from YAML fixtures under src/test/resources/mapping/. In a fixture, every MR carries the
 * annotation xp2aso.test/unit: "namespace/name" (claim units) or "_cluster/name" (lone MRs / cluster XRs); MRs with
 * crossplane.io/composition-resource-name are composed by that unit's XR. Observed objects are matched to MRs by
 * the unit name (label crossplane.io/composite) and composition-resource-name, or by kind and name.
 */
final class Fixtures {
    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/mapping/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static List<Manifest> read(String name) {
        SourceSet set = SourceReader.read(List.of(resource(name).toString()), new ByteArrayInputStream(new byte[0]));
        return set.manifests();
    }

    static ComposeResult compose(String fixture, ObservedIndex observed) {
        return compose(read(fixture), observed);
    }

    /** A fixture file written by the test itself. */
    static ComposeResult composeFile(Path file, ObservedIndex observed) {
        return compose(SourceReader.read(List.of(file.toString()), new ByteArrayInputStream(new byte[0])).manifests(), observed);
    }

    static ComposeResult compose(List<Manifest> manifests, ObservedIndex observed) {
        Map<String, List<ComposedResource>> byUnit = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            String unit = m.annotation("xp2aso.test/unit");
            if (unit.isEmpty()) {
                unit = "_cluster/" + m.name();
            }
            String rn = m.annotation("crossplane.io/composition-resource-name");
            Manifest live = null;
            if (!rn.isEmpty()) {
                live = observed.composed(unit.substring(unit.indexOf('/') + 1), rn).orElse(null);
            } else {
                live = observed.find(m.group(), m.kind(), m.namespace(), m.name()).orElse(null);
            }
            byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(new ComposedResource(rn, m.node(), m.origin(), live));
        }
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<String, List<ComposedResource>> e : byUnit.entrySet()) {
            String id = e.getKey();
            String ns = id.startsWith("_cluster/") ? "" : id.substring(0, id.indexOf('/'));
            String name = id.substring(id.indexOf('/') + 1);
            boolean composed = e.getValue().stream().anyMatch(r -> !r.resourceName().isEmpty());
            ObjectNode xr = composed ? JsonNodeFactory.instance.objectNode().put("kind", "XTest") : null;
            units.add(new Unit(id, ns, name, null, xr, null, composed ? "test-composition" : "", e.getValue(), List.of()));
        }
        return new ComposeResult(units, List.of());
    }

    static ObservedIndex observed(String name) {
        return new ObservedIndex(read(name));
    }

    static MappingCatalog builtIn() {
        return MappingCatalog.load(null);
    }
}
