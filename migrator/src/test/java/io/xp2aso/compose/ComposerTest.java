package io.xp2aso.compose;

import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposerTest {
    static ComposeResult result;

    @BeforeAll
    static void compose() throws Exception {
        Path dir = Path.of(ComposerTest.class.getResource("/compose/estate").toURI());
        Path obs = Path.of(ComposerTest.class.getResource("/compose/estate-observed.yaml").toURI());
        Estate estate = new Estate(SourceReader.read(List.of(dir.toString()), System.in));
        ObservedIndex observed = new ObservedIndex(SourceReader.read(List.of(obs.toString()), System.in).manifests());
        result = new Composer().compose(estate, observed);
    }

    static Unit unit(String id) {
        return result.units().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + id + " in " + result.units().stream().map(Unit::id).toList()));
    }

    static List<String> codes(Unit u) {
        return u.findings().stream().map(Finding::code).toList();
    }

    static ComposedResource res(Unit u, String name) {
        return u.resources().stream().filter(r -> r.resourceName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name + " in unit " + u.id()));
    }

    @Test
    void oneUnitPerClaimXrAndLoneManagedResource() {
        assertEquals(List.of("shop/orders", "shop/ambiguous", "shop/large", "shop/missing", "infra/core", "apps/web",
                "_cluster/standalone", "_cluster/lonely"), result.units().stream().map(Unit::id).toList());
    }

    @Test
    void claimRendersThroughTheXrdDefaultWithGeneratedNames() {
        Unit u = unit("shop/orders");
        assertEquals("db-default", u.composition());
        assertNotNull(u.claim());
        String xrName = u.composite().path("metadata").path("name").asText();
        assertTrue(xrName.matches("orders-[bcdfghjklmnpqrstvwxz2456789]{5}"), xrName);
        assertEquals("orders", u.composite().path("metadata").path("labels").path("crossplane.io/claim-name").asText());
        assertFalse(u.composite().path("metadata").path("labels").has("app.kubernetes.io/name"), "reserved labels are dropped");
        assertEquals("shop", u.composite().path("metadata").path("labels").path("team").asText());
        assertFalse(u.composite().path("spec").has("writeConnectionSecretToRef"), "claim-only fields stay on the claim");
        assertEquals("orders", u.composite().path("spec").path("claimRef").path("name").asText());
        assertEquals(List.of("rg", "server"), u.resources().stream().map(ComposedResource::resourceName).toList());
        ComposedResource server = res(u, "server");
        assertEquals(65536, server.object().path("spec").path("forProvider").path("storageMb").asLong());
        assertTrue(server.object().path("metadata").path("name").asText().startsWith(xrName + "-"));
        assertEquals("shop", server.object().path("metadata").path("labels").path("crossplane.io/claim-namespace").asText());
        assertNull(server.observed());
        assertTrue(server.origin().line() > 1, "origin points at the template line: " + server.origin());
        // One for the XR's name, one for its two composed resources' names (not one per resource).
        assertEquals(2, codes(u).stream().filter("generated-name"::equals).count(), codes(u).toString());
        assertTrue(u.findings().stream().anyMatch(f -> f.message().contains("the real names of 2 composed resources")
                && f.message().contains("rg -> " + res(u, "rg").object().path("metadata").path("name").asText())),
                u.findings().toString());
    }

    @Test
    void ambiguousSelectorIsAFindingNotAGuess() {
        Unit u = unit("shop/ambiguous");
        assertEquals("", u.composition());
        assertTrue(codes(u).contains("ambiguous-composition"), codes(u).toString());
        assertTrue(u.findings().stream().anyMatch(f -> f.message().contains("db-default, db-large")));
        assertTrue(codes(u).contains("resources-unknown"));
        assertTrue(u.resources().isEmpty());
        assertNotNull(u.composite(), "the XR is still emitted");
    }

    @Test
    void revisionSelectorPicksTheLatestMatchingRevision() {
        Unit u = unit("shop/large");
        assertEquals("db-large", u.composition());
        assertEquals(List.of("rg-old"), u.resources().stream().map(ComposedResource::resourceName).toList());
    }

    @Test
    void missingCompositionIsAnError() {
        Unit u = unit("shop/missing");
        assertTrue(u.findings().stream().anyMatch(f -> f.code().equals("composition-not-found")
                && f.severity() == Severity.ERROR && f.message().contains("does-not-exist")), u.findings().toString());
    }

    @Test
    void enforcedCompositionAndObservedNamesWin() {
        Unit u = unit("infra/core");
        assertEquals("net-enforced", u.composition());
        assertEquals("core-h5k9m", u.composite().path("metadata").path("name").asText());
        ComposedResource vnet = res(u, "vnet");
        assertEquals("core-h5k9m-x2v8q", vnet.object().path("metadata").path("name").asText());
        assertEquals("infra", vnet.object().path("metadata").path("annotations").path("team").asText());
        assertEquals("0b5e1f3a-uid", vnet.object().path("metadata").path("ownerReferences").get(0).path("uid").asText());
        assertNotNull(vnet.observed());
        assertFalse(codes(u).contains("generated-name"), codes(u).toString());
        assertEquals("True", u.composite().path("status").path("conditions").get(0).path("status").asText());
    }

    @Test
    void unsupportedFunctionsFallBackToObservedResources() {
        Unit u = unit("apps/web");
        assertTrue(codes(u).contains("unsupported-function"), codes(u).toString());
        assertTrue(u.findings().stream().anyMatch(f -> f.message().contains("\"render\"") && f.message().contains("function-kcl")));
        assertTrue(codes(u).contains("resources-from-observed"));
        ComposedResource storage = res(u, "storage");
        assertEquals("webstore", storage.object().path("metadata").path("name").asText());
        assertNotNull(storage.observed());
    }

    @Test
    void xrWithoutClaimAndLoneManagedResource() {
        Unit xr = unit("_cluster/standalone");
        assertNull(xr.claim());
        assertNotNull(xr.compositeSource());
        assertEquals("northeurope", res(xr, "rg").object().path("spec").path("forProvider").path("location").asText());
        Unit lone = unit("_cluster/lonely");
        assertNull(lone.composite());
        assertEquals(1, lone.resources().size());
        assertEquals("", lone.resources().get(0).resourceName());
    }
}
