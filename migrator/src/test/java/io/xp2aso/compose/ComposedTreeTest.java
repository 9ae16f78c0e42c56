package io.xp2aso.compose;

import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.NestedComposite;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The composed tree of a unit (fixtures in compose/tree): nested XRs rendered through their own Compositions, objects
 * the cluster says an XR composes that rendering did not produce, and composed objects that are not Azure MRs.
 */
class ComposedTreeTest {
    static ComposeResult compose(boolean withObserved) throws Exception {
        Path src = Path.of(ComposedTreeTest.class.getResource("/compose/tree/sources.yaml").toURI());
        Path obs = Path.of(ComposedTreeTest.class.getResource("/compose/tree/observed.yaml").toURI());
        Estate estate = new Estate(SourceReader.read(List.of(src.toString()), System.in));
        ObservedIndex observed = withObserved
                ? new ObservedIndex(SourceReader.read(List.of(obs.toString()), System.in).manifests()) : ObservedIndex.EMPTY;
        return new Composer().compose(estate, observed);
    }

    static Unit unit(ComposeResult r, String id) {
        return r.units().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + id + " in " + r.units().stream().map(Unit::id).toList()));
    }

    static List<Finding> errors(Unit u, String code) {
        return u.findings().stream().filter(f -> f.severity() == Severity.ERROR && f.code().equals(code)).toList();
    }

    static List<String> names(Unit u) {
        return u.resources().stream().map(r -> r.object().path("kind").asText() + "/"
                + r.object().path("metadata").path("name").asText()).toList();
    }

    @Test
    void nestedXrIsRenderedThroughItsOwnCompositionAndItsMrsJoinTheUnit() throws Exception {
        ComposeResult r = compose(true);
        Unit u = unit(r, "team/tree");
        assertEquals(List.of("ResourceGroup/tree-p1x2z-rg111", "VirtualNetwork/tree-p1x2z-vn333",
                "ResourceGroup/tree-p1x2z-rg444"), names(u), "the top's MR, then the nested XR's (by owner reference)");
        assertEquals(1, u.nested().size());
        NestedComposite n = u.nested().get(0);
        assertEquals("XNetwork", n.kind());
        assertEquals("tree-p1x2z-net22", n.name());
        assertEquals("network", n.composition());
        assertEquals("XPlatform/tree-p1x2z", n.parent());
        assertEquals(1, n.depth());
        ComposedResource vnet = u.resources().get(1);
        assertEquals("westeurope", vnet.object().path("spec").path("forProvider").path("location").asText(),
                "patched from the nested XR, which was patched from the top XR");
        assertEquals("platform-vnet", vnet.observed().annotation("crossplane.io/external-name"));
        assertEquals("network-rg", u.resources().get(2).observed().annotation("crossplane.io/external-name"),
                "the nested XR's rg is its own, not the top's rg of the same resource name");
        assertEquals(List.of(), u.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList());
        assertTrue(r.units().stream().noneMatch(x -> x.id().contains("net22")), "no unit of its own");
    }

    @Test
    void nestedXrWithoutObservedStateStillRenders() throws Exception {
        Unit u = unit(compose(false), "team/tree");
        assertEquals(1, u.nested().size());
        assertEquals(3, u.resources().size());
        assertTrue(u.resources().stream().noneMatch(c -> c.object().path("kind").asText().equals("XNetwork")));
    }

    @Test
    void observedMrsRenderingDidNotProduceAreErrorsNamingEachMr() throws Exception {
        Unit u = unit(compose(true), "team/orders");
        List<Finding> errors = errors(u, "unrendered-composed-resource");
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith("Account/orders-d4f5g-old66 is composed on the cluster (XDb/orders-d4f5g"
                + " controls it (owner reference))"), errors.get(0).message());
        assertTrue(errors.get(1).message().startsWith("Container/orders-d4f5g-ref77 is composed on the cluster (XDb/orders-d4f5g"
                + " lists it in spec.resourceRefs)"), errors.get(1).message());
        assertTrue(errors.get(2).message().startsWith("ResourceGroup/orders-d4f5g-lab88 is composed on the cluster (it carries"
                + " the label crossplane.io/composite=orders-d4f5g)"), errors.get(2).message());
        assertTrue(errors.get(0).message().contains("rendering Composition db did not produce it"));
        assertEquals(List.of("ResourceGroup/orders-d4f5g-rg555"), names(u));
        assertEquals(List.of(), errors(unit(compose(true), "team/tree"), "unrendered-composed-resource"));
    }

    @Test
    void nonAzureComposedResourceBlocksTheUnit() throws Exception {
        Unit u = unit(compose(true), "team/web");
        List<Finding> errors = errors(u, "non-azure-composed-resource");
        assertEquals(1, errors.size(), u.findings().toString());
        assertTrue(errors.get(0).message().startsWith("Application/web-a1b2c-app00 (applications.azuread.upbound.io/v1beta1)"
                + " is composed by XApp/web-a1b2c but is not an Azure managed resource"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("Nothing of this unit is handed over"));
    }
}
