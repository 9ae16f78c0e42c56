package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Seeds a realistic estate into a mock cluster from the estate-*.yaml instance fixtures: many claims per
 * composition, each with its XR and MRs, and a known share of unhealthy, drifting and paused objects.
 * It records what it made, so tests derive their expectations from the seeding rather than from the scan.
 */
public final class EstateSeeder {
    static final String[] NAMESPACES = {"team-a", "team-b", "team-c", "team-d", "team-e"};

    public final List<String> mrKeys = new ArrayList<>();
    final Set<String> unhealthy = new HashSet<>();
    final Set<String> drifting = new HashSet<>();
    final Set<String> paused = new HashSet<>();
    public final Set<String> vaults = new HashSet<>();
    public int claims;
    public int composites;

    private final MockCluster cluster;
    private boolean direct;

    public EstateSeeder(MockCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Claims, XRs and MRs go straight into the mock's store ({@link MockCluster#store}) instead of through the
     * API: the same estate, served the same way, seeded in seconds at benchmark sizes. CRDs, platform
     * configuration and Secrets still go through the API.
     */
    public EstateSeeder direct() {
        direct = true;
        return this;
    }

    private ObjectNode put(ObjectNode o) {
        return direct ? cluster.store(o) : cluster.create(o);
    }

    /** Instances of each composition; network has 4 MRs, storage 3, analytics 3. */
    public EstateSeeder seed(int networks, int storages, int analytics) {
        return seed(networks, storages, analytics, true);
    }

    /** withAso false: no ASO CRDs (a test may then create real ones with {@link MockCluster#applyCrd}). */
    public EstateSeeder seed(int networks, int storages, int analytics, boolean withAso) {
        cluster.applyCrds("crds.yaml", withAso);
        cluster.applyAll("platform.yaml");
        cluster.applyAll("secret.yaml");
        for (int i = 0; i < networks; i++) {
            instance("estate-network.yaml", "net-" + pad(i), i);
        }
        for (int i = 0; i < storages; i++) {
            instance("estate-storage.yaml", "st-" + pad(i), i);
        }
        for (int i = 0; i < analytics; i++) {
            instance("estate-analytics.yaml", "an-" + pad(i), i);
        }
        // Lone MRs no XR owns.
        for (int i = 0; i < 5; i++) {
            ObjectNode rg = (ObjectNode) MockCluster.docs("""
                    apiVersion: azure.upbound.io/v1beta1
                    kind: ResourceGroup
                    metadata: {name: shared-rg-%d}
                    spec: {forProvider: {location: westeurope}}
                    status:
                      atProvider: {location: westeurope}
                      conditions:
                      - {type: Ready, status: "True", reason: Available}
                      - {type: Synced, status: "True", reason: ReconcileSuccess}
                    """.formatted(i)).get(0);
            put(rg);
            mrKeys.add(key(rg));
        }
        return this;
    }

    private void instance(String fixture, String id, int i) {
        String ns = NAMESPACES[i % NAMESPACES.length];
        List<JsonNode> docs = MockCluster.docs(MockCluster.read(fixture).replace("@ID@", id).replace("@NS@", ns));
        ObjectNode claim = (ObjectNode) docs.get(0);
        ObjectNode xr = (ObjectNode) docs.get(1);
        List<ObjectNode> mrs = new ArrayList<>();
        for (JsonNode d : docs.subList(2, docs.size())) {
            mrs.add((ObjectNode) d);
        }
        boolean isNetwork = fixture.contains("network");
        boolean isStorage = fixture.contains("storage");
        if (isNetwork && i % 50 == 7) {
            // A claim handed over half-way: claim, XR and MRs paused.
            pause(claim);
            pause(xr);
            for (ObjectNode mr : mrs) {
                pause(mr);
                condition(mr, "Synced", "False", "ReconcilePaused", "Reconciliation is paused via the pause annotation");
                unhealthy.add(key(mr));
            }
            paused.add(key(claim));
            paused.add(key(xr));
        }
        if (isNetwork && i % 37 == 5) {
            ObjectNode subnet = mrs.get(2);
            condition(subnet, "Ready", "False", "ReconcileError",
                    "create failed: <script>alert(1)</script> | subnet \"snet-a\" overlaps & conflicts");
            unhealthy.add(key(subnet));
        }
        if (isStorage && i % 25 == 3) {
            ObjectNode account = mrs.get(1);
            ((ObjectNode) account.path("status").path("atProvider")).put("accountTier", "Premium");
            drifting.add(key(account));
        }
        if (isStorage && i % 60 == 10) {
            condition(xr, "Ready", "False", "Creating", "Unready resources: account");
            unhealthy.add(key(xr));
        }
        String uid = put(xr).path("metadata").path("uid").asText();
        composites++;
        for (ObjectNode mr : mrs) {
            ((ObjectNode) mr.path("metadata").path("ownerReferences").get(0)).put("uid", uid);
            put(mr);
            if (mr.path("kind").asText().equals("Vault")) {
                vaults.add(key(mr));
            } else {
                mrKeys.add(key(mr));
            }
        }
        put(claim);
        claims++;
    }

    private static void pause(ObjectNode o) {
        ((ObjectNode) o.path("metadata")).with("annotations").put("crossplane.io/paused", "true");
    }

    static void condition(ObjectNode o, String type, String status, String reason, String message) {
        ArrayNode conditions = (ArrayNode) o.path("status").path("conditions");
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                ((ObjectNode) c).put("status", status).put("reason", reason).put("message", message);
            }
        }
    }

    static String key(JsonNode o) {
        String ns = o.path("metadata").path("namespace").asText("");
        return o.path("kind").asText() + "/" + (ns.isEmpty() ? "" : ns + "/") + o.path("metadata").path("name").asText();
    }

    private static String pad(int i) {
        return String.format("%04d", i);
    }
}
