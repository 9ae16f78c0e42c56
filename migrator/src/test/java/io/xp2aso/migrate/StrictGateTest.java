package io.xp2aso.migrate;

import io.xp2aso.mapping.MappedResource;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;
import io.xp2aso.source.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 8: only objects a strict API server would accept go into aso/. A GUID that is not one, an Azure name
 * the CRD's pattern refuses, a missing owner: an error on the MR (its file:line), its objects are not written, and
 * the unit's handoff is blocked; the good objects beside it are written.
 */
class StrictGateTest {
    private static final String SUB = "11111111-2222-3333-4444-555555555555";

    private static MigrationRun run(String mrs) throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-gate");
        Path file = Files.writeString(dir.resolve("mrs.yaml"), mrs);
        return MigrationPipeline.standard().run(SourceReader.read(List.of(file.toString()), null),
                MigrateOptions.defaults().withSubscription(SUB));
    }

    private static MappedResource resource(MigrationRun run, String kind) {
        return run.mapped().units().stream().flatMap(u -> u.resources().stream())
                .filter(r -> r.source().object().path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static List<Finding> errors(MappedResource r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static boolean written(MigrationRun run, String fileName) {
        return run.files().keySet().stream().anyMatch(p -> p.startsWith("aso/") && p.endsWith("/" + fileName));
    }

    @Test
    void anEmptyTenantIdIsAnErrorAtTheMrsLineAndTheVaultIsNotWritten() throws Exception {
        MigrationRun run = run("""
                apiVersion: azure.upbound.io/v1beta1
                kind: ResourceGroup
                metadata:
                  name: rg1
                  annotations: {crossplane.io/external-name: rg1}
                spec:
                  forProvider: {location: westeurope}
                ---
                apiVersion: keyvault.azure.upbound.io/v1beta1
                kind: Vault
                metadata:
                  name: kv1
                  annotations: {crossplane.io/external-name: kv-one}
                spec:
                  forProvider:
                    location: westeurope
                    resourceGroupName: rg1
                    skuName: standard
                    tenantId: ''
                    enableRbacAuthorization: true
                """);
        List<Finding> errors = errors(resource(run, "Vault"));
        assertEquals(1, errors.size(), errors.toString());
        Finding f = errors.get(0);
        assertEquals("aso-schema-violation", f.code());
        assertTrue(f.message().contains("`spec.properties.tenantId`") && f.message().contains("does not match"), f.message());
        assertTrue(f.origin().toString().endsWith("mrs.yaml:9"), f.origin().toString());
        assertFalse(written(run, "vault-kv1.yaml"), run.files().keySet().toString());
        assertTrue(written(run, "resourcegroup-rg1.yaml"), "an object without errors is written");
        assertTrue(run.report().findings().stream().anyMatch(x -> x.code().equals("not-written")
                && x.message().contains("Vault kv1")), run.report().findings().toString());
        String plan = run.files().get("handoff/plan.md");
        assertTrue(plan.contains("blocked"), plan);
        assertTrue(run.failsAt(Severity.ERROR));
    }

    @Test
    void anAzureNameTheCrdRefusesIsAnErrorNamingTheMrsLine() throws Exception {
        MigrationRun run = run("""
                apiVersion: storage.azure.upbound.io/v1beta1
                kind: Account
                metadata:
                  name: data
                  annotations: {crossplane.io/external-name: Team_Data}
                spec:
                  forProvider:
                    location: westeurope
                    resourceGroupName: rg-outside
                    accountTier: Standard
                    accountReplicationType: LRS
                """);
        List<Finding> errors = errors(resource(run, "Account"));
        assertTrue(errors.stream().anyMatch(f -> f.code().equals("aso-schema-violation")
                && f.message().contains("`spec.azureName`") && f.message().contains("Team_Data")
                && f.origin().toString().endsWith("mrs.yaml:1")), errors.toString());
        assertFalse(written(run, "storageaccount-data.yaml"), run.files().keySet().toString());
    }

    @Test
    void anObjectWithoutItsOwnerIsNotWrittenAndTheErrorSaysWhatToPass() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-gate");
        Path file = Files.writeString(dir.resolve("mrs.yaml"), """
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
        MigrationRun run = MigrationPipeline.standard().run(SourceReader.read(List.of(file.toString()), null),
                MigrateOptions.defaults());
        List<Finding> errors = errors(resource(run, "VirtualNetwork"));
        // One error (owner-unresolved, saying to pass --subscription), not a second one for the same missing owner.
        assertEquals(List.of("owner-unresolved"), errors.stream().map(Finding::code).toList(), errors.toString());
        assertTrue(errors.get(0).message().contains("--subscription"), errors.get(0).message());
        assertFalse(written(run, "virtualnetwork-vnet1.yaml"), run.files().keySet().toString());
    }
}
