package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Test estates from YAML fixtures (migrator/src/test/resources/handoff/*.yaml): the map stage's records for one unit,
 * and the same objects installed live in a {@link World} (CRDs, claim, XR, MRs with finalizers and owners, Azure).
 */
public final class Estates {
    private Estates() {
    }

    static final String ROLE = "test.xp2aso.io/role";
    static final String SOURCE = "test.xp2aso.io/source";

    public record Loaded(MappedUnit mapped, Manifest claim, Manifest xr, List<Manifest> mrs, List<ObjectNode> aso,
                         List<Manifest> azure, List<Manifest> secrets) {
        public ObjectRef top() {
            return ObjectRef.of(claim != null ? claim.node() : xr.node());
        }
    }

    public static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(Estates.class.getResource("/handoff/" + name)).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Loaded load(String name) {
        return load(fixture(name));
    }

    /** A unit from a fixture file anywhere (the benchmark writes renamed copies of the fixtures). */
    public static Loaded load(Path file) {
        SourceSet set = SourceReader.read(List.of(file.toString()), new ByteArrayInputStream(new byte[0]));
        Manifest claim = null;
        Manifest xr = null;
        List<Manifest> mrs = new ArrayList<>();
        List<ObjectNode> aso = new ArrayList<>();
        List<Manifest> azure = new ArrayList<>();
        List<Manifest> secrets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Manifest m : set.manifests()) {
            String role = m.annotation(ROLE);
            String source = m.annotation(SOURCE);
            ObjectNode clean = strip(m.node());
            Manifest c = new Manifest(clean, m.origin());
            switch (role) {
                case "claim" -> claim = c;
                case "xr" -> xr = c;
                case "mr" -> mrs.add(c);
                case "aso" -> {
                    aso.add(clean);
                    sources.add(source);
                }
                case "azure" -> azure.add(new Manifest(m.node(), m.origin()));
                case "secret" -> secrets.add(c);
                default -> throw new IllegalArgumentException(m.origin() + ": no test role");
            }
        }
        List<MappedResource> resources = new ArrayList<>();
        List<ComposedResource> composed = new ArrayList<>();
        for (Manifest mr : mrs) {
            ObjectNode desired = mr.node().deepCopy();
            desired.remove("status");
            ComposedResource cr = new ComposedResource(mr.annotation("crossplane.io/composition-resource-name"), desired,
                    mr.origin(), mr);
            composed.add(cr);
            List<ObjectNode> targets = new ArrayList<>();
            for (int i = 0; i < aso.size(); i++) {
                if (sources.get(i).equals(mr.name())) {
                    targets.add(aso.get(i));
                }
            }
            resources.add(new MappedResource(cr, targets, List.of(), List.of()));
        }
        Manifest top = claim != null ? claim : xr;
        String id = (top.namespace().isEmpty() ? "_cluster" : top.namespace()) + "/" + top.name();
        Unit unit = new Unit(id, top.namespace(), top.name(), claim, xr == null ? null : xr.node(), xr, "test", composed,
                List.of());
        return new Loaded(new MappedUnit(unit, resources), claim, xr, mrs, aso, azure, secrets);
    }

    private static ObjectNode strip(JsonNode n) {
        ObjectNode c = n.deepCopy();
        JsonNode ann = c.path("metadata").path("annotations");
        if (ann instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                if (it.next().startsWith("test.xp2aso.io/")) {
                    it.remove();
                }
            }
        }
        return c;
    }

    /** Installs the unit live: CRDs, secrets, XR, claim, MRs (Ready, Synced, finalizer, owner), Azure resources. */
    public static void install(World w, Loaded u) {
        if (w.get(new ObjectRef("v1", "Secret", "azureserviceoperator-system", Keys.ASO_GLOBAL_SECRET)).isEmpty()) {
            ObjectNode s = secret("azureserviceoperator-system", Keys.ASO_GLOBAL_SECRET);
            s.with("data").put("AZURE_SUBSCRIPTION_ID", "MDAwMDAwMDA=");
            w.create(s);
        }
        for (Manifest s : u.secrets()) {
            w.create(s.node().deepCopy());
        }
        World.Kind xrKind = ensure(w, u.xr().node(), "", u.xr().namespace().isEmpty() ? false : true);
        if (!w.crossplane.xrKinds.contains(xrKind)) {
            w.crossplane.xrKinds.add(xrKind);
        }
        ObjectNode xr = u.xr().node().deepCopy();
        xr.with("metadata").withArray("finalizers").add(CrossplaneEmulator.XR_FINALIZER);
        ObjectNode liveXr = w.create(xr);
        String uid = World.text(liveXr, "metadata.uid");
        if (u.claim() != null) {
            World.Kind claimKind = ensure(w, u.claim().node(), "", true);
            if (!w.crossplane.claimKinds.contains(claimKind)) {
                w.crossplane.claimKinds.add(claimKind);
            }
            w.crossplane.xrKindOfClaim.put(claimKind.kind(), xrKind);
            ObjectNode claim = u.claim().node().deepCopy();
            claim.with("metadata").withArray("finalizers").add(CrossplaneEmulator.CLAIM_FINALIZER);
            w.create(claim);
            w.crossplane.xrTemplateOfClaim.put(claimKind.kind() + "/" + u.claim().namespace() + "/" + u.claim().name(),
                    u.xr().node().deepCopy());
        }
        List<ObjectNode> templates = new ArrayList<>();
        for (Manifest mr : u.mrs()) {
            ensure(w, mr.node(), "managed", !mr.namespace().isEmpty());
            ObjectNode desired = mr.node().deepCopy();
            desired.remove("status");
            templates.add(desired);
            ObjectNode live = mr.node().deepCopy();
            live.with("metadata").withArray("finalizers").add(CrossplaneEmulator.MR_FINALIZER);
            live.with("metadata").putArray("ownerReferences").addObject().put("apiVersion", xr.path("apiVersion").asText())
                    .put("kind", xr.path("kind").asText()).put("name", u.xr().name()).put("uid", uid)
                    .put("controller", true).put("blockOwnerDeletion", true);
            Conditions.set(live, "Ready", "True", "Available", "", w.now());
            Conditions.set(live, "Synced", "True", "ReconcileSuccess", "", w.now());
            w.create(live);
            String id = mr.node().path("status").path("atProvider").path("id").asText();
            w.crossplane.bind(mr.kind(), mr.annotation(Keys.EXTERNAL_NAME), id);
            ObjectNode props = ((ObjectNode) mr.node().path("status").path("atProvider")).deepCopy();
            props.remove("id");
            w.azure.seed(id, props);
        }
        w.crossplane.mrTemplatesOfXr.put(u.xr().name(), templates);
        for (ObjectNode a : u.aso()) {
            ensure(w, a, "aso", true);
        }
        for (Manifest a : u.azure()) {
            w.azure.seed(a.annotation("test.xp2aso.io/id"), (ObjectNode) a.node().path("spec"));
        }
        ObjectNode top = (u.claim() != null ? u.claim() : u.xr()).node();
        String app = top.path("metadata").path("labels").path(Keys.ARGO_INSTANCE_LABEL).asText("");
        if (!app.isEmpty()) {
            w.argo.track(app, top.deepCopy());
        }
        String kustomization = top.path("metadata").path("labels").path(Keys.FLUX_KUSTOMIZE_NAME).asText("");
        if (!kustomization.isEmpty()) {
            w.flux.track(top.path("metadata").path("labels").path(Keys.FLUX_KUSTOMIZE_NAMESPACE).asText("flux-system")
                    + "/" + kustomization, top.deepCopy());
        }
        String release = top.path("metadata").path("labels").path(Keys.FLUX_HELM_NAME).asText("");
        if (!release.isEmpty()) {
            w.flux.trackHelm(top.path("metadata").path("labels").path(Keys.FLUX_HELM_NAMESPACE).asText("flux-system")
                    + "/" + release, top.deepCopy());
        }
    }

    static ObjectNode secret(String ns, String name) {
        ObjectNode s = io.xp2aso.source.Yaml.JSON.createObjectNode();
        s.put("apiVersion", "v1").put("kind", "Secret");
        s.putObject("metadata").put("name", name).put("namespace", ns);
        s.putObject("data");
        return s;
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
