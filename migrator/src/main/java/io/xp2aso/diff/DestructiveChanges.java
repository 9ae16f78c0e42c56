package io.xp2aso.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.diff.DestructiveChange.Kind;
import io.xp2aso.diff.PlanResources.Mr;
import io.xp2aso.diff.PlanResources.Target;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a pull request makes Crossplane delete in Azure once it merges, by comparing the MRs of the two
 * sides' handoff plans unit by unit: an MR gone at head is deleted with its Azure resource unless it orphans it
 * (deletionPolicy Orphan, or managementPolicies without Delete); an MR whose Azure identity reappears under
 * another MR was renamed (Crossplane deletes the old MR, then creates the new one); an MR whose Azure name,
 * location or parent changes points at another Azure resource from then on. Also collects the renames, so the
 * findings of a renamed MR are not shown as both new and resolved.
 */
final class DestructiveChanges {
    private DestructiveChanges() {
    }

    record Result(List<DestructiveChange> changes, Map<String, String> renames) {
    }

    static Result find(DiffSide base, DiffSide head) {
        PlanResources before = PlanResources.read(base.files().get(OutputDiffer.PLAN));
        PlanResources after = PlanResources.read(head.files().get(OutputDiffer.PLAN));
        Map<String, JsonNode> baseManifests = manifests(base);
        Map<String, JsonNode> headManifests = manifests(head);
        Set<String> matchedHead = new HashSet<>();
        List<Mr[]> pairs = new ArrayList<>();
        List<Mr> gone = new ArrayList<>();
        for (Map.Entry<String, List<Mr>> e : before.byUnit().entrySet()) {
            Map<String, Mr> now = index(after.byUnit().get(e.getKey()));
            for (Mr mr : e.getValue()) {
                Mr match = now.get(mr.key());
                if (match == null) {
                    gone.add(mr);
                } else {
                    matchedHead.add(e.getKey() + "\u0000" + match.key());
                    pairs.add(new Mr[] {mr, match});
                }
            }
        }
        // Head MRs no base MR matched, by Azure identity: where a gone MR's Azure resource reappears.
        Map<String, Mr> newByAzure = new HashMap<>();
        after.byUnit().forEach((unit, mrs) -> mrs.forEach(mr -> {
            if (!matchedHead.contains(unit + "\u0000" + mr.key())) {
                for (String id : identities(mr)) {
                    newByAzure.putIfAbsent(id, mr);
                }
            }
        }));
        List<DestructiveChange> out = new ArrayList<>();
        Map<String, String> renames = new LinkedHashMap<>();
        for (Mr mr : gone) {
            Mr successor = null;
            for (String id : identities(mr)) {
                successor = successor != null ? successor : newByAzure.get(id);
            }
            if (successor != null) {
                renames.put(mr.name(), successor.name());
                if (!mr.resourceName().isEmpty() && !successor.resourceName().isEmpty()) {
                    renames.put(mr.resourceName(), successor.resourceName());
                }
                if (!mr.unit().equals(successor.unit())) {
                    renames.put(mr.unit(), successor.unit());
                }
            }
            if (!mr.deletesInAzure()) {
                continue;
            }
            if (successor != null) {
                Location at = resourceAt(head, successor, base, mr);
                out.add(new DestructiveChange(Kind.REPLACED, mr.unit(), mr.display(), mr.azure(),
                        "the MR is renamed to " + successor.display() + (successor.unit().equals(mr.unit()) ? ""
                                : " in unit " + successor.unit()) + ": Crossplane deletes " + mr.name()
                                + ", which deletes the Azure resource, and creates it again, empty, for "
                                + successor.name(), at.file(), at.line()));
                continue;
            }
            List<Mr> unitNow = after.byUnit().get(mr.unit());
            Location at = resourceAt(base, mr, head, null);
            if (unitNow == null) {
                String reason = mr.resourceName().isEmpty()
                        ? "the MR is no longer in the sources; when it is deleted (GitOps prunes it), Crossplane "
                                + "deletes the Azure resource (deletionPolicy " + policy(mr) + ")"
                        : "its claim or XR is no longer in the sources; when it is deleted (GitOps prunes it), "
                                + "Crossplane deletes every resource it composes (deletionPolicy " + policy(mr) + ")";
                out.add(new DestructiveChange(Kind.DELETED, mr.unit(), mr.display(), mr.azure(), reason, at.file(),
                        at.line()));
            } else if (unitNow.isEmpty()) {
                out.add(new DestructiveChange(Kind.UNVERIFIABLE, mr.unit(), mr.display(), mr.azure(),
                        "the unit composes no Azure resource at head (it no longer renders, see its findings, or "
                                + "its Composition composes nothing); Crossplane deletes each composed resource its "
                                + "Composition no longer produces", at.file(), at.line()));
            } else {
                out.add(new DestructiveChange(Kind.DELETED, mr.unit(), mr.display(), mr.azure(),
                        (mr.resourceName().isEmpty() ? "the MR is no longer in the sources"
                                : "its Composition no longer composes '" + mr.resourceName() + "'")
                                + "; Crossplane deletes the MR and, with deletionPolicy " + policy(mr)
                                + ", the Azure resource", at.file(), at.line()));
            }
        }
        for (Mr[] p : pairs) {
            Mr was = p[0];
            Mr now = p[1];
            if (!was.name().equals(now.name())) {
                renames.put(was.name(), now.name());
            }
            List<String> why = new ArrayList<>();
            if (!was.externalName().isEmpty() && !now.externalName().isEmpty()
                    && !was.externalName().equals(now.externalName())) {
                why.add("its Azure name changes from " + was.externalName() + " to " + now.externalName()
                        + ": Crossplane creates " + now.externalName() + " and stops managing " + was.externalName());
            } else if (!was.azureId().isEmpty() && !now.azureId().isEmpty()
                    && !was.azureId().equalsIgnoreCase(now.azureId())) {
                why.add("its ARM ID changes to " + now.azureId());
            }
            immutable(was, now, baseManifests, headManifests, why);
            if (!why.isEmpty()) {
                Location at = resourceAt(head, now, base, was);
                out.add(new DestructiveChange(Kind.REPLACED, now.unit(), now.display(), was.azure(),
                        String.join("; ", why), at.file(), at.line()));
            }
        }
        return new Result(out, renames);
    }

