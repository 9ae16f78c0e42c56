package io.xp2aso.migrate;

import io.xp2aso.mapping.MappedResource;
import io.xp2aso.model.Finding;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --subscription: the owner of a resource whose resource group is outside the sources is an armId owner. */
class SubscriptionOptionTest {
    private static MappedResource run(String subscription) throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-sub");
        Path mr = Files.writeString(dir.resolve("mr.yaml"), """
                apiVersion: network.azure.upbound.io/v1beta1
                kind: VirtualNetwork
                metadata:
                  name: vnet1
                  annotations: {crossplane.io/external-name: vnet1}
                spec:
                  forProvider:
                    location: westeurope
                    resourceGroupName: rg-outside
                    addressSpace: [10.0.0.0/16]
                """);
        MigrateOptions options = MigrateOptions.defaults().withSubscription(subscription);
        MigrationRun run = MigrationPipeline.standard().run(SourceReader.read(List.of(mr.toString()), null), options);
        return run.mapped().units().get(0).resources().get(0);
    }

    @Test
    void theSubscriptionBuildsTheArmIdOfAnOwnerOutsideTheSources() throws Exception {
        MappedResource m = run("11111111-2222-3333-4444-555555555555");
        assertEquals("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-outside",
                m.targets().get(0).path("spec").path("owner").path("armId").asText());
        assertTrue(m.findings().stream().noneMatch(f -> f.code().equals("owner-unresolved")), m.findings().toString());
    }

    @Test
    void withoutItTheOwnerIsAnErrorThatSaysWhatToPass() throws Exception {
        List<Finding> f = run(null).findings().stream().filter(x -> x.code().equals("owner-unresolved")).toList();
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("--subscription"), f.get(0).message());
    }
}
