package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the emulated provider (Terraform) writes to Azure for an MR's upjet-shaped parameters: ARM properties, in ASO's
 * flattened naming (no {@code properties} wrapper), as real Azure would hold them. Written independently of the
 * mapping catalog, so the fake Azure does not simply echo what the mapper produced.
 * <ul>
 * <li>Terraform arguments that only name the resource's parents (resourceGroupName, storageAccountName, ...) are part
 * of the ARM ID, not properties: dropped.</li>
 * <li>Arguments whose ARM name or shape differs are renamed, for the kinds the test worlds use (below).</li>
 * <li>Anything else keeps its name: the hand-written worlds already use ARM names in forProvider.</li>
 * </ul>
 */
final class UpjetToArm {
    private UpjetToArm() {
    }

    /** Terraform arguments that are segments of the ARM ID. */
    private static final Set<String> ID_ONLY = Set.of("resourceGroupName", "storageAccountName", "storageAccountId",
            "virtualNetworkName", "serverId", "serverName", "name", "accountName");

    /** A blob container's ARM publicAccess by Terraform's containerAccessType. */
    private static final Map<String, String> CONTAINER_ACCESS = Map.of("private", "None", "blob", "Blob",
            "container", "Container");

    static ObjectNode properties(String upjetKind, JsonNode params) {
        ObjectNode out = io.xp2aso.source.Yaml.JSON.createObjectNode();
        if (!params.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (ID_ONLY.contains(k) || k.endsWith("Ref") || k.endsWith("Selector") || k.equals("id")) {
                continue;
            }
            switch (upjetKind + "." + k) {
                case "VirtualNetwork.addressSpace" -> out.with("addressSpace").set("addressPrefixes", v.deepCopy());
                case "VirtualNetwork.dnsServers" -> out.with("dhcpOptions").set("dnsServers", v.deepCopy());
                case "Account.accountKind" -> out.set("kind", v.deepCopy());
                case "Account.accountTier", "Account.accountReplicationType" -> out.with("sku").put("name",
                        params.path("accountTier").asText("Standard") + "_" + params.path("accountReplicationType").asText("LRS"));
                case "Account.minTlsVersion" -> out.put("minimumTlsVersion", v.asText());
                case "Container.containerAccessType" -> out.put("publicAccess",
                        CONTAINER_ACCESS.getOrDefault(v.asText().toLowerCase(Locale.ROOT), v.asText()));
                default -> out.set(k, v.deepCopy());
            }
        }
        return out;
    }
}
