package io.xp2aso.mapping;

import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lists Azure replaces as a whole (wholeLists) come from the sources or the observed state, or the unit is blocked. */
class WholeListsTest {
    private static MappingResult map(ObservedIndex observed) {
        return Mapper.map(Fixtures.compose("whole-lists/vault.yaml", observed), Fixtures.builtIn(), observed,
                new MapOptions(null, DataCatalogTest.SUBSCRIPTION, java.util.Map.of()));
    }

    private static List<Finding> errors(Results r, String source) {
        return r.findings(source, "whole-list-unknown");
    }

    private static boolean blocked(MappingResult mapped, String unit) {
        MappedUnit mu = mapped.units().stream().filter(u -> u.unit().id().equals(unit)).findFirst().orElseThrow();
        return PlanBuilder.summary(mu, PlanOptions.defaults()).blocked();
    }

    @Test
    void aVaultInAccessPolicyModeWithoutObservedStateBlocksItsUnit() {
        MappingResult mapped = map(ObservedIndex.EMPTY);
        Results r = new Results(mapped);
        List<Finding> f = errors(r, "kv-policies");
        assertEquals(1, f.size(), r.source("kv-policies").findings().toString());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().contains("spec.properties.accessPolicies") && f.get(0).message().contains("--observed"),
                f.get(0).message());
        assertTrue(blocked(mapped, "team-a/app"));
    }

    @Test
    void rbacModeAndMergedAccessPoliciesNeedNoObservedState() {
        MappingResult mapped = map(ObservedIndex.EMPTY);
        Results r = new Results(mapped);
        assertEquals(List.of(), errors(r, "kv-rbac"));
        assertEquals(List.of(), errors(r, "kv-merged"));
        assertEquals(1, r.spec("Vault", "kv-merged").path("properties").path("accessPolicies").size());
        assertFalse(blocked(mapped, "team-a/rbac"));
        assertFalse(blocked(mapped, "team-a/merged"));
    }

    @Test
    void theObservedStateGivesTheLiveList() {
        ObservedIndex observed = Fixtures.observed("whole-lists/observed.yaml");
        Results r = new Results(map(observed));
        assertEquals(List.of(), errors(r, "kv-policies"));
        assertEquals("44444444-4444-4444-4444-444444444444", r.spec("Vault", "kv-policies").path("properties")
                .path("accessPolicies").get(0).path("objectId").asText());
    }

    @Test
    void networkRulesSentWithoutTheirIpRulesAreBlockedButNoRulesAtAllAreNot() {
        MappingResult mapped = map(ObservedIndex.EMPTY);
        Results r = new Results(mapped);
        List<String> f = errors(r, "stnetrules").stream().map(Finding::message).toList();
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).contains("spec.networkAcls.ipRules"), f.get(0));
        assertTrue(f.get(1).contains("spec.networkAcls.resourceAccessRules"), f.get(1));
        assertTrue(blocked(mapped, "team-a/storage"));
        assertEquals(List.of(), errors(r, "stplain"));
    }

    @Test
    void theKeyIsCheckedWhenTheCatalogIsRead() throws IOException {
        Path dir = Files.createTempDirectory("xp2aso-whole");
        Files.writeString(dir.resolve("rg.yaml"), """
                source: {group: azure.upbound.io, kind: ResourceGroup}
                targets:
                  - id: rg
                    apiVersion: resources.azure.com/v1api20200601
                    kind: ResourceGroup
                    wholeLists:
                      - {path: properties.items, onlyWith: tags}
                """);
        var e = assertThrows(io.xp2aso.source.InputException.class, () -> MappingCatalog.load(dir));
        assertTrue(e.render().contains("rg.yaml:7") && e.render().contains("onlyWith"), e.render());
    }

    @Test
    void checkWantsAListOfTheAsoSchemaThatARuleWrites() throws IOException {
        Path ref = io.xp2aso.testutil.Shared.reference();
        Path dir = Files.createTempDirectory("xp2aso-whole-check");
        Files.writeString(dir.resolve("rg.yaml"), """
                source: {group: azure.upbound.io, kind: ResourceGroup}
                targets:
                  - id: rg
                    apiVersion: resources.azure.com/v1api20200601
                    kind: ResourceGroup
                    wholeLists:
                      - {path: location}
                      - {path: tags}
                    rules:
                      - {from: location, to: location}
                """);
        CrdStore crds = new CrdStore(List.of(ref.resolve("aso/crds"), ref.resolve("upjet-azure/crds")));
        List<String> problems = CatalogCheck.run(MappingCatalog.load(dir), crds).problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("rg.yaml:7: wholeLists spec.location is not a list"), problems.toString());
        assertTrue(problems.get(1).contains("rg.yaml:8: wholeLists spec.tags is not a list"), problems.toString());
        assertTrue(problems.get(2).contains("spec.tags is written by no rule"), problems.toString());
    }
}
