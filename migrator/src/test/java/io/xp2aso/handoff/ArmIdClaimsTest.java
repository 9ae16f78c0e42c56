package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.exec.ExecutorHooks;
import io.xp2aso.handoff.world.Harness;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #13.5, live: an Azure resource the unit hands over that another MR or ASO object in the cluster may also write is a
 * preflight stop; nothing of the unit is touched. Observe-only MRs and skip ASO objects only read, and do not stop it.
 */
class ArmIdClaimsTest {
    static final String SA = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-assets/providers/"
            + "Microsoft.Storage/storageAccounts/stassets01";

    @TempDir
    Path dir;

    static ObjectNode otherMr(boolean observeOnly) {
        ObjectNode mr = Yaml.JSON.createObjectNode();
        mr.put("apiVersion", "storage.azure.upbound.io/v1beta1").put("kind", "Account");
        mr.putObject("metadata").put("name", "someone-elses-sa").putObject("annotations")
                .put("crossplane.io/external-name", "stassets01");
        ObjectNode spec = mr.putObject("spec");
        spec.putObject("forProvider").put("location", "westeurope");
        if (observeOnly) {
            spec.putArray("managementPolicies").add("Observe");
        }
        mr.putObject("status").putObject("atProvider").put("id", SA);
        return mr;
    }

    static ObjectNode otherAso(String policy) {
        ObjectNode o = Yaml.JSON.createObjectNode();
        o.put("apiVersion", "storage.azure.com/v1api20230101").put("kind", "StorageAccount");
        o.putObject("metadata").put("name", "copy").put("namespace", "team-z").putObject("annotations")
                .put("serviceoperator.azure.com/reconcile-policy", policy);
        o.putObject("spec").put("azureName", "stassets01").put("location", "westeurope").putObject("owner")
                .put("armId", "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-assets");
        return o;
    }

    private int runs;

    private String preflight(ObjectNode other) throws IOException {
        Harness h = new Harness(Files.createDirectory(dir.resolve("run" + runs++)), "storage.yaml");
        try (h.world) {
            h.world.create(other);
            h.world.rounds(2);
            int code = h.run(Harness.execute(), ExecutorHooks.NONE);
            String out = h.transcript.toString();
            if (code != 0) {
                assertFalse(out.contains("[2/"), "nothing after preflight ran:\n" + out);
            }
            return code + "\n" + out;
        }
    }

    @Test
    void anotherWritingMrStopsPreflight() throws IOException {
        String out = preflight(otherMr(false));
        assertTrue(out.startsWith("1\n"), out);
        assertTrue(out.contains(SA + " (Account/assets-x7k2p-sa) is also claimed by MR Account/someone-elses-sa "
                + "(managementPolicies [*])"), out);
    }

    @Test
    void anotherManagingAsoObjectStopsPreflight() throws IOException {
        String out = preflight(otherAso("manage"));
        assertTrue(out.startsWith("1\n"), out);
        assertTrue(out.contains("is also claimed by ASO StorageAccount/team-z/copy (reconcile-policy manage)"), out);
    }

    @Test
    void readersDoNotStopIt() throws IOException {
        String mr = preflight(otherMr(true));
        assertFalse(mr.contains("also claimed"), mr);
        String aso = preflight(otherAso("skip"));
        assertFalse(aso.contains("also claimed"), aso);
        assertEquals('0', aso.charAt(0), aso);
    }
}
