package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.UnitPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the unit's XR composes live, at every depth, against what the plan knows. An object the plan does not know
 * (a newer or pinned CompositionRevision, a conditional resource, another EnvironmentConfig) would lose its owner
 * when the XR goes, so the handoff stops instead of deleting anything. Read at preflight and again immediately
 * before the XR and the claim are deleted.
 *
 * <p>An XR's composed objects are those its {@code spec.resourceRefs} name (Crossplane persists them before it
 * creates the objects) and those labelled {@code crossplane.io/composite} with its name, listed for every kind the
 * plan or a resourceRef names. A kind nobody names is not listed: with hundreds of provider kinds installed that
 * would cost hundreds of calls per unit, and every delete the handoff issues orphans dependents anyway.
 */
final class ComposedObjects {
    static final String COMPOSITE_LABEL = "crossplane.io/composite";

    private ComposedObjects() {
    }

    /** One line per composed object the plan does not know (empty when the live tree is a subset of the plan's). */
    static List<String> unknown(UnitRun run) {
        Optional<ObjectRef> xr = run.xr();
        if (xr.isEmpty()) {
            return List.of();
        }
        Set<String> known = known(run.unit);
        known.add(key(xr.get()));
        Set<String> kinds = new LinkedHashSet<>();
        for (ManagedHandoff mr : run.unit.resources()) {
            kinds.add(mr.ref().apiVersion() + " " + mr.ref().kind());
        }
        List<String> out = new ArrayList<>();
        walk(run, xr.get(), known, kinds, out, new LinkedHashSet<>());
        return out;
    }

    /** Unknown objects in the tree of the claim's XR as the claim names it now (it may differ from the plan's). */
    static List<String> unknownUnderClaim(UnitRun run) {
        if (run.unit.claim() == null || run.unit.composite() == null) {
            return List.of();
        }
        Optional<ObjectNode> claim = run.kube.get(run.unit.claim());
        if (claim.isEmpty()) {
            return List.of();
        }
        String name = claim.get().path("spec").path("resourceRef").path("name").asText("");
        Optional<ObjectRef> planned = run.xr();
        if (name.isEmpty() || planned.isPresent() && planned.get().name().equals(name)) {
            return planned.isPresent() && run.kube.get(planned.get()).isPresent() ? unknown(run) : List.of();
        }
        ObjectRef other = run.unit.composite().withName(name);
        if (run.kube.get(other).isEmpty()) {
            return List.of();
        }
        return List.of(run.unit.claim().display() + " now names the XR " + other.display() + ", which the plan does "
                + "not know: deleting the claim would delete it with everything it composes");
    }

    private static void walk(UnitRun run, ObjectRef xr, Set<String> known, Set<String> kinds, List<String> out,
                             Set<String> seen) {
        if (!seen.add(key(xr))) {
            return;
        }
        Optional<ObjectNode> live = run.kube.get(xr);
        if (live.isEmpty()) {
            return;
        }
        Map<String, ObjectRef> children = new LinkedHashMap<>();
        for (JsonNode r : live.get().path("spec").path("resourceRefs")) {
            String name = r.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            ObjectRef c = new ObjectRef(r.path("apiVersion").asText(""), r.path("kind").asText(""),
                    r.path("namespace").asText(xr.namespace()), name);
            kinds.add(c.apiVersion() + " " + c.kind());
            children.putIfAbsent(key(c), c);
        }
        for (String k : kinds) {
            String[] avKind = k.split(" ");
            for (ObjectNode o : listLabelled(run, avKind[0], avKind[1], xr.name())) {
                ObjectRef c = ObjectRef.of(o);
                children.putIfAbsent(key(c), c);
            }
        }
        for (ObjectRef c : children.values()) {
            boolean nested = run.unit.nested().stream().anyMatch(n -> key(n).equals(key(c)));
            if (known.contains(key(c)) && !nested) {
                continue; // an MR of the plan
            }
            Optional<ObjectNode> obj = run.kube.get(c);
            if (obj.isEmpty()) {
                continue; // a reference to an object already gone: nothing to collect
            }
            if (nested) {
                walk(run, c, known, kinds, out, seen); // a nested XR of the plan: what it composes must be too
                continue;
            }
            out.add(c.display() + " is composed by " + xr.display() + " but is not in the plan: its owner's "
                    + "deletion could delete it (and its Azure resource); migrate again from the live state "
                    + "(--observed or --from-cluster) so the plan includes it");
            JsonNode spec = obj.get().path("spec");
            if (spec.has("resourceRefs") || spec.has("compositionRef")) {
                walk(run, c, known, kinds, out, seen); // a nested XR: what it composes goes with it
            }
        }
    }

    private static List<ObjectNode> listLabelled(UnitRun run, String apiVersion, String kind, String xrName) {
        try {
            return run.kube.cluster().list(apiVersion, kind, "", COMPOSITE_LABEL + "=" + xrName);
        } catch (ClusterException e) {
            if (e.kind() == ClusterException.Kind.UNKNOWN_KIND) {
                return List.of(); // a kind not installed has no objects
            }
            throw e;
        }
    }

    private static Set<String> known(UnitPlan unit) {
        Set<String> out = new LinkedHashSet<>();
        for (ManagedHandoff mr : unit.resources()) {
            out.add(key(mr.ref()));
        }
        for (ObjectRef x : unit.nested()) {
            out.add(key(x));
        }
        return out;
    }

    /** Group, kind, namespace and name: a reference may name another served version of the same object. */
    static String key(ObjectRef r) {
        return r.group() + "/" + r.kind() + "/" + r.namespace() + "/" + r.name();
    }
}
