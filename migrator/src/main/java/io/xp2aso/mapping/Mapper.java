package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The map stage: every MR of every unit becomes ASO objects through the mapping catalog.
 * Two passes: first every MR gets its names, namespace, Azure name and ID (so references between MRs resolve
 * whatever their order), then the rules run; MRs folded into another MR's object (mergeInto) run last.
 */
public final class Mapper {
    public static final String RECONCILE_POLICY = "serviceoperator.azure.com/reconcile-policy";
    public static final String SOURCE = "xp2aso.io/source";
    public static final String SOURCE_FILE = "xp2aso.io/source-file";
    public static final String UNIT = "xp2aso.io/unit";
    public static final String RESOURCE_NAME = "xp2aso.io/composition-resource-name";
    public static final String MERGED_FROM = "xp2aso.io/merged-from";
    public static final String EXTERNAL_NAME = "crossplane.io/external-name";
    /** Finding code of an observe-only MR that gets no ASO object (--observe-only none). */
    public static final String NO_OBJECT = "observe-only-no-object";

    private final MappingCatalog catalog;
    private final ObservedIndex observed;
    private final MapOptions options;
    private final List<Slot> slots = new ArrayList<>();
    private final Map<String, Slot> takenNames = new HashMap<>();
    private RefResolver resolver;
    /** What each mapping accounts for depends on the mapping alone: computed once per kind, not per MR. */
    private final Map<KindMapping, Set<String>> consumedPaths = new java.util.IdentityHashMap<>();

    /** Whether {@link #buildAhead} runs: off only in tests that compare it with a sequential run. */
    private final boolean buildsAhead;

    private Mapper(MappingCatalog catalog, ObservedIndex observed, MapOptions options, boolean buildsAhead) {
        this.buildsAhead = buildsAhead;
        this.catalog = catalog;
        this.observed = observed == null ? ObservedIndex.EMPTY : observed;
        this.options = options == null ? MapOptions.defaults() : options;
    }

    public static MappingResult map(ComposeResult composed, MappingCatalog catalog, ObservedIndex observed, MapOptions options) {
        return new Mapper(catalog, observed, options, true).run(composed);
    }

    /** The map stage with every build made in order on this thread (no {@link #buildAhead}): for tests. */
    static MappingResult mapSequentially(ComposeResult composed, MappingCatalog catalog, ObservedIndex observed,
                                         MapOptions options) {
        return new Mapper(catalog, observed, options, false).run(composed);
    }

    private MappingResult run(ComposeResult composed) {
        // Slots per unit, in unit order (not a map keyed by Unit: its record hashCode walks every manifest it holds).
        // What a slot knows of itself is read on every core; names are then taken in slot order (first come, first
        // named), so collisions resolve as in a sequential run.
        List<List<Slot>> byUnit = composed.units().parallelStream()
                .map(u -> u.resources().stream().map(cr -> identified(u, cr)).toList()).toList();
        for (List<Slot> list : byUnit) {
            for (Slot s : list) {
                name(s);
                slots.add(s);
            }
        }
        resolver = new RefResolver(slots, observed, options);
        for (Slot s : slots) {
            activate(s);
        }
        buildAhead();
        buildPending();
        for (Slot s : slots) {
            if (s.mapping != null && s.mapping.isMerge()) {
                merge(s);
            }
        }
        buildPending();
        for (Slot s : slots) {
            if (s.mapping != null) {
                consumedPaths.computeIfAbsent(s.mapping, ConsumedPaths::of);
            }
        }
        // Accounting reads only its own slot (and the shared, now complete, consumedPaths): every slot at once.
        slots.parallelStream().forEach(s -> Accounting.finish(s, consumedPaths.get(s.mapping)));
        List<MappedUnit> units = new ArrayList<>();
        for (int i = 0; i < byUnit.size(); i++) {
            List<MappedResource> rs = new ArrayList<>();
            for (Slot s : byUnit.get(i)) {
                rs.add(new MappedResource(s.resource, s.targets, new ArrayList<>(s.unmapped), s.findings));
            }
            units.add(new MappedUnit(composed.units().get(i), rs));
        }
        return new MappingResult(units, List.of());
    }

    // ---- pass 1: names, namespace, Azure identity ----

