package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.inventory.LiveSource;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.NestedComposite;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Units built from a live graph: no rendering, MRs linked by resourceRefs, owner references and labels. */
class LiveUnitsTest {
    static List<Manifest> live() throws IOException {
        List<Manifest> out = new ArrayList<>();
        try (InputStream in = LiveUnitsTest.class.getResourceAsStream("/compose/live-graph.yaml");
             var it = Yaml.YAML.readerFor(JsonNode.class).<JsonNode>readValues(in)) {
            while (it.hasNext()) {
                ObjectNode n = (ObjectNode) it.next();
                out.add(new Manifest(n, Origin.cluster("ctx", n.path("apiVersion").asText(), n.path("kind").asText(),
                        n.path("metadata").path("namespace").asText(""), n.path("metadata").path("name").asText())));
            }
        }
        return out;
    }

    static ComposeResult compose() throws IOException {
        List<Manifest> live = live();
        return LiveUnits.compose(new Estate(LiveSource.of(live)), new ObservedIndex(live));
    }

    static Map<String, Unit> byId(ComposeResult r) {
        return r.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    static List<String> names(Unit u) {
        return u.resources().stream().map(c -> c.object().path("metadata").path("name").asText()).toList();
    }

    @Test
    void claimUnitHoldsEveryMrOfItsXrHoweverLinked() throws IOException {
        Unit shop = byId(compose()).get("team-a/shop");
        assertEquals("shop", shop.claim().name());
        assertEquals("shop-7xk2p", shop.composite().path("metadata").path("name").asText());
        assertEquals("app-kcl", shop.composition());
        assertEquals(List.of("shop-7xk2p-rg", "shopdata", "shop-kv"), names(shop));
        assertEquals(List.of("", "data", ""), shop.resources().stream().map(ComposedResource::resourceName).toList());
        // A referenced Azure MR that is gone is reported; a non-Azure one (its kind is not listed) blocks the unit:
        // retiring the XR would delete it.
        List<Finding> missing = shop.findings().stream().filter(f -> f.code().equals("composed-resource-missing")).toList();
        assertEquals(1, missing.size(), shop.findings().toString());
        assertTrue(missing.get(0).message().contains("Account shop-gone"), missing.get(0).message());
        List<Finding> foreign = shop.findings().stream().filter(f -> f.code().equals("non-azure-composed-resource")).toList();
        assertEquals(1, foreign.size(), shop.findings().toString());
        assertEquals(Severity.ERROR, foreign.get(0).severity());
        assertTrue(foreign.get(0).message().startsWith("XApp/shop-7xk2p composes kubernetes.crossplane.io/v1alpha2 Object"
                + " shop-cm, which is not an Azure managed resource"), foreign.get(0).message());
    }

    @Test
    void mrObjectsAreCleanedAndTheWholeObjectIsTheObservedState() throws IOException {
        ComposedResource rg = byId(compose()).get("team-a/shop").resources().get(0);
        JsonNode md = rg.object().path("metadata");
        assertFalse(rg.object().has("status"));
        for (String f : List.of("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "finalizers")) {
            assertFalse(md.has(f), f);
        }
        assertEquals("rg-shop", md.path("annotations").path("crossplane.io/external-name").asText());
        assertFalse(md.path("annotations").has("kubectl.kubernetes.io/last-applied-configuration"));
        assertEquals("westeurope", rg.object().path("spec").path("forProvider").path("location").asText());
        assertEquals("/subscriptions/0000/resourceGroups/rg-shop",
                rg.observed().node().path("status").path("atProvider").path("id").asText());
        assertEquals("cluster:ctx/azure.upbound.io/v1beta1/ResourceGroup/shop-7xk2p-rg", rg.origin().file());
    }

    @Test
    void nestedXrsJoinTheirParentsUnitAndLoneMrsAreUnitsOfTheirOwn() throws IOException {
        ComposeResult r = compose();
        Map<String, Unit> units = byId(r);
        assertEquals(List.of("team-a/shop", "_cluster/platform", "_cluster/stray-rg"),
                r.units().stream().map(Unit::id).toList());
        Unit platform = units.get("_cluster/platform");
        assertEquals(List.of("child-rg", "platform-rg"), names(platform), "depth first, in the order the XR lists them");
        assertEquals(List.of("platform-child"), platform.nested().stream().map(NestedComposite::name).toList());
        assertEquals("XApp/platform", platform.nested().get(0).parent());
        assertEquals(List.of(), platform.findings());
        Unit stray = units.get("_cluster/stray-rg");
        assertNull(stray.composite());
        assertTrue(stray.findings().stream().anyMatch(f -> f.code().equals("composite-not-found")));
        Finding unbound = r.findings().stream().filter(f -> f.code().equals("claim-without-composite")).findFirst().orElseThrow();
        assertTrue(unbound.message().contains("App/team-b/orphan"), unbound.message());
    }
}
