package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output checked against the schemas a cluster serves: violations, kinds not served, versions not served. */
class ServedSchemaCheckTest {
    static JsonNode yaml(String s) throws Exception {
        return Yaml.YAML.readTree(s);
    }

    static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            spec:
              group: resources.azure.com
              names: {kind: ResourceGroup}
              versions:
              - name: v1api20200601
                served: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        required: [location]
                        properties:
                          azureName: {type: string, maxLength: 90}
                          location: {type: string}
            """;

    static MappedResource resource(String mrName, String target) throws Exception {
        ObjectNode mr = (ObjectNode) yaml("{apiVersion: azure.upbound.io/v1beta1, kind: ResourceGroup, metadata: {name: "
                + mrName + "}}");
        ComposedResource cr = new ComposedResource("", mr, new Origin("cluster:c/azure.upbound.io/v1beta1/ResourceGroup/"
                + mrName, 0), null);
        return new MappedResource(cr, List.of((ObjectNode) yaml(target)), List.of(), List.of());
    }

    @Test
    void reportsViolationsAndGapsAgainstTheServedSchemas() throws Exception {
        MappedResource ok = resource("ok", "{apiVersion: resources.azure.com/v1api20200601, kind: ResourceGroup,"
                + " metadata: {name: ok, namespace: ns}, spec: {location: westeurope}}");
        MappedResource bad = resource("bad", "{apiVersion: resources.azure.com/v1api20200601, kind: ResourceGroup,"
                + " metadata: {name: bad, namespace: ns}, spec: {locaton: westeurope}}");
        MappedResource oldVersion = resource("old", "{apiVersion: resources.azure.com/v1api20240101, kind: ResourceGroup,"
                + " metadata: {name: old, namespace: ns}, spec: {location: westeurope}}");
        MappedResource absent = resource("vnet", "{apiVersion: network.azure.com/v1api20201101, kind: VirtualNetwork,"
                + " metadata: {name: vnet, namespace: ns}, spec: {location: westeurope}}");
        MappedResource secret = resource("s", "{apiVersion: v1, kind: Secret, metadata: {name: s, namespace: ns}}");
        Unit unit = new Unit("ns/app", "ns", "app", null, null, null, "", List.of(), List.of());
        MappingResult in = new MappingResult(List.of(new MappedUnit(unit, List.of(ok, bad, oldVersion, absent, secret))),
                List.of());
        ServedCrds served = new ServedCrds("cluster c", Map.of("resources.azure.com/ResourceGroup", List.of("v1api20200601")),
                CrdStore.of(List.of(yaml(CRD)), "cluster c"));

        MappingResult out = ServedSchemaCheck.apply(in, served);

        List<MappedResource> rs = out.units().get(0).resources();
        assertSame(ok, rs.get(0));
        List<Finding> badFindings = rs.get(1).findings();
        assertEquals(2, badFindings.size(), badFindings.toString());
        for (Finding f : badFindings) {
            assertEquals(Severity.ERROR, f.severity());
            assertEquals("aso-schema-violation", f.code());
            assertEquals("ResourceGroup/bad", f.subject());
            assertEquals("cluster:c/azure.upbound.io/v1beta1/ResourceGroup/bad", f.origin().file());
        }
        assertTrue(badFindings.stream().anyMatch(f -> f.message().startsWith(
                "ResourceGroup ns/bad (resources.azure.com/v1api20200601): `spec.locaton`")), badFindings.toString());
        assertTrue(badFindings.stream().anyMatch(f -> f.message().contains("`spec.location`: required")), badFindings.toString());
        assertTrue(rs.get(2).findings().isEmpty());
        assertTrue(rs.get(4).findings().isEmpty());

        assertEquals(2, out.findings().size(), out.findings().toString());
        Finding version = out.findings().get(0);
        assertEquals(Severity.ERROR, version.severity());
        assertEquals("aso-version-not-served", version.code());
        assertTrue(version.message().contains("serves resources.azure.com/ResourceGroup only at v1api20200601, not at "
                + "v1api20240101"), version.message());
        Finding kind = out.findings().get(1);
        assertEquals(Severity.WARNING, kind.severity());
        assertEquals("aso-crd-not-served", kind.code());
        assertEquals("network.azure.com/VirtualNetwork", kind.subject());
    }
}