    private Slot identified(Unit u, ComposedResource cr) {
        String apiVersion = cr.object().path("apiVersion").asText("");
        String kind = cr.object().path("kind").asText("");
        KindMapping mapping = catalog.find(apiVersion, kind).orElse(null);
        String ns = namespaceFor(u, cr);
        String base = baseName(u, cr);
        Slot s = new Slot(u, cr, mapping, ns, base);
        String group = s.desired.group();
        if (!Estate.isAzureGroup(group)) {
            s.finding(Finding.info("not-azure", s.desired.apiVersion() + " " + kind
                    + " is not an Azure managed resource: xp2aso does not migrate it, and the handoff leaves its whole"
                    + " unit with Crossplane, untouched (the unit is blocked)", cr.origin(), s.subject()));
        } else if (mapping == null) {
            s.finding(Finding.error("unsupported-kind", "no mapping for " + s.desired.apiVersion() + " " + kind
                    + " in the mapping catalog (" + catalog.location() + "); it cannot be migrated", cr.origin(), s.subject()));
        }
        s.armId = observedArmId(s);
        if (mapping != null && !mapping.isMerge() && options.observeOnly() == ObserveOnly.NONE
                && !ObserveOnly.writes(s.managementPolicies())) {
            // A merged MR (mergeInto) still folds in: leaving its fields out of the parent's PUT would reset them.
            s.noObject = true;
            s.finding(Finding.info(NO_OBJECT, "the MR only observes its Azure resource (managementPolicies "
                    + s.managementPolicies() + ") and --observe-only is none: it gets no ASO object; ASO objects that "
                    + "refer to it name it by ARM ID, and the handoff retires the MR without an Azure call",
                    cr.origin(), s.subject()));
        }
        identify(s);
        return s;
    }

    /** The names of the slot's targets (those not made per list item), unique in their namespace and kind. */
    private void name(Slot s) {
        KindMapping mapping = s.mapping;
        if (mapping != null && !mapping.isMerge() && !s.noObject) {
            for (TargetSpec t : mapping.targets()) {
                if (t.forEach().isEmpty()) {
                    s.targetNames.put(t.id(), uniqueName(s, t, t == mapping.targets().get(0) ? s.baseName + t.nameSuffix()
                            : s.baseName + (t.nameSuffix().isEmpty() ? "-" + t.id().toLowerCase(java.util.Locale.ROOT) : t.nameSuffix())));
                }
            }
        }
    }

    /** The claim's namespace; else the MR's own (Crossplane v2 namespaced MRs); else --target-namespace; else "default". */
    private String namespaceFor(Unit u, ComposedResource cr) {
        if (u.namespace() != null && !u.namespace().isEmpty()) {
            return u.namespace();
        }
        String own = cr.object().path("metadata").path("namespace").asText("");
        if (!own.isEmpty()) {
            return own;
        }
        return options.targetNamespace() != null ? options.targetNamespace() : MapOptions.DEFAULT_NAMESPACE;
    }

    /** Composed MRs: "<claim or XR>-<composition resource name>" (stable with or without --observed); lone MRs: their name. */
    private static String baseName(Unit u, ComposedResource cr) {
        if (!cr.resourceName().isEmpty() && u.composite() != null) {
            return K8sNames.dns1123(u.name() + "-" + cr.resourceName());
        }
        String n = cr.object().path("metadata").path("name").asText("");
        if (n.isEmpty() && cr.observed() != null) {
            n = cr.observed().name();
        }
        if (n.isEmpty()) {
            n = u.name() + "-" + (cr.resourceName().isEmpty() ? cr.object().path("kind").asText("resource") : cr.resourceName());
        }
        return K8sNames.dns1123(n);
    }

    private String uniqueName(Slot s, TargetSpec t, String wanted) {
        String name = K8sNames.dns1123(wanted);
        String key = s.namespace + "/" + t.group() + "/" + t.kind() + "/";
        Slot other = takenNames.get(key + name);
        if (other != null && other != s) {
            String renamed = K8sNames.dns1123(name + "-" + K8sNames.shortHash(s.sourceId() + "/" + s.unit.id() + "/" + s.resource.resourceName()));
            s.finding(Finding.warning("name-collision", t.kind() + " `" + name + "` in namespace " + s.namespace
                    + " is already taken by the target of " + other.subject() + "; this one is named `" + renamed + "`",
                    s.resource.origin(), s.subject()));
            name = renamed;
        }
        takenNames.put(key + name, s);
        return name;
    }

    private static String observedArmId(Slot s) {
        if (s.observed == null) {
            return "";
        }
        JsonNode at = s.atProvider();
        for (String f : new String[]{"id", "resourceManagerId"}) {
            String v = at.path(f).asText("");
            if (ArmId.looksLike(v)) {
                return v;
            }
        }
        return "";
    }

