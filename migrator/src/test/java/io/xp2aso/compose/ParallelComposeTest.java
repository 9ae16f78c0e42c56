package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Units render on all cores: the result must be exactly the sequential one (units, ids, order, findings, global
 * findings) and no shared tree may be written. The estate is the compose fixture (defaults, selectors, revisions,
 * enforced and missing Compositions, live XRs, unsupported functions, lone MRs) plus broken Compositions and an id
 * clash, copied many times under renamed namespaces and names.
 */
class ParallelComposeTest {
    static final int COPIES = 120;

    static List<Manifest> sources;
    static List<Manifest> observed;

    @BeforeAll
    static void estate() throws Exception {
        List<Manifest> base = new ArrayList<>(read("/compose/estate").manifests());
        base.addAll(read("/compose/parallel/extra.yaml").manifests());
        List<Manifest> live = new ArrayList<>(read("/compose/estate-observed.yaml").manifests());
        live.addAll(read("/compose/parallel/extra-observed.yaml").manifests());
        sources = new ArrayList<>();
        observed = new ArrayList<>();
        base.stream().filter(m -> !isInstance(m)).forEach(sources::add);
        for (int i = 0; i < COPIES; i++) {
            for (Manifest m : base) {
                if (isInstance(m)) {
                    sources.add(copy(m, i));
                }
            }
            for (Manifest m : live) {
                observed.add(copy(m, i));
            }
        }
    }

    @Test
    void parallelRenderIsTheSequentialRender() throws Exception {
        List<String> before = texts(sources);
        List<String> observedBefore = texts(observed);
        ComposeResult sequential = compose(false);
        ComposeResult parallel = compose(true);

        assertEquals(COPIES * 11, parallel.units().size(), "one unit per claim, unclaimed XR and lone MR of each copy");
        assertEquals(describe(sequential.findings()), describe(parallel.findings()));
        for (int i = 0; i < sequential.units().size(); i++) {
            assertSameUnit(sequential.units().get(i), parallel.units().get(i));
        }
        assertEquals(before, texts(sources), "composing must not write the source trees");
        assertEquals(observedBefore, texts(observed), "composing must not write the observed trees");
    }

    @Test
    void eachBrokenCompositionIsReportedOnceInFirstUseOrder() {
        ComposeResult parallel = compose(true);
        assertEquals(List.of("invalid-composition", "invalid-composition"),
                parallel.findings().stream().map(Finding::code).toList());
        assertEquals(List.of("Composition/broken-b", "Composition/broken-a"),
                parallel.findings().stream().map(Finding::subject).toList());
        Unit clash = parallel.units().stream().filter(u -> u.id().equals("_cluster/standalone-7-resourcegroup"))
                .findFirst().orElseThrow();
        assertEquals("standalone-7", clash.name());
        assertEquals("ResourceGroup", clash.resources().get(0).object().path("kind").asText());
        Unit xr = parallel.units().stream().filter(u -> u.id().equals("_cluster/standalone-7")).findFirst().orElseThrow();
        assertEquals("5d1c-uid", xr.composite().path("metadata").path("uid").asText(), "the live XR's UID is merged");
    }

    static ComposeResult compose(boolean parallel) {
        Estate estate = new Estate(new SourceSet(sources, List.of()));
        return new Composer(List.of(), parallel).compose(estate, new ObservedIndex(observed));
    }

    static void assertSameUnit(Unit want, Unit got) throws Exception {
        String id = want.id();
        assertEquals(id, got.id());
        assertEquals(want.namespace(), got.namespace(), id);
        assertEquals(want.name(), got.name(), id);
        assertSame(want.claim(), got.claim(), id);
        assertSame(want.compositeSource(), got.compositeSource(), id);
        assertEquals(want.composition(), got.composition(), id);
        assertEquals(text(want.composite()), text(got.composite()), id);
        assertEquals(want.resources().size(), got.resources().size(), id);
        for (int r = 0; r < want.resources().size(); r++) {
            ComposedResource w = want.resources().get(r);
            ComposedResource g = got.resources().get(r);
            assertEquals(w.resourceName(), g.resourceName(), id);
            assertEquals(text(w.object()), text(g.object()), id + " " + w.resourceName());
            assertEquals(w.origin(), g.origin(), id + " " + w.resourceName());
            assertSame(w.observed(), g.observed(), id + " " + w.resourceName());
        }
        assertEquals(describe(want.findings()), describe(got.findings()), id);
    }

    static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.code() + " " + f.subject() + " " + f.origin() + " "
                + f.message()).toList();
    }

    static String text(JsonNode n) throws Exception {
        // Field order matters in the written YAML, and JsonNode.equals ignores it: compare the serialised text.
        return n == null ? "null" : Yaml.JSON.writeValueAsString(n);
    }

    static List<String> texts(List<Manifest> ms) throws Exception {
        List<String> out = new ArrayList<>();
        for (Manifest m : ms) {
            out.add(text(m.node()));
        }
        return out;
    }

    static SourceSet read(String resource) throws Exception {
        Path p = Path.of(ParallelComposeTest.class.getResource(resource).toURI());
        return SourceReader.read(List.of(p.toString()), System.in);
    }

    static boolean isInstance(Manifest m) {
        return !m.group().equals("apiextensions.crossplane.io");
    }

    /** Copy i of an object: names, namespaces and the references between objects all get the suffix -i. */
    static Manifest copy(Manifest m, int i) {
        ObjectNode n = m.node().deepCopy();
        String suffix = "-" + i;
        ObjectNode md = (ObjectNode) n.get("metadata");
        suffix(md, "name", suffix);
        suffix(md, "namespace", suffix);
        if (md.get("labels") instanceof ObjectNode labels) {
            for (String k : List.of("crossplane.io/composite", "crossplane.io/claim-name", "crossplane.io/claim-namespace")) {
                suffix(labels, k, suffix);
            }
        }
        if (n.path("spec").get("resourceRef") instanceof ObjectNode ref) {
            suffix(ref, "name", suffix);
        }
        if (n.path("spec").get("claimRef") instanceof ObjectNode ref) {
            suffix(ref, "name", suffix);
            suffix(ref, "namespace", suffix);
        }
        return new Manifest(n, m.origin());
    }

    static void suffix(ObjectNode o, String field, String suffix) {
        if (o.hasNonNull(field)) {
            o.put(field, o.get(field).asText() + suffix);
        }
    }
}
