package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Resolves Crossplane references ({@code xName}, {@code xId} and their {@code xRef}/{@code xRefs}/{@code xSelector})
 * to the ASO object of the referenced MR when it is migrated into the same namespace ({@code owner.name} or
 * {@code {group, kind, name}}), else to an ARM ID ({@code armId}), else to a problem the caller reports.
 */
final class RefResolver {
    /**
     * One resolved reference: a migrated slot and its target, or an ARM ID, or a problem. {@code referred} is the
     * migrated MR referred to even when the reference points at its ARM ID (another namespace), for rules that read
     * its fields ({@code via}).
     */
    record Resolved(Slot slot, String targetId, String armId, String problem, Slot referred) {
        Resolved(Slot slot, String targetId, String armId, String problem) {
            this(slot, targetId, armId, problem, slot);
        }

        static Resolved problem(String p) {
            return new Resolved(null, "", "", p);
        }

        boolean ok() {
            return problem.isEmpty();
        }
    }

    enum Style { OWNER, ANY_OWNER, REFERENCE }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    // Indexes (slot order kept in every list) so that resolving a reference does not scan every MR of the estate.
    private final Map<String, List<Slot>> byArmId = new HashMap<>();
    private final Map<String, List<Slot>> byAzureName = new HashMap<>();
    private final Map<String, List<Slot>> byNamespacedName = new HashMap<>();
    private final Map<String, List<Slot>> byLabel = new HashMap<>();
    private final Map<io.xp2aso.model.Unit, List<Slot>> byUnit = new java.util.IdentityHashMap<>();
    private final List<Slot> all;
    private final ObservedIndex observedIndex;
    private final MapOptions options;
    private final String onlySubscription;

