package io.xp2aso.migrate;

import io.xp2aso.compose.Composer;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An ARM ID claimed by two MRs (fixtures in migrate/shared: a hub resource group observed by a claim and a lone MR). */
class DuplicateArmIdsTest {
    static Path dir() throws Exception {
        return Path.of(DuplicateArmIdsTest.class.getResource("/migrate/shared/sources.yaml").toURI()).getParent();
    }

    static MappingResult mapped(List<Manifest> extraObserved) throws Exception {
        Estate estate = new Estate(SourceReader.read(List.of(dir().resolve("sources.yaml").toString()), null));
        List<Manifest> live = new ArrayList<>(SourceReader.read(List.of(dir().resolve("observed.yaml").toString()), null)
                .manifests());
        live.addAll(extraObserved);
        ObservedIndex observed = new ObservedIndex(live);
        MappingResult m = Mapper.map(new Composer().compose(estate, observed), MappingCatalog.load(null), observed,
                new MapOptions(MapOptions.DEFAULT_NAMESPACE, null, Map.of()));
        return DuplicateArmIds.apply(m, estate, observed);
    }

    static List<Finding> errors(MappingResult r, String unit) {
        return r.units().stream().map(MappedUnit::unit).filter(u -> u.id().equals(unit)).findFirst().orElseThrow()
                .findings().stream().filter(f -> f.code().equals("duplicate-arm-id")).toList();
    }

    @Test
    void bothUnitsClaimingOneResourceAreBlocked() throws Exception {
        MappingResult r = mapped(List.of());
        List<Finding> shared = errors(r, "team/shared");
        List<Finding> lone = errors(r, "_cluster/lone-hub");
        assertEquals(1, shared.size(), shared.toString());
        assertEquals(1, lone.size());
        assertEquals(Severity.ERROR, shared.get(0).severity());
        String m = shared.get(0).message();
        assertTrue(m.startsWith("Azure resource /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/hub-rg is"
                + " claimed by 2 objects: ResourceGroup/shared-s7k2m-hub11 (unit team/shared), ResourceGroup/lone-hub"
                + " (unit _cluster/lone-hub)"), m);
        assertEquals(m, lone.get(0).message());
        assertTrue(errors(r, "team/shared").stream().noneMatch(f -> f.message().contains("logs-rg")));
    }

    @Test
    void anExistingAsoObjectClaimingTheResourceCountsButTheMigrationsOwnDoNot() throws Exception {
        Manifest existing = new Manifest((ObjectNode) Yaml.YAML.readTree("""
                apiVersion: resources.azure.com/v1api20200601
                kind: ResourceGroup
                metadata:
                  name: legacy-logs
                  namespace: ops
                  annotations: {serviceoperator.azure.com/resource-id: /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs-rg}
                """), new Origin("aso.yaml", 1));
        MappingResult r = mapped(List.of(existing));
        assertTrue(errors(r, "team/shared").stream().anyMatch(f -> f.message().contains("ASO ResourceGroup/ops/legacy-logs")),
                errors(r, "team/shared").toString());
        // The same ARM ID on the very ASO object this migration writes (an interrupted handoff applied it): no rival.
        MappingResult first = mapped(List.of());
        MappedUnit shared = first.units().stream().filter(u -> u.unit().id().equals("team/shared")).findFirst().orElseThrow();
        var target = shared.resources().get(1).targets().get(0).deepCopy();
        target.with("metadata").with("annotations").put("serviceoperator.azure.com/resource-id",
                "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/logs-rg");
        MappingResult again = mapped(List.of(new Manifest(target, Origin.UNKNOWN)));
        assertTrue(errors(again, "team/shared").stream().noneMatch(f -> f.message().contains("logs-rg")));
    }
}