    /** Location and parent: Azure cannot move a resource to another region or parent, Terraform replaces it. */
    private static void immutable(Mr was, Mr now, Map<String, JsonNode> before, Map<String, JsonNode> after,
                                  List<String> why) {
        JsonNode a = primary(was, before);
        JsonNode b = primary(now, after);
        if (a == null || b == null) {
            return;
        }
        String la = region(a.path("spec").path("location").asText(""));
        String lb = region(b.path("spec").path("location").asText(""));
        if (!la.isEmpty() && !lb.isEmpty() && !la.equals(lb)) {
            why.add("its location changes from " + a.path("spec").path("location").asText() + " to "
                    + b.path("spec").path("location").asText() + ": an Azure resource cannot change region, so "
                    + "Crossplane's provider replaces it (delete, then create) or fails to update it");
        }
        String oa = owner(a);
        String ob = owner(b);
        if (!oa.isEmpty() && !ob.isEmpty() && !oa.equals(ob)) {
            why.add("its parent changes from " + oa + " to " + ob + ": Crossplane's provider replaces it (delete, "
                    + "then create) or fails to update it");
        }
    }

    /** The MR's first ASO object, which carries its location and parent. */
    private static JsonNode primary(Mr mr, Map<String, JsonNode> manifests) {
        for (Target t : mr.targets()) {
            JsonNode n = manifests.get(t.kind() + "\u0000" + t.namespace() + "\u0000" + t.name());
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private static String owner(JsonNode aso) {
        JsonNode o = aso.path("spec").path("owner");
        String arm = o.path("armId").asText("");
        return !arm.isEmpty() ? arm : o.path("name").asText("");
    }

    /** "West Europe" and "westeurope" are the same region. */
    static String region(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String policy(Mr mr) {
        return mr.deletionPolicy().isEmpty() ? "from managementPolicies " + mr.managementPolicies() : mr.deletionPolicy();
    }

    private static List<String> identities(Mr mr) {
        List<String> ids = new ArrayList<>();
        if (!mr.azureId().isEmpty()) {
            ids.add("id\u0000" + mr.azureId().toLowerCase(Locale.ROOT));
        }
        if (!mr.externalName().isEmpty()) {
            ids.add("name\u0000" + mr.kind() + "\u0000" + mr.externalName());
        }
        return ids;
    }

    private static Map<String, Mr> index(List<Mr> mrs) {
        Map<String, Mr> m = new HashMap<>();
        if (mrs != null) {
            mrs.forEach(mr -> m.putIfAbsent(mr.key(), mr));
        }
        return m;
    }

    record Location(String file, int line) {
    }

    /**
     * Where to point a reader: the MR's source on {@code side} (its Composition resource or its file), else the
     * unit's claim there, else the same on {@code other} for {@code otherMr}.
     */
    private static Location resourceAt(DiffSide side, Mr mr, DiffSide other, Mr otherMr) {
        Location l = locate(side, mr);
        if (l == null && otherMr != null) {
            l = locate(other, otherMr);
        }
        if (l == null) {
            for (DiffSide s : List.of(side, other)) {
                for (DiffSide.UnitInfo u : s.units()) {
                    if (u.id().equals(mr.unit()) && !u.file().isEmpty()) {
                        return new Location(u.file(), u.line());
                    }
                }
            }
        }
        return l == null ? new Location("", 0) : l;
    }

    private static Location locate(DiffSide side, Mr mr) {
        for (DiffSide.ResourceInfo r : side.resources()) {
            if (r.unit().equals(mr.unit()) && r.kind().equals(mr.kind())
                    && (r.name().equals(mr.name()) || (!mr.resourceName().isEmpty() && r.resourceName().equals(mr.resourceName())))) {
                return new Location(r.file(), r.line());
            }
        }
        return null;
    }

    /** The side's ASO manifests by kind, namespace and name. */
    private static Map<String, JsonNode> manifests(DiffSide side) {
        Map<String, JsonNode> out = new HashMap<>();
        side.files().forEach((path, text) -> {
            if (!OutputDiffer.isManifest(path)) {
                return;
            }
            try {
                JsonNode n = Yaml.YAML.readTree(text);
                if (n != null && n.isObject()) {
                    JsonNode md = n.path("metadata");
                    out.put(n.path("kind").asText("") + "\u0000" + md.path("namespace").asText("") + "\u0000"
                            + md.path("name").asText(""), n);
                }
            } catch (IOException e) {
                // Not one YAML object (never written by migrate): nothing to compare.
            }
        });
        return out;
    }
}