    /** The Azure name of the MR: external name (last ARM segment), else its name when Crossplane defaults to it. */
    private void identify(Slot s) {
        TargetSpec primary = s.mapping != null && !s.mapping.isMerge() ? s.mapping.targets().get(0) : null;
        AzureNameSpec spec = primary == null ? AzureNameSpec.EXTERNAL_NAME : primary.azureName();
        if (primary != null && !primary.forEach().isEmpty()) {
            spec = AzureNameSpec.EXTERNAL_NAME;
        }
        if (spec.isFixed()) {
            s.azureName = spec.fixed();
            s.azureNameSource = "fixed";
            return;
        }
        if (!spec.from().isEmpty()) {
            JsonNode v = FieldPath.readSafe(s.forProvider(), spec.from());
            if (v == null) {
                v = FieldPath.readSafe(s.atProvider(), spec.from());
            }
            if (v != null && v.isValueNode()) {
                s.azureName = v.asText();
                s.azureNameSource = "forProvider." + spec.from();
            }
        }
        // A field that is not set leaves the external name in charge (a RoleAssignment's GUID is in either).
        if (s.azureName == null || s.azureName.isEmpty()) {
            String desired = textAnnotation(s.desired.node());
            String live = s.observed == null ? "" : textAnnotation(s.observed.node());
            if (!desired.isEmpty() && !live.isEmpty() && !ArmId.lastSegment(desired).equals(ArmId.lastSegment(live))) {
                s.finding(Finding.warning("external-name-mismatch", "the rendered external name `" + desired
                        + "` differs from the live one `" + live + "`; the live one is used", s.resource.origin(), s.subject()));
            }
            String ext = !live.isEmpty() ? live : desired;
            if (!ext.isEmpty()) {
                s.azureName = ArmId.lastSegment(ext);
                s.azureNameSource = EXTERNAL_NAME;
            } else if (spec.nameFallback() && s.observed != null && !s.observed.name().isEmpty()) {
                s.azureName = s.observed.name();
                s.azureNameSource = "metadata.name";
            } else if (spec.nameFallback() && !s.desired.name().isEmpty() && !nameIsGenerated(s)) {
                s.azureName = s.desired.name();
                s.azureNameSource = "metadata.name";
            }
        }
        // Without an object the name only serves referrers' ARM IDs, and they say when it is missing.
        if (s.azureName.isEmpty() && s.mapping != null && !s.mapping.isMerge() && !s.noObject) {
            s.finding(Finding.error("azure-name-unknown", "the Azure name of this " + s.kind
                    + " is only known to the cluster (no " + EXTERNAL_NAME + " annotation"
                    + (spec.from().isEmpty() ? "" : ", no forProvider." + spec.from())
                    + (spec.nameFallback() && spec.from().isEmpty() ? ", no fixed metadata.name" : "")
                    + "); run with --observed or --from-cluster so the live object supplies it; spec.azureName is left out",
                    s.resource.origin(), s.subject()));
        }
    }

    private static final java.util.regex.Pattern GENERATED_SUFFIX =
            java.util.regex.Pattern.compile("([0-9a-f]{12}|[bcdfghjklmnpqrstvwxz2456789]{5})");

    /**
     * True when the rendered name of a composed MR was made up by the compose stage, not written in the template:
     * Crossplane names such MRs in the cluster (generateName), so that name says nothing about the Azure name.
     */
    static boolean nameIsGenerated(Slot s) {
        if (s.resource.resourceName().isEmpty()) {
            return false;
        }
        String name = s.desired.name();
        for (Finding f : s.unit.findings()) {
            if (f.code().equals("generated-name") && (f.message().contains(" " + name + " ")
                    || f.message().contains(" -> " + name + ",") || f.message().endsWith(" -> " + name))) {
                return true;
            }
        }
        String prefix = s.desired.node().path("metadata").path("generateName").asText("");
        return !prefix.isEmpty() && name.startsWith(prefix)
                && GENERATED_SUFFIX.matcher(name.substring(prefix.length())).matches();
    }

    private static String textAnnotation(JsonNode object) {
        JsonNode v = object.path("metadata").path("annotations").get(EXTERNAL_NAME);
        return v != null && v.isTextual() ? v.asText().trim() : "";
    }

    // ---- pass 2: build targets ----

