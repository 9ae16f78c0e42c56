package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.Composer;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.Plan;
import io.xp2aso.handoff.PlanBuilder;
import io.xp2aso.handoff.PlanOptions;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.mapping.ArmId;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.mapping.ObserveOnly;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Estates whose plan the real pipeline builds: sources and an observed snapshot are composed, mapped and planned
 * as `xp2aso migrate --observed` would, and the snapshot's objects are installed live in a {@link World} (CRDs,
 * claims, XRs with their nested XRs, MRs with finalizers, owner references and conditions, Azure seeded with the
 * observed {@code status.atProvider} in ARM's shape ({@link UpjetToArm}), as the emulated provider then keeps it).
 */
public final class PipelineEstates {
    private PipelineEstates() {
    }

    public record Built(Estate estate, List<Manifest> live, MappingResult mapped, Plan plan) {
    }

    public static Built build(Path sources, Path observed) {
        return build(sources, observed, ObserveOnly.SKIP_OBJECT);
    }

    /** As {@link #build(Path, Path)}, with migrate's --observe-only. */
    public static Built build(Path sources, Path observed, ObserveOnly observeOnly) {
        Estate estate = new Estate(SourceReader.read(List.of(sources.toString()), new ByteArrayInputStream(new byte[0])));
        List<Manifest> live = SourceReader.read(List.of(observed.toString()), new ByteArrayInputStream(new byte[0])).manifests();
        ObservedIndex index = new ObservedIndex(live);
        MappingResult mapped = Mapper.map(new Composer().compose(estate, index), MappingCatalog.load(null), index,
                new MapOptions(MapOptions.DEFAULT_NAMESPACE, null, Map.of(), observeOnly));
        Plan plan = PlanBuilder.build(mapped, PlanOptions.defaults().withObserved(index));
        return new Built(estate, live, mapped, plan);
    }

    /** Installs the snapshot: XRs before what they compose, so owner references carry the server's uids. */
    public static void install(World w, Built b) {
        if (w.get(new ObjectRef("v1", "Secret", PlanOptions.DEFAULT_ASO_NAMESPACE, Keys.ASO_GLOBAL_SECRET)).isEmpty()) {
            ObjectNode s = Estates.secret(PlanOptions.DEFAULT_ASO_NAMESPACE, Keys.ASO_GLOBAL_SECRET);
            s.with("data").put("AZURE_SUBSCRIPTION_ID", "MDAwMDAwMDA=");
            w.create(s);
        }
        Map<String, String> uids = new HashMap<>();
        Map<String, List<ObjectNode>> templates = new HashMap<>();
        List<Manifest> pending = new ArrayList<>(b.live());
        // Each pass installs what has no owner left to install; XRs come before what they compose.
        while (!pending.isEmpty()) {
            List<Manifest> later = new ArrayList<>();
            for (Manifest m : pending) {
                JsonNode owner = controller(m.node());
                if (owner != null && !uids.containsKey(owner.path("uid").asText())
                        && pending.stream().anyMatch(p -> p.node().path("metadata").path("uid").asText("")
                        .equals(owner.path("uid").asText()))) {
                    later.add(m);
                    continue;
                }
                installOne(w, b.estate(), m, uids, templates);
            }
            if (later.size() == pending.size()) {
                throw new IllegalStateException("owner references form a cycle: " + later);
            }
            pending = later;
        }
        templates.forEach(w.crossplane.mrTemplatesOfXr::put);
        // The Secrets of the sources (an admin password an MR reads), as the cluster holds them.
        for (Manifest m : b.estate().all(ObjectKind.OTHER)) {
            if (m.apiVersion().equals("v1") && m.kind().equals("Secret") && w.get(ObjectRef.of(m.node())).isEmpty()) {
                w.create(m.node().deepCopy());
            }
        }
        Set<String> subscriptions = new TreeSet<>();
        for (Manifest m : b.live()) {
            String id = m.node().path("status").path("atProvider").path("id").asText("");
            if (ArmId.looksLike(id)) {
                subscriptions.add("/subscriptions/" + ArmId.subscription(id));
            }
        }
        if (subscriptions.size() == 1) {
            w.subscription = subscriptions.iterator().next();
        }
        for (Manifest m : b.live()) {
            JsonNode atProvider = m.node().path("status").path("atProvider");
            if (atProvider.hasNonNull("id") && UpjetToArm.associationOnSubnet(m.kind(), atProvider).isEmpty()) {
                w.azure.seed(atProvider.path("id").asText(), UpjetToArm.properties(m.kind(), atProvider));
                UpjetToArm.defaultPool(m.kind(), m.node().path("spec").path("forProvider"), atProvider)
                        .ifPresent(p -> w.azure.seed(p.getKey(), p.getValue()));
            }
        }
        // Associations after the subnets they set a property of (their ARM ID is the subnet's).
        for (Manifest m : b.live()) {
            JsonNode atProvider = m.node().path("status").path("atProvider");
            UpjetToArm.associationOnSubnet(m.kind(), atProvider).ifPresent(patch -> {
                String id = atProvider.path("id").asText();
                ObjectNode subnet = w.azure.get(id).orElseGet(() -> Yaml.JSON.createObjectNode());
                subnet.setAll(patch);
                w.azure.seed(id, subnet);
            });
        }
        for (UnitPlan u : b.plan().units()) {
            for (AsoTarget t : u.aso()) {
                ensure(w, t.manifest(), "aso", true);
            }
        }
        w.rounds(2);
    }

