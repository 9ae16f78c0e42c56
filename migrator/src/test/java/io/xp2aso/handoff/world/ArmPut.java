package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an ARM PUT does to a resource's properties in the fake Azure, per resource type: the body ASO sends is the
 * whole spec (without owner, azureName, operatorSpec). Two behaviours are modelled:
 * <ul>
 * <li>{@link #REPLACE}: the body is the new state; a property it omits is reset (here: absent). Microsoft.Resources
 * resource groups (a PUT without tags clears them) and Microsoft.Network (virtual networks, subnets, security groups:
 * a PUT without a subnet or rule deletes it) behave so, as do blob services and containers.</li>
 * <li>{@link #KEEP_OMITTED}: a PUT on an existing resource updates the top-level properties it carries and keeps
 * those it omits; a property it carries is replaced as a whole (a map such as tags included). Microsoft.Storage
 * accounts and Microsoft.DBforPostgreSQL flexible servers and their children behave so, as do AKS agent pools (a PUT
 * without count keeps the nodes the pool has: the autoscaler's).</li>
 * </ul>
 * In both, ARM keeps {@code location} in its canonical form (lower case, no spaces), and the read-only properties it
 * computes (an AKS cluster's currentKubernetesVersion, a virtual network's resourceGuid...), which no PUT sets.
 */
enum ArmPut {
    REPLACE,
    KEEP_OMITTED;

    private static final Set<String> KEEPS = Set.of("StorageAccount", "FlexibleServer", "FlexibleServersDatabase",
            "FlexibleServersFirewallRule", "FlexibleServersConfiguration", "ManagedClustersAgentPool");

    /** Properties Azure computes and reports; a PUT neither sets nor clears them. */
    private static final List<String> READ_ONLY = List.of("currentKubernetesVersion", "provisioningState", "fqdn",
            "powerState", "nodeImageVersion", "resourceGuid");

    static ArmPut of(String asoKind) {
        return KEEPS.contains(asoKind) ? KEEP_OMITTED : REPLACE;
    }

    /** The state after the PUT of {@code body} onto {@code current} (null: the resource does not exist yet). */
    ObjectNode apply(ObjectNode current, ObjectNode body) {
        ObjectNode out = this == KEEP_OMITTED && current != null ? current.deepCopy() : body.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), e.getValue().deepCopy());
        }
        if (current != null) {
            for (String k : READ_ONLY) {
                if (current.has(k) && !body.has(k)) {
                    out.set(k, current.get(k).deepCopy());
                }
            }
        }
        if (out.path("location").isTextual()) {
            out.put("location", out.path("location").asText().replace(" ", "").toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
