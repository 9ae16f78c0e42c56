package io.xp2aso.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.migrate.TestRuns;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.source.Origin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The summary counts Azure managed resources only: composed ProviderConfigs, Usages and nested XRs are no MRs. */
class SummaryCountsTest {
    private static MappedResource composed(String apiVersion, String kind) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        o.putObject("metadata").put("name", kind.toLowerCase());
        return new MappedResource(new ComposedResource(kind.toLowerCase(), o, new Origin("c.yaml", 1), null),
                List.of(), List.of(), List.of());
    }

    @Test
    void onlyAzureManagedResourcesAreCounted() {
        MappedUnit mu = TestRuns.storageMapped(List.of()).units().get(0);
        List<MappedResource> resources = new ArrayList<>(mu.resources());
        resources.add(composed("kubernetes.crossplane.io/v1alpha1", "ProviderConfig"));
        resources.add(composed("apiextensions.crossplane.io/v1alpha1", "Usage"));
        resources.add(composed("azure.platformref.upbound.io/v1alpha1", "XServices"));
        MappingResult mapped = new MappingResult(List.of(new MappedUnit(mu.unit(), resources)), List.of());
        MigrationReport report = new ReportBuilder(DisplayPaths.asGiven()).build(mapped, Map.of(), Map.of(), List.of(),
                List.of(), List.of());
        assertEquals(3, report.summary().managedResources());
        assertEquals(6, report.resources().size());
    }
}
