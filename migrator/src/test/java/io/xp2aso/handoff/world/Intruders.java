package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;

import java.util.ArrayList;
import java.util.List;

/** Live objects the plan does not know, as a cluster grows them behind a reviewed plan. */
public final class Intruders {
    private Intruders() {
    }

    /**
     * An MR that the XR composes live but rendering did not produce (a newer CompositionRevision, a conditional
     * resource): a copy of {@code like} with its own name, external name and Azure resource, deletionPolicy Delete,
     * owned by and labelled with the XR, listed in its spec.resourceRefs and among the XR's templates.
     */
    public static ObjectRef unknownMr(World w, ObjectRef xr, ObjectRef like) {
        return unknownMr(w, xr, w.get(like).orElseThrow());
    }

    /** As above, from a copy of the live MR read earlier. */
    public static ObjectRef unknownMr(World w, ObjectRef xr, ObjectNode likeLive) {
        ObjectRef like = ObjectRef.of(likeLive);
        ObjectNode x = w.get(xr).orElseThrow();
        ObjectNode mr = likeLive.deepCopy();
        String name = like.name() + "-extra";
        String ext = "extra" + like.name().hashCode();
        ObjectNode md = (ObjectNode) mr.path("metadata");
        md.retain("name", "namespace", "labels", "annotations");
        md.put("name", name);
        md.with("labels").put("crossplane.io/composite", xr.name());
        md.with("annotations").put(Keys.EXTERNAL_NAME, ext).put("crossplane.io/composition-resource-name", "extra");
        md.withArray("finalizers").add(CrossplaneEmulator.MR_FINALIZER);
        md.putArray("ownerReferences").addObject().put("apiVersion", xr.apiVersion()).put("kind", xr.kind())
                .put("name", xr.name()).put("uid", World.text(x, "metadata.uid")).put("controller", true)
                .put("blockOwnerDeletion", true);
        ObjectNode spec = mr.with("spec");
        spec.remove("managementPolicies");
        spec.put("deletionPolicy", "Delete");
        String id = World.SUB + "/resourceGroups/rg-extra/providers/Test/extras/" + ext;
        mr.with("status").with("atProvider").put("id", id);
        w.crossplane.bind(like.kind(), ext, id);
        ObjectNode props = ((ObjectNode) mr.path("status").path("atProvider")).deepCopy();
        props.remove("id");
        w.azure.seed(id, props);
        w.create(mr);
        ObjectNode template = mr.deepCopy();
        template.remove("status");
        ((ObjectNode) template.path("metadata")).remove(List.of("finalizers", "ownerReferences"));
        List<ObjectNode> templates = new ArrayList<>(w.crossplane.mrTemplatesOfXr.getOrDefault(
                x.path("metadata").path("labels").path("test.world/templates").asText(xr.name()), List.of()));
        templates.add(template);
        w.crossplane.mrTemplatesOfXr.put(xr.name(), templates);
        x.with("spec").withArray("resourceRefs").addObject().put("apiVersion", like.apiVersion()).put("kind", like.kind())
                .put("name", name);
        w.update(x);
        return ObjectRef.of(mr);
    }

    /**
     * The Composition changes one composed MR's forProvider (a new revision): its template and the live MR both get
     * {@code change}, so the provider starts an update (an upjet apply) at the next round.
     */
    public static void changeComposition(World w, ObjectRef mr, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode live = w.get(mr).orElseThrow();
        String res = live.path("metadata").path("annotations").path("crossplane.io/composition-resource-name").asText();
        for (List<ObjectNode> templates : w.crossplane.mrTemplatesOfXr.values()) {
            for (ObjectNode t : templates) {
                if (res.equals(t.path("metadata").path("annotations").path("crossplane.io/composition-resource-name").asText())
                        && mr.name().equals(t.path("metadata").path("name").asText())) {
                    change.accept(t.with("spec").with("forProvider"));
                }
            }
        }
        change.accept(live.with("spec").with("forProvider"));
        w.update(live);
    }
}
