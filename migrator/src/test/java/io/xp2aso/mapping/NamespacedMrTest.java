package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crossplane v2 namespaced MRs map through the cluster-scoped files, into their own namespace. */
class NamespacedMrTest {
    @Test
    void namespacedGroupsMapLikeClusterScopedOnes() {
        Results r = new Results(Mapper.map(Fixtures.compose("namespaced-v2.yaml", ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, MapOptions.defaults().withTargetNamespace("elsewhere")));
        JsonNode acct = r.target("StorageAccount", "zacct01");
        assertEquals("team-z", acct.path("metadata").path("namespace").asText());
        assertEquals("rg-v2", acct.path("spec").path("owner").path("name").asText());
        assertEquals("zacct01", acct.path("spec").path("azureName").asText());
        assertEquals("zacct-conn", acct.path("spec").path("operatorSpec").path("secrets").path("key1").path("name").asText());
        assertEquals("attribute.primary_access_key",
                acct.path("spec").path("operatorSpec").path("secrets").path("key1").path("key").asText());
        assertEquals(Severity.INFO, r.findings("zacct01", "connection-secret").get(0).severity());
        assertEquals("storage.azure.m.upbound.io/Account/team-z/zacct01",
                acct.path("metadata").path("annotations").path(Mapper.SOURCE).asText());
        assertTrue(r.findings("unsupported-kind").isEmpty());
    }
}
