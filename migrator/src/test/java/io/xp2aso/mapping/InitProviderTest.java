package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * spec.initProvider (fixture mapping/init-provider): Crossplane sets these fields at creation only, ASO would enforce
 * them. Each takes the live value when --observed has one, else it is left out; top-level and nested fields alike,
 * and every field is reported.
 */
class InitProviderTest {
    private static MappedResource aks(ObservedIndex observed) {
        MappingResult r = Mapper.map(Fixtures.compose("init-provider/input.yaml", observed), Fixtures.builtIn(),
                observed, new MapOptions(null, NetworkMappingTest.SUBSCRIPTION, Map.of()));
        return r.units().stream().flatMap(u -> u.resources().stream())
                .filter(m -> m.source().object().path("kind").asText().equals("KubernetesCluster")).findFirst().orElseThrow();
    }

    private static List<Finding> init(MappedResource m) {
        return m.findings().stream().filter(f -> f.code().equals("init-provider")).toList();
    }

    @Test
    void withoutObservedStateInitProviderFieldsAreLeftOutAndReported() {
        MappedResource m = aks(ObservedIndex.EMPTY);
        JsonNode spec = m.targets().get(0).path("spec");
        assertTrue(spec.path("kubernetesVersion").isMissingNode(), spec.toString());
        assertTrue(spec.path("agentPoolProfiles").get(0).path("count").isMissingNode(), spec.toString());
        assertEquals("Standard", spec.path("sku").path("tier").asText(), "forProvider wins over initProvider");
        List<Finding> f = init(m);
        assertTrue(f.stream().anyMatch(x -> x.severity() == Severity.WARNING
                && x.message().contains("no live value is known for initProvider.kubernetesVersion, initProvider.defaultNodePool.nodeCount")
                && x.message().contains("run with --observed")), f.toString());
        assertTrue(f.stream().anyMatch(x -> x.message().startsWith("initProvider.skuTier also set in forProvider")), f.toString());
        assertEquals(List.of(), m.unmapped());
    }

    @Test
    void withObservedStateInitProviderFieldsTakeTheLiveValues() {
        ObservedIndex observed = Fixtures.observed("init-provider/observed.yaml");
        MappedResource m = aks(observed);
        JsonNode spec = m.targets().get(0).path("spec");
        assertEquals("1.30.4", spec.path("kubernetesVersion").asText(), spec.toString());
        assertEquals(5, spec.path("agentPoolProfiles").get(0).path("count").asInt(), spec.toString());
        List<Finding> f = init(m);
        assertTrue(f.stream().anyMatch(x -> x.severity() == Severity.INFO && x.message().endsWith(
                "so ASO keeps them as they are: initProvider.kubernetesVersion, initProvider.defaultNodePool.nodeCount")), f.toString());
        assertFalse(f.stream().anyMatch(x -> x.severity() == Severity.WARNING), f.toString());
    }

    /** The AKS kubeconfig connection secret has ASO equivalents: userCredentials and adminCredentials. */
    @Test
    void kubeconfigConnectionSecretBecomesAsoCredentials() {
        JsonNode secrets = aks(ObservedIndex.EMPTY).targets().get(0).path("spec").path("operatorSpec").path("secrets");
        assertEquals("{\"name\":\"init-aks-kubeconfig\",\"key\":\"kubeconfig\"}", secrets.path("userCredentials").toString());
        assertEquals("attribute.kube_admin_config_raw", secrets.path("adminCredentials").path("key").asText());
    }
}
