package io.xp2aso.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a realistic synthetic Crossplane repository: three XRDs, one legacy and two Pipeline-mode Compositions,
 * N claims spread over ten namespaces (in files of 500), and the observed snapshot a cluster running them
 * would return (claims, XRs, MRs with generated names, external names, Azure IDs and atProvider).
 *
 * <p>Usage: {@code SyntheticEstate OUT_DIR CLAIMS [SEED]}; sources go to OUT_DIR/repo, the snapshot to
 * OUT_DIR/observed.yaml.
 */
public final class SyntheticEstate {
    private static final String SUB = "00000000-0000-0000-0000-000000000000";
    private static final String[] LOCATIONS = {"westeurope", "northeurope", "eastus2"};
    private static final String[] SIZES = {"small", "medium", "large"};
    private static final String[] SKUS = {"B_Standard_B1ms", "GP_Standard_D2s_v3", "GP_Standard_D4s_v3"};
    private static final int PER_FILE = 500;

    private final Random random;
    private int mrCount;

    private SyntheticEstate(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticEstate OUT_DIR CLAIMS [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int claims = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        int mrs = generate(out, claims, seed);
        System.err.printf("generated %d claims, %d managed resources in %s%n", claims, mrs, out);
    }

    /** Generates the repository and snapshot; returns the number of managed resources in the snapshot. */
    public static int generate(Path out, int claims, long seed) throws IOException {
        return new SyntheticEstate(seed).write(out, claims);
    }

    private int write(Path out, int claims) throws IOException {
        Path repo = out.resolve("repo");
        Files.createDirectories(repo.resolve("claims"));
        copyResource("xrds.yaml", repo.resolve("xrds.yaml"));
        copyResource("compositions.yaml", repo.resolve("compositions.yaml"));
        try (Writer observed = Files.newBufferedWriter(out.resolve("observed.yaml"), StandardCharsets.UTF_8)) {
            Writer claimFile = null;
            for (int i = 0; i < claims; i++) {
                if (i % PER_FILE == 0) {
                    if (claimFile != null) {
                        claimFile.close();
                    }
                    claimFile = Files.newBufferedWriter(repo.resolve(String.format("claims/claims-%03d.yaml", i / PER_FILE)),
                            StandardCharsets.UTF_8);
                }
                writeClaim(i, claimFile, observed);
            }
            if (claimFile != null) {
                claimFile.close();
            }
        }
        return mrCount;
    }

    private void writeClaim(int i, Writer claims, Writer observed) throws IOException {
        String ns = String.format("team-%02d", i % 10);
        String location = LOCATIONS[i % LOCATIONS.length];
        switch (i % 3) {
            case 0 -> storage(i, ns, location, claims, observed);
            case 1 -> postgres(i, ns, location, claims, observed);
            default -> network(i, ns, location, claims, observed);
        }
    }

    private void storage(int i, String ns, String location, Writer claims, Writer observed) throws IOException {
        String name = String.format("data-%05d", i);
        String tier = i % 7 == 0 ? "premium" : "standard";
        // Premium accounts are LRS or ZRS only: Azure (and the ASO CRD's sku enum) has no Premium_GRS.
        String repl = i % 5 == 0 && tier.equals("standard") ? "GRS" : "LRS";
        String params = "    location: " + location + "\n    tier: " + tier + "\n    replication: " + repl + "\n";
        String xr = claimAndXr(claims, observed, "Storage", "XStorage", ns, name, params);
        String rg = "rg-" + name;
        String account = "st" + name.replace("-", "");
        String rgId = "/subscriptions/" + SUB + "/resourceGroups/" + rg;
        String accountId = rgId + "/providers/Microsoft.Storage/storageAccounts/" + account;
        mr(observed, xr, name, ns, "rg", "azure.upbound.io/v1beta1", "ResourceGroup", rg, rgId,
                "    location: " + location + "\n");
        mr(observed, xr, name, ns, "account", "storage.azure.upbound.io/v1beta1", "Account", account, accountId,
                "    accountKind: StorageV2\n    accountTier: " + (tier.equals("premium") ? "Premium" : "Standard")
                        + "\n    accountReplicationType: " + repl + "\n    location: " + location
                        + "\n    minTlsVersion: TLS1_2\n    resourceGroupName: " + rg + "\n");
        mr(observed, xr, name, ns, "container", "storage.azure.upbound.io/v1beta1", "Container", name,
                accountId + "/blobServices/default/containers/" + name,
                "    containerAccessType: private\n    storageAccountName: " + account + "\n");
    }

    private void postgres(int i, String ns, String location, Writer claims, Writer observed) throws IOException {
        String name = String.format("db-%05d", i);
        int size = i % SIZES.length;
        int storage = 32 << (i % 3);
        String params = "    location: " + location + "\n    storageGB: " + storage + "\n    version: \"16\"\n    size: "
                + SIZES[size] + "\n";
        String xr = claimAndXr(claims, observed, "Postgres", "XPostgres", ns, name, params);
        String rg = "rg-" + name;
        String server = "pg-" + ns + "-" + name;
        String rgId = "/subscriptions/" + SUB + "/resourceGroups/" + rg;
        String serverId = rgId + "/providers/Microsoft.DBforPostgreSQL/flexibleServers/" + server;
        mr(observed, xr, name, ns, "rg", "azure.upbound.io/v1beta1", "ResourceGroup", rg, rgId,
                "    location: " + location + "\n");
        mr(observed, xr, name, ns, "server", "dbforpostgresql.azure.upbound.io/v1beta1", "FlexibleServer", server, serverId,
                "    administratorLogin: pgadmin\n    location: " + location + "\n    skuName: " + SKUS[size]
                        + "\n    storageMb: " + storage * 1024 + "\n    version: \"16\"\n    resourceGroupName: " + rg + "\n");
        mr(observed, xr, name, ns, "database", "dbforpostgresql.azure.upbound.io/v1beta1", "FlexibleServerDatabase", name,
                serverId + "/databases/" + name, "    charset: UTF8\n    collation: en_US.utf8\n    serverId: " + serverId + "\n");
        mr(observed, xr, name, ns, "firewall", "dbforpostgresql.azure.upbound.io/v1beta1", "FlexibleServerFirewallRule",
                "allow-azure", serverId + "/firewallRules/allow-azure",
                "    startIpAddress: 0.0.0.0\n    endIpAddress: 0.0.0.0\n    serverId: " + serverId + "\n");
    }

    private void network(int i, String ns, String location, Writer claims, Writer observed) throws IOException {
        String name = String.format("net-%05d", i);
        String cidr = "10." + (i % 250) + ".0.0/16";
        String params = "    location: " + location + "\n    cidr: " + cidr + "\n";
        String xr = claimAndXr(claims, observed, "Network", "XNetwork", ns, name, params);
        String rg = "rg-net-" + name;
        String rgId = "/subscriptions/" + SUB + "/resourceGroups/" + rg;
        String vnetId = rgId + "/providers/Microsoft.Network/virtualNetworks/" + name;
        mr(observed, xr, name, ns, "rg", "azure.upbound.io/v1beta1", "ResourceGroup", rg, rgId,
                "    location: " + location + "\n");
        mr(observed, xr, name, ns, "vnet", "network.azure.upbound.io/v1beta1", "VirtualNetwork", name, vnetId,
                "    addressSpace:\n    - " + cidr + "\n    location: " + location + "\n    resourceGroupName: " + rg + "\n");
        mr(observed, xr, name, ns, "subnet", "network.azure.upbound.io/v1beta1", "Subnet", "default", vnetId + "/subnets/default",
                "    addressPrefixes:\n    - 10." + (i % 250) + ".1.0/24\n    serviceEndpoints:\n    - Microsoft.Storage\n"
                        + "    resourceGroupName: " + rg + "\n    virtualNetworkName: " + name + "\n");
        mr(observed, xr, name, ns, "nsg", "network.azure.upbound.io/v1beta1", "SecurityGroup", "nsg-" + name,
                rgId + "/providers/Microsoft.Network/networkSecurityGroups/nsg-" + name,
                "    location: " + location + "\n    resourceGroupName: " + rg + "\n");
    }

    /** Writes the claim into the repository, and the live claim and XR into the snapshot; returns the XR name. */
    private String claimAndXr(Writer claims, Writer observed, String kind, String xrKind, String ns, String name,
                              String params) throws IOException {
        String xr = name + "-" + suffix();
        claims.write("---\napiVersion: bench.xp2aso.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + name
                + "\n  namespace: " + ns + "\nspec:\n  parameters:\n" + params);
        observed.write("---\napiVersion: bench.xp2aso.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + name
                + "\n  namespace: " + ns + "\nspec:\n  parameters:\n" + params
                + "  resourceRef:\n    apiVersion: bench.xp2aso.io/v1alpha1\n    kind: " + xrKind + "\n    name: " + xr + "\n"
                + conditions());
        observed.write("---\napiVersion: bench.xp2aso.io/v1alpha1\nkind: " + xrKind + "\nmetadata:\n  name: " + xr
                + "\n  labels:\n    crossplane.io/claim-name: " + name + "\n    crossplane.io/claim-namespace: " + ns
                + "\n    crossplane.io/composite: " + xr + "\nspec:\n  parameters:\n" + params
                + "  claimRef:\n    apiVersion: bench.xp2aso.io/v1alpha1\n    kind: " + kind + "\n    name: " + name
                + "\n    namespace: " + ns + "\n" + conditions());
        return xr;
    }

    private void mr(Writer observed, String xr, String claim, String ns, String resourceName, String apiVersion, String kind,
                    String externalName, String id, String forProvider) throws IOException {
        mrCount++;
        observed.write("---\napiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + xr + "-" + suffix()
                + "\n  annotations:\n    crossplane.io/composition-resource-name: " + resourceName
                + "\n    crossplane.io/external-name: " + externalName
                + "\n  labels:\n    crossplane.io/claim-name: " + claim + "\n    crossplane.io/claim-namespace: " + ns
                + "\n    crossplane.io/composite: " + xr + "\nspec:\n  deletionPolicy: Delete\n  forProvider:\n" + forProvider
                + "status:\n  atProvider:\n" + forProvider + "    id: " + id + "\n" + conditions().substring("status:\n".length()));
    }

    private static String conditions() {
        return "status:\n  conditions:\n  - type: Ready\n    status: \"True\"\n    reason: Available\n"
                + "  - type: Synced\n    status: \"True\"\n    reason: ReconcileSuccess\n";
    }

    private String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder sb = new StringBuilder(5);
        for (int k = 0; k < 5; k++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = SyntheticEstate.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IOException("missing resource /bench/" + name);
            }
            Files.copy(in, to);
        }
    }
}