    private static void installOne(World w, Estate estate, Manifest m, Map<String, String> uids,
                                   Map<String, List<ObjectNode>> templates) {
        ObjectNode live = m.node().deepCopy();
        ObjectNode md = live.with("metadata");
        String fixtureUid = md.path("uid").asText("");
        md.remove("uid");
        JsonNode owners = md.path("ownerReferences");
        if (owners instanceof ArrayNode a) {
            for (JsonNode o : a) {
                ((ObjectNode) o).put("uid", uids.getOrDefault(o.path("uid").asText(), o.path("uid").asText()));
            }
        }
        ObjectKind kind = estate.classify(m);
        String owner = controller(live) == null ? "" : controller(live).path("name").asText();
        switch (kind) {
            case CLAIM -> {
                World.Kind k = ensure(w, live, "", true);
                addOnce(w.crossplane.claimKinds, k);
                JsonNode ref = live.path("spec").path("resourceRef");
                w.crossplane.xrKindOfClaim.put(k.kind(), kindOf(w, ref.path("apiVersion").asText(), ref.path("kind").asText()));
                md.withArray("finalizers").add(CrossplaneEmulator.CLAIM_FINALIZER);
            }
            case COMPOSITE -> {
                addOnce(w.crossplane.xrKinds, ensure(w, live, "", !m.namespace().isEmpty()));
                md.withArray("finalizers").add(CrossplaneEmulator.XR_FINALIZER);
            }
            case MANAGED -> {
                ensure(w, live, "managed", !m.namespace().isEmpty());
                ObjectNode desired = live.deepCopy();
                desired.remove("status");
                desired.with("metadata").remove("ownerReferences");
                templates.computeIfAbsent(owner, x -> new ArrayList<>()).add(desired);
                md.withArray("finalizers").add(CrossplaneEmulator.MR_FINALIZER);
                Conditions.set(live, "Ready", "True", "Available", "", w.now());
                Conditions.set(live, "Synced", "True", "ReconcileSuccess", "", w.now());
                String id = m.node().path("status").path("atProvider").path("id").asText("");
                if (!id.isEmpty()) {
                    w.crossplane.bind(m.kind(), m.annotation(Keys.EXTERNAL_NAME), id);
                }
            }
            default -> throw new IllegalArgumentException(m.origin() + ": not a claim, XR or MR");
        }
        ObjectNode created = w.create(live);
        if (!fixtureUid.isEmpty()) {
            uids.put(fixtureUid, World.text(created, "metadata.uid"));
        }
    }

    private static JsonNode controller(JsonNode o) {
        for (JsonNode r : o.path("metadata").path("ownerReferences")) {
            if (r.path("controller").asBoolean(false)) {
                return r;
            }
        }
        return null;
    }

    private static <T> void addOnce(List<T> list, T item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    private static World.Kind kindOf(World w, String apiVersion, String kind) {
        for (World.Kind k : w.kinds) {
            if (k.apiVersion().equals(apiVersion) && k.kind().equals(kind)) {
                return k;
            }
        }
        return w.install(apiVersion, kind, kind.toLowerCase(Locale.ROOT) + "s", false, "");
    }

    private static World.Kind ensure(World w, JsonNode obj, String role, boolean namespaced) {
        String av = obj.path("apiVersion").asText();
        String kind = obj.path("kind").asText();
        for (World.Kind k : w.kinds) {
            if (k.apiVersion().equals(av) && k.kind().equals(kind)) {
                return k;
            }
        }
        return w.install(av, kind, kind.toLowerCase(Locale.ROOT) + "s", namespaced, role);
    }
}