    RefResolver(List<Slot> slots, ObservedIndex observedIndex, MapOptions options) {
        this.all = slots;
        this.observedIndex = observedIndex;
        this.options = options;
        Set<String> subs = new LinkedHashSet<>();
        // A slot's keys are computed on every core (its labels come from two trees); they are filed in slot order,
        // half of the indexes on a worker and half here (each index by one thread alone).
        List<SlotKeys> keys = slots.parallelStream().map(SlotKeys::of).toList();
        java.util.concurrent.CompletableFuture<Void> ids = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                SlotKeys k = keys.get(i);
                add(byArmId, k.armId(), s);
                add(byAzureName, k.azureName(), s);
                if (!k.subscription().isEmpty()) {
                    subs.add(k.subscription());
                }
            }
        });
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            SlotKeys k = keys.get(i);
            add(byNamespacedName, k.namespacedName(), s);
            k.labels().forEach(label -> add(byLabel, label, s));
            byUnit.computeIfAbsent(s.unit, u -> new ArrayList<>()).add(s);
        }
        ids.join();
        this.onlySubscription = subs.size() == 1 ? subs.iterator().next() : "";
    }

    /** A slot's keys in each index ("" for none), and the subscription of its ARM ID. */
    private record SlotKeys(String armId, String azureName, String namespacedName, List<String> labels,
                            String subscription) {
        static SlotKeys of(Slot s) {
            List<String> labels = new ArrayList<>(s.labels().size());
            s.labels().forEach((k, v) -> labels.add(k + "=" + v));
            return new SlotKeys(fold(s.armId), fold(s.azureName),
                    s.mrName.isEmpty() ? "" : s.desired.namespace() + "/" + s.mrName, labels,
                    s.armId.isEmpty() ? "" : fold(ArmId.subscription(s.armId)));
        }
    }

    private static void add(Map<String, List<Slot>> index, String key, Slot s) {
        if (!key.isEmpty()) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
    }

    /** Index key for names Azure compares without case; matches are confirmed with equalsIgnoreCase. */
    private static String fold(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    /** The slots of the referenced kind (every kind for anyKind) under an index key, in slot order. */
    private static List<Slot> indexed(Map<String, List<Slot>> index, String key, RefSpec spec) {
        List<Slot> hits = index.getOrDefault(key, List.of());
        if (spec.anyKind()) {
            return hits;
        }
        return hits.stream().filter(s -> s.groupKind().equals(spec.kind())).toList();
    }

    /** The subscription for ARM IDs built from names: the MR's own observed ID, the option, or the only one seen. */
    String subscription(Slot from) {
        if (!from.armId.isEmpty()) {
            return ArmId.subscription(from.armId);
        }
        if (options.subscriptionId() != null) {
            return options.subscriptionId();
        }
        return onlySubscription;
    }

    /**
     * Resolves a reference. {@code read} reads a path of the referring MR (forProvider, then initProvider, then
     * atProvider). Returns an empty list when none of the fields is set at all.
     */
    List<Resolved> resolve(Slot from, RefSpec spec, Function<String, JsonNode> read, Function<String, JsonNode> readDesired) {
        for (String path : spec.from()) {
            JsonNode value = readDesired.apply(path);
            JsonNode ref = readDesired.apply(path + "Ref");
            JsonNode refs = readDesired.apply(path + "Refs");
            JsonNode selector = readDesired.apply(path + "Selector");
            List<Resolved> out = new ArrayList<>();
            if (value != null) {
                if (value.isArray()) {
                    for (JsonNode v : value) {
                        out.add(literal(from, spec, v.asText(), read));
                    }
                } else {
                    out.add(literal(from, spec, value.asText(), read));
                }
                return out;
            }
            if (ref != null) {
                out.add(byName(from, spec, ref.path("name").asText(""), ref.path("namespace").asText(""), read));
                return out;
            }
            if (refs != null && refs.isArray()) {
                for (JsonNode r : refs) {
                    out.add(byName(from, spec, r.path("name").asText(""), r.path("namespace").asText(""), read));
                }
                return out;
            }
            if (selector != null) {
                return bySelector(from, spec, selector, path, read);
            }
            // Crossplane resolved the reference earlier: the live object holds the value.
            JsonNode live = read.apply(path);
            if (live != null) {
                if (live.isArray()) {
                    live.forEach(v -> out.add(literal(from, spec, v.asText(), read)));
                } else {
                    out.add(literal(from, spec, live.asText(), read));
                }
                return out;
            }
        }
        return List.of();
    }

    private Resolved literal(Slot from, RefSpec spec, String value, Function<String, JsonNode> read) {
        if (value.isEmpty()) {
            return Resolved.problem("the reference field is empty");
        }
        List<Slot> found = new ArrayList<>();
        if (ArmId.looksLike(value)) {
            for (Slot s : indexed(byArmId, fold(value), spec)) {
                if (ArmId.same(s.armId, value)) {
                    found.add(s);
                }
            }
            if (found.isEmpty() && !spec.anyKind()) {
                String name = ArmId.lastSegment(value);
                String rg = ArmId.resourceGroup(value);
                for (Slot s : indexed(byAzureName, fold(name), spec)) {
                    if (s.armId.isEmpty() && s.azureName.equalsIgnoreCase(name) && sameGroup(s, rg)) {
                        found.add(s);
                    }
                }
            }
            Optional<Slot> one = pick(from, found);
            if (one.isPresent() && one.get().armId.isEmpty() && one.get().mapping != null && one.get().mapping.isMerge()) {
                // No ASO object of its own (a load balancer's pool): the ID given is its exact one.
                return new Resolved(null, "", value + spec.armIdSuffix(), "", one.get());
            }
            if (one.isPresent()) {
                return migrated(from, spec, one.get(), read);
            }
            return new Resolved(null, "", value + spec.armIdSuffix(), "");
        }
        if (spec.anyKind()) {
            return Resolved.problem("`" + value + "` is not an ARM ID");
        }
        for (Slot s : indexed(byAzureName, fold(value), spec)) {
            if (s.azureName.equalsIgnoreCase(value)) {
                found.add(s);
            }
        }
        Optional<Slot> one = pick(from, found);
        if (one.isPresent()) {
            return migrated(from, spec, one.get(), read);
        }
        if (found.size() > 1) {
            return Resolved.problem("`" + value + "` names " + found.size() + " " + spec.kind() + " resources of this migration");
        }
        return fromTemplate(from, spec, value, read);
    }

    private boolean sameGroup(Slot s, String rg) {
        if (rg.isEmpty()) {
            return true;
        }
        JsonNode own = FieldPath.readSafe(s.forProvider(), "resourceGroupName");
        if (own == null) {
            own = FieldPath.readSafe(s.atProvider(), "resourceGroupName");
        }
        return own == null || own.asText().equalsIgnoreCase(rg);
    }

    /** Prefers a single candidate of the referring unit, then a single one overall. */
    private static Optional<Slot> pick(Slot from, List<Slot> found) {
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        List<Slot> sameUnit = found.stream().filter(s -> s.unit == from.unit).toList();
        return sameUnit.size() == 1 ? Optional.of(sameUnit.get(0)) : Optional.empty();
    }

    private Resolved byName(Slot from, RefSpec spec, String name, String ns, Function<String, JsonNode> read) {
        if (name.isEmpty()) {
            return Resolved.problem("the reference has no name");
        }
        String namespace = ns.isEmpty() ? from.desired.namespace() : ns;
        for (Slot s : indexed(byNamespacedName, namespace + "/" + name, spec)) {
            if (s.mrName.equals(name) && s.desired.namespace().equals(namespace)) {
                return migrated(from, spec, s, read);
            }
        }
        if (!spec.anyKind()) {
            String[] gk = spec.kind().split("/", 2);
            Optional<Manifest> live = observedIndex.find(gk[0], gk[1], namespace, name);
            if (live.isEmpty() && !namespace.isEmpty()) {
                live = observedIndex.find(namespacedGroup(gk[0]), gk[1], namespace, name);
            }
            if (live.isPresent()) {
                String id = live.get().node().path("status").path("atProvider").path("id").asText("");
                if (ArmId.looksLike(id)) {
                    return new Resolved(null, "", id + spec.armIdSuffix(), "");
                }
                String ext = live.get().annotation("crossplane.io/external-name");
                if (!ext.isEmpty()) {
                    return fromTemplate(from, spec, ArmId.lastSegment(ext), read);
                }
            }
        }
        return Resolved.problem("the referenced " + spec.kind() + " `" + name + "` is neither part of this migration nor observed");
    }

    private static String namespacedGroup(String group) {
        if (group.equals("azure.upbound.io")) {
            return "azure.m.upbound.io";
        }
        return group.replace(".azure.upbound.io", ".azure.m.upbound.io");
    }

    private List<Resolved> bySelector(Slot from, RefSpec spec, JsonNode selector, String path, Function<String, JsonNode> read) {
        boolean controller = selector.path("matchControllerRef").asBoolean(false);
        Map<String, String> labels = new HashMap<>();
        selector.path("matchLabels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<Slot> found = new ArrayList<>();
        List<Slot> pool;
        if (controller) {
            pool = byUnit.getOrDefault(from.unit, List.of());
        } else if (!labels.isEmpty()) {
            Map.Entry<String, String> first = labels.entrySet().iterator().next();
            pool = byLabel.getOrDefault(first.getKey() + "=" + first.getValue(), List.of());
        } else {
            pool = all;
        }
        for (Slot s : pool) {
            if (!spec.anyKind() && !s.groupKind().equals(spec.kind())) {
                continue;
            }
            if (controller && s.unit != from.unit) {
                continue;
            }
            if (s == from) {
                continue;
            }
            Map<String, String> have = s.labels();
            boolean all = labels.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
            if (all) {
                found.add(s);
            }
        }
        List<Resolved> out = new ArrayList<>();
        if (found.size() == 1) {
            out.add(migrated(from, spec, found.get(0), read));
            return out;
        }
        // Crossplane resolves a selector once and writes the value; the live object keeps it.
        JsonNode live = read.apply(path);
        if (live != null && !live.isArray()) {
            out.add(literal(from, spec, live.asText(), read));
            return out;
        }
        out.add(Resolved.problem(found.isEmpty()
                ? "the selector " + selectorText(selector) + " matches no " + spec.kind() + " of this migration"
                : "the selector " + selectorText(selector) + " matches " + found.size() + " " + spec.kind()
                + " resources; Crossplane would pick one at random"));
        return out;
    }

    private static String selectorText(JsonNode selector) {
        return selector.toString();
    }

    private Resolved migrated(Slot from, RefSpec spec, Slot to, Function<String, JsonNode> read) {
        if (to.mapping != null && !to.mapping.isMerge() && !to.noObject) {
            String target = spec.target();
            Optional<TargetSpec> ts = to.mapping.target(target);
            if (ts.isEmpty()) {
                return Resolved.problem("the mapping of " + to.groupKind() + " has no target `" + target + "`");
            }
            // A target made only when set (a blob service) that the MR does not set would be an empty object whose
            // PUT resets the live properties: when the MR's ARM ID is known, refer to the Azure resource instead.
            boolean unset = !ts.get().when().isEmpty() && FieldPath.readSafe(to.forProvider(), ts.get().when()) == null;
            if (unset && !to.armId.isEmpty() && !spec.armIdSuffix().isEmpty()) {
                return new Resolved(null, "", to.armId + spec.armIdSuffix(), "", to);
            }
            if (unset && !spec.armIdSuffix().isEmpty()) {
                // No live ID: the armId template is filled from the referred MR's own fields (its resource group).
                Resolved r = to.azureName.isEmpty() ? Resolved.problem("its Azure name is unknown")
                        : fromTemplate(from, spec, to.azureName, key -> ownField(to, key));
                if (r.ok()) {
                    return new Resolved(null, "", r.armId(), "", to);
                }
                // The last resort, so that the referring object has an owner: the target, written without properties.
                from.finding(Finding.warning("empty-owner-written", to.subject() + " sets no " + ts.get().when()
                        + ", yet " + ts.get().kind() + " `" + to.targetNames.get(ts.get().id()) + "` is written, without"
                        + " properties, as the owner of this " + from.kind + ": its ARM ID cannot be built ("
                        + (subscription(from).isEmpty() ? "the subscription is unknown" : r.problem())
                        + "). Pass --subscription ID (or --observed with the live MRs) so that the live one is referred to"
                        + " by ARM ID and no empty object is written", from.resource.origin(), from.subject()));
            }
            if (to.namespace.equals(from.namespace)) {
                return new Resolved(to, ts.get().id(), "", "");
            }
        }
        // Not migrated (no mapping, or observe-only with no object), in another namespace, or without an ASO object
        // of its own: point at Azure.
        if (!to.armId.isEmpty()) {
            return new Resolved(null, "", to.armId + spec.armIdSuffix(), "", to);
        }
        if (to.mapping != null && !to.mapping.armIdPath().isEmpty()) {
            Resolved built = armIdOf(to, 0);
            return built.ok() ? new Resolved(null, "", built.armId() + spec.armIdSuffix(), "", to) : built;
        }
        if (!to.azureName.isEmpty()) {
            Resolved r = fromTemplate(from, spec, to.azureName, read);
            return new Resolved(r.slot(), r.targetId(), r.armId(), r.problem(), to);
        }
        String where = to.mapping == null ? "not migrated" : to.noObject ? "observe-only with no ASO object "
                + "(--observe-only none)" : "in namespace " + to.namespace;
        return Resolved.problem("the referenced " + to.subject() + " is " + where
                + " and neither its ARM ID nor its Azure name is known");
    }

    /**
     * The ARM ID of a migrated MR: its observed one, else its parent's ARM ID (the MR its merge or its primary
     * target's owner names) followed by its file's {@code armIdPath}. References need it for MRs that have no ASO
     * object of their own (a load balancer's probe) and for parts of a resource (its frontend IP configuration),
     * which ASO can name only by ARM ID.
     */
    private Resolved armIdOf(Slot s, int depth) {
        if (!s.armId.isEmpty()) {
            return new Resolved(null, "", s.armId, "", s);
        }
        String path = s.mapping == null ? "" : s.mapping.armIdPath();
        if (path.isEmpty()) {
            return Resolved.problem("the ARM ID of " + s.subject() + " is not known (no status.atProvider.id: run with "
                    + "--observed, or --from-cluster)");
        }
        if (depth > MAX_PARENTS) {
            return Resolved.problem("the ARM ID of " + s.subject() + " goes through more than " + MAX_PARENTS + " parents");
        }
        if (s.azureName.isEmpty()) {
            return Resolved.problem("the Azure name of " + s.subject() + " is not known, so neither is its ARM ID");
        }
        String base = "";
        if (!ArmId.looksLike(path)) {
            KindMapping m = s.mapping;
            Resolved parent = armIdOfReferred(s, m.isMerge() ? m.mergeInto().via() : m.targets().get(0).owner(), depth);
            if (!parent.ok()) {
                return parent;
            }
            base = parent.armId();
        }
        String sub = "";
        if (path.contains("{subscription}")) {
            sub = subscription(s);
            if (sub.isEmpty()) {
                return Resolved.problem("the ARM ID of " + s.subject() + " needs the subscription ID (pass --subscription "
                        + "ID, or --observed with the live MRs)");
            }
        }
        return new Resolved(null, "", base + path.replace("{azureName}", s.azureName).replace("{subscription}", sub), "", s);
    }

    private static final int MAX_PARENTS = 8;

    /** The ARM ID of a migrated MR (observed, or built from its file's armIdPath). */
    Resolved armIdOf(Slot s) {
        return armIdOf(s, 0);
    }

    /** The ARM ID of the resource {@code spec} names in MR {@code s} (read in the MR itself, not in a list item). */
    Resolved armIdOfReferred(Slot s, RefSpec spec) {
        return armIdOfReferred(s, spec, 0);
    }

    private Resolved armIdOfReferred(Slot s, RefSpec spec, int depth) {
        Function<String, JsonNode> desired = p -> {
            JsonNode v = FieldPath.readSafe(s.forProvider(), p);
            return v != null ? v : FieldPath.readSafe(s.initProvider(), p);
        };
        Function<String, JsonNode> read = p -> {
            JsonNode v = desired.apply(p);
            return v != null ? v : FieldPath.readSafe(s.atProvider(), p);
        };
        List<Resolved> found = resolve(s, spec, read, desired);
        if (found.isEmpty()) {
            return Resolved.problem("none of forProvider." + String.join(", forProvider.", spec.from())
                    + " (or their Ref/Selector) is set in " + s.subject());
        }
        Resolved r = found.get(0);
        if (!r.ok() || r.slot() == null) {
            return r;
        }
        Slot p = r.slot();
        JsonNode given = spec.from().isEmpty() ? null : desired.apply(spec.from().get(0));
        if (p.armId.isEmpty() && given != null && given.isTextual() && ArmId.looksLike(given.asText())) {
            return new Resolved(null, "", given.asText(), "", p); // the MR names it by its exact ID
        }
        if (!p.armId.isEmpty() || (p.mapping != null && !p.mapping.armIdPath().isEmpty())) {
            return armIdOf(p, depth + 1);
        }
        // A migrated parent whose file gives no armIdPath (a resource group): its Azure name in the reference's template.
        if (!p.azureName.isEmpty()) {
            return fromTemplate(s, spec, p.azureName, read);
        }
        return Resolved.problem("the ARM ID of " + p.subject() + " is not known (no status.atProvider.id, no Azure name)");
    }

    /**
     * A field of a referred MR for its ARM ID: set in its forProvider, else (a resourceGroupNameRef or selector) the
     * Azure name of the parent its own owner reference resolves to.
     */
    private JsonNode ownField(Slot to, String key) {
        JsonNode v = FieldPath.readSafe(to.forProvider(), key);
        RefSpec owner = to.mapping.targets().get(0).owner();
        if (v != null || owner == null || owner.isLocal() || !owner.from().contains(key)) {
            return v;
        }
        Function<String, JsonNode> read = p -> FieldPath.readSafe(to.forProvider(), p);
        List<Resolved> found = resolve(to, owner, read, read);
        if (found.size() != 1 || !found.get(0).ok()) {
            return null;
        }
        Resolved r = found.get(0);
        String name = r.slot() != null ? r.slot().azureName : ArmId.lastSegment(r.armId());
        return name == null || name.isEmpty() ? null : Nodes.FACTORY.textNode(name);
    }

    private Resolved fromTemplate(Slot from, RefSpec spec, String value, Function<String, JsonNode> read) {
        if (spec.armId().isEmpty()) {
            return Resolved.problem("`" + value + "` is not part of this migration and the mapping gives no ARM ID template for "
                    + spec.kind());
        }
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(spec.armId());
        int last = 0;
        while (m.find()) {
            out.append(spec.armId(), last, m.start());
            String key = m.group(1);
            String v;
            if (key.equals("value")) {
                v = value;
            } else if (key.equals("subscription")) {
                v = subscription(from);
                if (v.isEmpty()) {
                    return Resolved.problem("`" + value + "` is not part of this migration and the subscription ID is unknown "
                            + "(pass --subscription ID, or --observed with the live MRs)");
                }
            } else {
                JsonNode n = read.apply(key);
                if (n == null || !n.isValueNode()) {
                    return Resolved.problem("`" + value + "` is not part of this migration and `" + key
                            + "` (needed for its ARM ID) is not set");
                }
                v = n.asText();
            }
            out.append(v);
            last = m.end();
        }
        out.append(spec.armId().substring(last));
        return new Resolved(null, "", out + spec.armIdSuffix(), "");
    }

    /** The JSON of a resolved reference in the given style; the referenced target is activated (by {@code from}). */
    ObjectNode node(Slot from, Resolved r, Style style) {
        ObjectNode o = Nodes.FACTORY.objectNode();
        if (r.slot() == null) {
            o.put("armId", r.armId());
            return o;
        }
        Slot s = r.slot();
        from.activate(s, r.targetId());
        TargetSpec t = s.mapping.target(r.targetId()).orElseThrow();
        String name = s.targetNames.get(t.id());
        if (style == Style.OWNER) {
            o.put("name", name);
        } else {
            o.put("group", t.group());
            o.put("kind", t.kind());
            o.put("name", name);
        }
        return o;
    }

    static boolean hasAny(JsonNode node) {
        if (node == null) {
            return false;
        }
        Iterator<JsonNode> it = node.elements();
        return it.hasNext() || node.isValueNode();
    }
}