    private void activate(Slot s) {
        if (s.mapping == null || s.mapping.isMerge() || s.noObject) {
            return;
        }
        for (TargetSpec t : s.mapping.targets()) {
            if (t.when().isEmpty() || present(s, t.when())) {
                s.activeTargets.add(t.id());
            }
        }
    }

    private static boolean present(Slot s, String path) {
        // Desired state only: an ASO object is made for what Crossplane manages, not for whatever Azure holds.
        return FieldPath.readSafe(s.forProvider(), path) != null || FieldPath.readSafe(s.initProvider(), path) != null;
    }

    /**
     * Builds, on every core, what the first sequential pass builds first in each slot: the targets the slot activates
     * itself, in order, up to the first one made per list item (those take names, which go in slot order). A build
     * reads only what is settled before building starts (the MRs, names, indexes); what it changes is held back in
     * a {@link BuildLog} until {@link #buildPending} reaches that build, so the result is that of a sequential run.
     */
    private void buildAhead() {
        if (!buildsAhead) {
            return;
        }
        slots.parallelStream().forEach(s -> {
            if (s.mapping == null || s.mapping.isMerge()) {
                return;
            }
            for (String id : s.activeTargets) {
                TargetSpec t = s.mapping.target(id).orElseThrow();
                if (!t.forEach().isEmpty()) {
                    break;
                }
                BuildLog log = new BuildLog();
                s.log = log;
                try {
                    log.built(make(s, t));
                } catch (RuntimeException e) {
                    log.failed(e);
                } finally {
                    s.log = null;
                }
                if (s.ahead == null) {
                    s.ahead = new java.util.HashMap<>();
                }
                s.ahead.put(id, log);
                if (log.failed()) {
                    break; // the sequential pass stops at this one
                }
            }
        });
    }

