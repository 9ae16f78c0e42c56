package io.xp2aso.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Yaml;

import java.io.UncheckedIOException;
import java.util.List;

/** inventory.json: a fixed set of keys in a fixed order (documented in README.md, section "scan"). */
public final class InventoryJson {
    public static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory F = Nodes.FACTORY;
    /** Cluster, MachinePool and the three AzureASOManaged* kinds: all needed for migrate --aks-target capz. */
    static final int AKS_CAPZ_KINDS = 5;

    private InventoryJson() {
    }

    public static String render(Inventory inv, Analysis a) {
        ObjectNode root = F.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode cluster = root.putObject("cluster");
        cluster.put("server", inv.cluster().server());
        cluster.put("context", inv.cluster().context());
        cluster.put("namespace", inv.cluster().namespace());
        root.set("summary", summary(inv, a));
        root.set("aso", aso(inv.aso()));
        ArrayNode kinds = root.putArray("kinds");
        for (KindCount k : inv.kinds()) {
            ObjectNode n = kinds.addObject();
            n.put("apiVersion", k.kind().apiVersion());
            n.put("kind", k.kind().kind());
            n.put("resource", k.kind().resource());
            n.put("role", role(k.kind()));
            n.put("namespaced", k.kind().namespaced());
            n.put("count", k.count());
            n.put("pages", k.pages());
        }
        ArrayNode unlisted = root.putArray("unlisted");
        for (UnlistedKind u : inv.unlisted()) {
            ObjectNode n = unlisted.addObject();
            n.put("apiVersion", u.apiVersion());
            n.put("kind", u.kind());
            n.put("resource", u.resource());
            n.put("namespace", u.namespace());
            n.put("status", u.status());
            n.put("message", u.message());
        }
        ArrayNode xrds = root.putArray("xrds");
        for (XrdSummary x : inv.xrds()) {
            ObjectNode n = xrds.addObject();
            n.put("name", x.name());
            n.put("group", x.group());
            n.put("compositeKind", x.xrKind());
            n.put("claimKind", x.claimKind());
            n.put("scope", x.scope());
            strings(n.putArray("servedVersions"), x.servedVersions());
            conditions(n.putArray("conditions"), x.conditions());
        }
        ArrayNode comps = root.putArray("compositions");
        for (CompositionSummary c : inv.compositions()) {
            ObjectNode n = comps.addObject();
            n.put("kind", c.kind());
            n.put("name", c.name());
            n.put("composition", c.compositionName());
            n.put("revision", c.revision());
            n.put("compositeApiVersion", c.compositeApiVersion());
            n.put("compositeKind", c.compositeKind());
            n.put("mode", c.mode());
            ArrayNode steps = n.putArray("pipeline");
            for (FunctionStep s : c.pipeline()) {
                ObjectNode sn = steps.addObject();
                sn.put("step", s.step());
                sn.put("functionRef", s.functionRef());
                sn.put("function", a.functions().identify(s.functionRef()));
                sn.put("supported", a.functions().supported(s));
            }
            strings(n.putArray("resourceKinds"), c.resourceKinds());
        }
        ArrayNode envs = root.putArray("environmentConfigs");
        for (EnvironmentConfigSummary e : inv.environmentConfigs()) {
            ObjectNode n = envs.addObject();
            n.put("apiVersion", e.apiVersion());
            n.put("name", e.name());
            strings(n.putArray("dataKeys"), e.dataKeys());
        }
        root.set("providers", packages(inv.providers()));
        root.set("functions", packages(inv.functions()));
        ArrayNode pcs = root.putArray("providerConfigs");
        for (ProviderConfigSummary p : inv.providerConfigs()) {
            ObjectNode n = ref(pcs.addObject(), p.ref());
            n.put("credentialsSource", p.credentialsSource());
            n.put("secretRef", p.secretRef());
        }
        root.set("claims", resources(inv.claims()));
        root.set("composites", resources(inv.composites()));
        root.set("managedResources", resources(inv.managed()));
        ArrayNode graph = root.putArray("graph");
        for (GraphNode g : a.graph()) {
            graph.add(graphNode(g));
        }
        ArrayNode mig = root.putArray("migratability");
        for (KindMigratability k : a.kinds()) {
            ObjectNode n = mig.addObject();
            n.put("apiVersion", k.apiVersion());
            n.put("kind", k.kind());
            n.put("mapped", k.mapped());
            n.put("count", k.count());
            n.put("healthy", k.healthy());
            n.put("drifting", k.drifting());
            n.put("paused", k.paused());
            n.put("movable", k.movable());
            ArrayNode targets = n.putArray("asoTargets");
            for (TargetReadiness t : k.targets()) {
                ObjectNode tn = targets.addObject();
                tn.put("group", t.group());
                tn.put("kind", t.kind());
                tn.put("version", t.version());
                tn.put("installed", t.installed());
                tn.put("served", t.served());
                strings(tn.putArray("catalogVersions"), t.catalogVersions());
                strings(tn.putArray("clusterVersions"), t.clusterVersions());
            }
        }
        ArrayNode blockers = root.putArray("blockers");
        for (Blocker b : a.blockers()) {
            ObjectNode n = blockers.addObject();
            n.put("code", b.code());
            n.put("subject", b.subject());
            n.put("message", b.message());
        }
        ObjectNode capi = root.putObject("clusterApi");
        capi.put("installed", inv.capzCrds().size() == AKS_CAPZ_KINDS);
        strings(capi.putArray("crds"), inv.capzCrds());
        ArrayNode aks = root.putArray("aksClusters");
        for (AksReadiness r : a.aks()) {
            ObjectNode n = ref(aks.addObject(), r.cluster());
            n.put("azureId", r.azureId());
            n.put("capz", r.capz());
            strings(n.putArray("reasons"), r.reasons());
            strings(n.putArray("machinePools"), r.machinePools());
            strings(n.putArray("staysAso"), r.staysAso());
        }
        try {
            return Yaml.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode summary(Inventory inv, Analysis a) {
        ObjectNode s = F.objectNode();
        s.put("claims", inv.claims().size());
        s.put("composites", inv.composites().size());
        s.put("managedResources", inv.managed().size());
        s.put("xrds", inv.xrds().size());
        s.put("compositions", inv.compositions().stream().filter(c -> !c.isRevision()).count());
        s.put("compositionRevisions", inv.compositions().stream().filter(CompositionSummary::isRevision).count());
        s.put("environmentConfigs", inv.environmentConfigs().size());
        s.put("providers", inv.providers().size());
        s.put("functions", inv.functions().size());
        s.put("providerConfigs", inv.providerConfigs().size());
        long unhealthy = 0;
        long paused = 0;
        for (List<ResourceSummary> l : List.of(inv.claims(), inv.composites(), inv.managed())) {
            for (ResourceSummary r : l) {
                unhealthy += r.healthy() ? 0 : 1;
                paused += r.paused() ? 1 : 0;
            }
        }
        s.put("unhealthy", unhealthy);
        s.put("paused", paused);
        s.put("drifting", inv.managed().stream().filter(ResourceSummary::drifting).count());
        s.put("unlistedKinds", inv.unlisted().size());
        s.put("unmappedKinds", a.kinds().stream().filter(k -> !k.mapped()).count());
        s.put("movableManagedResources", a.movable());
        s.put("movablePercent", a.movablePercent());
        s.put("blockers", a.blockers().size());
        return s;
    }

    private static ObjectNode aso(AsoInstallation aso) {
        ObjectNode n = F.objectNode();
        n.put("installed", aso.installed());
        n.put("version", aso.version());
        ArrayNode crds = n.putArray("crds");
        for (AsoCrd c : aso.crds()) {
            ObjectNode cn = crds.addObject();
            cn.put("group", c.group());
            cn.put("kind", c.kind());
            strings(cn.putArray("servedVersions"), c.servedVersions());
            cn.put("storageVersion", c.storageVersion());
        }
        return n;
    }

    private static ArrayNode packages(List<PackageSummary> list) {
        ArrayNode arr = F.arrayNode();
        for (PackageSummary p : list) {
            ObjectNode n = arr.addObject();
            n.put("name", p.name());
            n.put("package", p.packageRef());
            n.put("currentRevision", p.currentRevision());
            n.put("health", p.health());
            conditions(n.putArray("conditions"), p.conditions());
        }
        return arr;
    }

    private static ArrayNode resources(List<ResourceSummary> list) {
        ArrayNode arr = F.arrayNode();
        for (ResourceSummary r : list) {
            ObjectNode n = ref(arr.addObject(), r.ref());
            n.put("state", Health.state(r));
            n.put("ready", r.ready());
            n.put("synced", r.synced());
            n.put("paused", r.paused());
            n.put("deleting", r.deleting());
            conditions(n.putArray("conditions"), r.conditions());
            switch (r.role()) {
                case CLAIM -> {
                    n.put("composition", r.composition());
                    if (r.resourceRef() == null) {
                        n.putNull("resourceRef");
                    } else {
                        ref(n.putObject("resourceRef"), r.resourceRef());
                    }
                }
                case COMPOSITE -> {
                    n.put("composition", r.composition());
                    n.put("compositionRevision", r.compositionRevision());
                    n.put("claimNamespace", r.claimNamespace());
                    n.put("claimName", r.claimName());
                    ArrayNode refs = n.putArray("resourceRefs");
                    for (ObjectRef x : r.resourceRefs()) {
                        ref(refs.addObject(), x);
                    }
                }
                default -> {
                    n.put("composite", r.compositeLabel());
                    n.put("claimNamespace", r.claimNamespace());
                    n.put("claimName", r.claimName());
                    n.put("externalName", r.externalName());
                    n.put("providerConfig", r.providerConfig());
                    n.put("deletionPolicy", r.deletionPolicy());
                    strings(n.putArray("managementPolicies"), r.managementPolicies());
                    ArrayNode drift = n.putArray("drift");
                    for (DriftField d : r.drift()) {
                        ObjectNode dn = drift.addObject();
                        dn.put("path", d.path());
                        dn.put("desired", d.desired());
                        dn.put("observed", d.observed());
                    }
                }
            }
        }
        return arr;
    }

    private static ObjectNode graphNode(GraphNode g) {
        ObjectNode n = ref(F.objectNode(), g.ref());
        n.put("role", g.role());
        n.put("state", g.state());
        n.put("detail", g.detail());
        ArrayNode children = n.putArray("children");
        for (GraphNode c : g.children()) {
            children.add(graphNode(c));
        }
        return n;
    }

    private static ObjectNode ref(ObjectNode n, ObjectRef r) {
        n.put("apiVersion", r.apiVersion());
        n.put("kind", r.kind());
        n.put("namespace", r.namespace());
        n.put("name", r.name());
        return n;
    }

    private static void conditions(ArrayNode arr, List<ConditionSummary> list) {
        for (ConditionSummary c : list) {
            ObjectNode n = arr.addObject();
            n.put("type", c.type());
            n.put("status", c.status());
            n.put("reason", c.reason());
            n.put("message", c.message());
        }
    }

    private static void strings(ArrayNode arr, List<String> list) {
        list.forEach(arr::add);
    }

    static String role(ClusterKind k) {
        return switch (k.role()) {
            case XRD -> "xrd";
            case COMPOSITION -> "composition";
            case COMPOSITION_REVISION -> "compositionRevision";
            case ENVIRONMENT_CONFIG -> "environmentConfig";
            case PROVIDER -> "provider";
            case FUNCTION -> "function";
            case PROVIDER_CONFIG -> "providerConfig";
            case CLAIM -> "claim";
            case COMPOSITE -> "composite";
            case MANAGED -> "managed";
            default -> "other";
        };
    }
}
