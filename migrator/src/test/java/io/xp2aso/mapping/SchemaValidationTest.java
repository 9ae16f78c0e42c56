package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every object generated from the fixtures validates against the real ASO CRDs; the validator catches mistakes. */
class SchemaValidationTest {
    static SchemaValidator validator;

    @BeforeAll
    static void load() {
        validator = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
    }

    @Test
    void generatedObjectsValidate() {
        List<ObjectNode> all = new ArrayList<>();
        MappingCatalog builtIn = Fixtures.builtIn();
        MappingCatalog test = MappingCatalog.load(Fixtures.resource("catalog"));
        MapOptions sub = new MapOptions(null, "00000000-0000-0000-0000-0000000000aa", null);
        ObservedIndex live = Fixtures.observed("observed-live.yaml");
        all.addAll(new Results(Mapper.map(Fixtures.compose("storage-claim.yaml", ObservedIndex.EMPTY), builtIn, ObservedIndex.EMPTY, sub)).targets());
        all.addAll(new Results(Mapper.map(Fixtures.compose("references.yaml", ObservedIndex.EMPTY), builtIn, ObservedIndex.EMPTY, sub)).targets());
        all.addAll(new Results(Mapper.map(Fixtures.compose("observed-claim.yaml", live), builtIn, live, sub)).targets());
        all.addAll(new Results(Mapper.map(Fixtures.compose("constructs.yaml", ObservedIndex.EMPTY), test, ObservedIndex.EMPTY, sub)).targets());
        assertTrue(all.size() >= 20, "fixtures produce " + all.size() + " objects");
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : all) {
            validator.validate(o).forEach(p -> problems.add(o.path("kind").asText() + "/" + o.path("metadata").path("name").asText() + " " + p));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void validatorRejectsUnknownFieldsWrongTypesEnumsPatternsAndMissingRequired() throws Exception {
        ObjectNode bad = (ObjectNode) Yaml.YAML.readTree("""
                apiVersion: storage.azure.com/v20250601
                kind: StorageAccount
                metadata: {name: x}
                spec:
                  azureName: Not_Valid
                  owner: {name: rg}
                  location: westeurope
                  sku: {name: Standard_XYZ}
                  allowBlobPublicAccess: "false"
                  networkAcls: {bypass: AzureServices, defaultActionn: Deny}
                  tagz: {a: b}
                """);
        List<String> p = validator.validate(bad).stream().map(Object::toString).toList();
        assertTrue(p.contains("spec.kind: required"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("spec.tagz: unknown field")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("spec.networkAcls.defaultActionn: unknown field")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("spec.sku.name: `Standard_XYZ` is not one of")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("spec.allowBlobPublicAccess: expected true or false")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("spec.azureName: `Not_Valid` does not match")), p.toString());
    }

    @Test
    void unknownVersionsAndKindsAreProblems() throws Exception {
        ObjectNode v = (ObjectNode) Yaml.YAML.readTree("{apiVersion: storage.azure.com/v19990101, kind: StorageAccount, metadata: {name: x}, spec: {}}");
        assertTrue(validator.validate(v).get(0).message().contains("is not a version"));
        ObjectNode k = (ObjectNode) Yaml.YAML.readTree("{apiVersion: nope.azure.com/v1, kind: Nope, metadata: {name: x}, spec: {}}");
        assertTrue(validator.validate(k).get(0).message().contains("no CRD"));
    }
}