    private void buildPending() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Slot s : slots) {
                // Every built target is an active one, so equal sizes mean nothing is pending (the common case).
                if (s.mapping == null || s.mapping.isMerge() || s.built.size() == s.activeTargets.size()) {
                    continue;
                }
                for (String id : new ArrayList<>(s.activeTargets)) {
                    if (!s.built.containsKey(id)) {
                        build(s, s.mapping.target(id).orElseThrow());
                        changed = true;
                    }
                }
            }
        }
    }

    private void build(Slot s, TargetSpec t) {
        BuildLog ahead = s.ahead == null ? null : s.ahead.remove(t.id());
        if (ahead != null) {
            s.built.put(t.id(), ahead.replay());
            return;
        }
        if (t.forEach().isEmpty()) {
            s.built.put(t.id(), make(s, t));
        } else {
            makeEach(s, t);
        }
    }

    /** The ASO objects of a target made per item of a list (forEach), named as they come. */
    private void makeEach(Slot s, TargetSpec t) {
        RuleRunner runner = new RuleRunner(s, resolver);
        ObjectNode marker = Nodes.FACTORY.objectNode();
        s.built.put(t.id(), marker);
        JsonNode list;
        try {
            // Desired items only: live items (e.g. NSG rules another MR manages) must not get a second owner.
            list = runner.top().readDesired(t.forEach());
        } catch (FieldPath.ListCrossed e) {
            s.finding(Finding.warning("value-not-mapped", "forProvider." + t.forEach() + " " + e.getMessage()
                    + "; no " + t.kind() + " is made from it", s.resource.origin(), s.subject()));
            return;
        }
        if (list == null) {
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(items::add);
        } else {
            items.add(list);
        }
        for (JsonNode item : items) {
            String azureName = t.azureName().from().isEmpty() ? "" : text(FieldPath.readSafe(item, t.azureName().from()));
            String suffix = azureName.isEmpty() ? String.valueOf(items.indexOf(item)) : azureName;
            String name = uniqueName(s, t, s.baseName + "-" + suffix + t.nameSuffix());
            ObjectNode obj = skeleton(s, t, name);
            ObjectNode spec = (ObjectNode) obj.get("spec");
            if (!azureName.isEmpty()) {
                spec.put("azureName", azureName);
            } else if (!t.azureName().isFixed()) {
                s.finding(Finding.error("azure-name-unknown", "an item of forProvider." + t.forEach()
                        + " has no " + t.azureName().from() + "; its " + t.kind() + " has no spec.azureName",
                        s.resource.origin(), s.subject()));
            }
            owner(s, t, spec, runner.top());
            runner.run(t.rules(), RuleRunner.element(item, t.forEach()), spec);
            s.eachBuilt.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(obj);
        }
    }

    /**
     * The ASO object of a target that is not made per list item. Every change it makes to slots goes through the
     * Slot's change methods, so that it can be made ahead ({@link #buildAhead}).
     */
    private ObjectNode make(Slot s, TargetSpec t) {
        RuleRunner runner = new RuleRunner(s, resolver);
        ObjectNode obj = skeleton(s, t, s.targetNames.get(t.id()));
        ObjectNode spec = (ObjectNode) obj.get("spec");
        if (!t.azureName().isFixed()) {
            String azureName = s.azureName;
            if (t != s.mapping.targets().get(0)) {
                azureName = t.azureName().from().isEmpty() ? s.azureName
                        : text(FieldPath.readSafe(s.forProvider(), t.azureName().from()));
            }
            if (!azureName.isEmpty()) {
                spec.put("azureName", azureName);
            }
        }
        owner(s, t, spec, runner.top());
        runner.run(t.rules(), runner.top(), spec);
        connectionSecret(s, t, spec);
        return obj;
    }

    private static String text(JsonNode n) {
        return n == null || !n.isValueNode() ? "" : n.asText();
    }

    private ObjectNode skeleton(Slot s, TargetSpec t, String name) {
        ObjectNode obj = Nodes.FACTORY.objectNode();
        obj.put("apiVersion", t.group() + "/" + version(s, t));
        obj.put("kind", t.kind());
        ObjectNode meta = obj.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", s.namespace);
        String unitLabel = K8sNames.labelValue(s.unit.name());
        if (!unitLabel.isEmpty()) {
            meta.putObject("labels").put(UNIT, unitLabel);
        }
        ObjectNode ann = meta.putObject("annotations");
        ann.put(RECONCILE_POLICY, "skip");
        ann.put(SOURCE, s.sourceId());
        ann.put(SOURCE_FILE, s.resource.origin().toString());
        ann.put(UNIT, s.unit.id());
        if (!s.resource.resourceName().isEmpty()) {
            ann.put(RESOURCE_NAME, s.resource.resourceName());
        }
        obj.putObject("spec");
        return obj;
    }

    private String version(Slot s, TargetSpec t) {
        String wanted = options.versions().get(t.group() + "/" + t.kind());
        if (wanted == null || wanted.equals(t.version())) {
            return t.version();
        }
        if (t.allVersions().contains(wanted)) {
            return wanted;
        }
        s.finding(Finding.warning("version-not-supported", t.group() + "/" + wanted + " " + t.kind()
                + " was asked for, but the mapping (" + t.origin() + ") is checked only for " + t.allVersions()
                + "; " + t.apiVersion() + " is written", s.resource.origin(), s.subject()));
        return t.version();
    }

    private void owner(Slot s, TargetSpec t, ObjectNode spec, RuleRunner.Source top) {
        RefSpec o = t.owner();
        if (o == null) {
            return;
        }
        if (o.isLocal()) {
            s.activate(s, o.target());
            spec.putObject("owner").put("name", s.targetNames.get(o.target()));
            return;
        }
        List<RefResolver.Resolved> found;
        try {
            found = resolver.resolve(s, o, top::read, top::readDesired);
        } catch (FieldPath.ListCrossed e) {
            found = List.of(RefResolver.Resolved.problem(e.getMessage()));
        }
        if (found.isEmpty() && !s.armId.isEmpty() && !ArmId.parent(s.armId).isEmpty() && !o.anyKind()) {
            found = List.of(new RefResolver.Resolved(null, "", ArmId.parent(s.armId), ""));
        }
        if (found.isEmpty()) {
            s.finding(Finding.error("owner-unresolved", t.kind() + " needs an owner but none of forProvider."
                    + String.join(", forProvider.", o.from()) + " (or their Ref/Selector) is set; spec.owner is left out",
                    s.resource.origin(), s.subject()));
            return;
        }
        RefResolver.Resolved r = found.get(0);
        if (!r.ok()) {
            // The MR's own live ID names its parent exactly: the last resort before giving up.
            String parent = ArmId.parent(s.armId);
            if (!parent.isEmpty() && !o.anyKind()) {
                r = new RefResolver.Resolved(null, "", parent, "");
            } else {
                s.finding(Finding.error("owner-unresolved", "forProvider." + o.from().get(0) + ": " + r.problem()
                        + "; spec.owner is left out", s.resource.origin(), s.subject()));
                return;
            }
        }
        spec.set("owner", resolver.node(s, r, o.anyKind() ? RefResolver.Style.ANY_OWNER : RefResolver.Style.OWNER));
    }

    private void connectionSecret(Slot s, TargetSpec t, ObjectNode spec) {
        JsonNode ref = s.desired.node().path("spec").path("writeConnectionSecretToRef");
        String name = ref.path("name").asText("");
        if (name.isEmpty() || t.connectionSecret().isEmpty()) {
            if (!name.isEmpty() && t == s.mapping.targets().get(0)) {
                s.finding(Finding.warning("connection-secret-unmapped", "the MR writes connection details to Secret `"
                        + name + "`, but the mapping of " + s.kind + " names no ASO equivalent for any key",
                        s.resource.origin(), s.subject()));
            }
            return;
        }
        String ns = ref.path("namespace").asText("");
        ObjectNode operatorSpec = spec.has("operatorSpec") ? (ObjectNode) spec.get("operatorSpec") : spec.putObject("operatorSpec");
        List<String> keys = new ArrayList<>();
        for (ConnectionKey k : t.connectionSecret()) {
            if (!k.secret().isEmpty()) {
                ObjectNode dest = operatorSpec.with("secrets").putObject(k.secret());
                dest.put("name", name);
                dest.put("key", k.key());
            } else {
                ArrayNode exprs = operatorSpec.has("secretExpressions") ? (ArrayNode) operatorSpec.get("secretExpressions")
                        : operatorSpec.putArray("secretExpressions");
                ObjectNode e = exprs.addObject();
                e.put("name", name);
                e.put("key", k.key());
                e.put("value", k.expression());
            }
            keys.add(k.key());
        }
        boolean moved = !ns.isEmpty() && !ns.equals(s.namespace);
        s.finding(new Finding(moved ? Severity.WARNING : Severity.INFO, "connection-secret",
                "connection details: ASO writes keys " + keys + " into Secret `" + name + "` in namespace " + s.namespace
                        + (moved ? " (Crossplane wrote them in namespace " + ns + ": consumers there must move)" : "")
                        + "; Crossplane deletes its own Secret with the MR, so retire the MR before ASO takes over the Secret",
                s.resource.origin(), s.subject()));
    }

    // ---- several MRs into one object ----

    private void merge(Slot s) {
        MergeSpec m = s.mapping.mergeInto();
        RuleRunner runner = new RuleRunner(s, resolver);
        List<RefResolver.Resolved> found;
        try {
            found = resolver.resolve(s, m.via(), runner.top()::read, runner.top()::readDesired);
        } catch (FieldPath.ListCrossed e) {
            found = List.of(RefResolver.Resolved.problem(e.getMessage()));
        }
        Optional<RefResolver.Resolved> target = found.stream().filter(r -> r.ok() && r.slot() != null).findFirst();
        if (target.isEmpty()) {
            Slot referred = found.isEmpty() ? null : found.get(0).referred();
            String why = found.isEmpty() ? "none of forProvider." + String.join(", ", m.via().from()) + " is set"
                    : referred != null && referred.noObject ? referred.subject() + " only observes its resource and gets "
                    + "no ASO object (--observe-only none); migrate with --observe-only skip-object"
                    : found.get(0).ok() ? "it is not part of this migration (" + found.get(0).armId() + ")" : found.get(0).problem();
            s.finding(Finding.error("merge-target-missing", s.kind + " has no ASO kind of its own: it becomes part of its "
                    + m.via().kind() + ", but " + why, s.resource.origin(), s.subject()));
            return;
        }
        Slot into = target.get().slot();
        String id = target.get().targetId();
        into.activeTargets.add(id);
        if (!into.built.containsKey(id)) {
            build(into, into.mapping.target(id).orElseThrow());
        }
        ObjectNode obj = into.built.get(id);
        runner.run(m.rules(), runner.top(), (ObjectNode) obj.get("spec"));
        ObjectNode ann = (ObjectNode) obj.path("metadata").path("annotations");
        String before = ann.path(MERGED_FROM).asText("");
        ann.put(MERGED_FROM, before.isEmpty() ? s.sourceId() : before + ", " + s.sourceId());
        s.finding(Finding.info("merged", "folded into " + obj.path("kind").asText() + " `"
                + obj.path("metadata").path("name").asText() + "` (the target of " + into.subject() + ")",
                s.resource.origin(), s.subject()));
    }
}
