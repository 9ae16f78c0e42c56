package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The map stage's working record of one MR: what is known of it before any rule runs (names, namespace,
 * Azure name and ID), then the ASO objects built for it, its findings and its unmapped paths.
 */
final class Slot {
    final Unit unit;
    final ComposedResource resource;
    final Manifest desired;
    final Manifest observed;
    /** Cluster-scoped upjet group (the .m. of namespaced v2 groups removed). */
    final String group;
    final String kind;
    final KindMapping mapping;
    final String mrName;
    final String namespace;
    final String baseName;
    String azureName = "";
    String azureNameSource = "";
    String armId = "";
    final Set<String> activeTargets = new LinkedHashSet<>();
    final Map<String, String> targetNames = new LinkedHashMap<>();
    final Map<String, ObjectNode> built = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> eachBuilt = new LinkedHashMap<>();
    final List<ObjectNode> targets = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final Set<String> unmapped = new LinkedHashSet<>();
    final Set<String> completed = new LinkedHashSet<>();
    /** forProvider, initProvider and atProvider with the mapping's older field names renamed to the current ones. */
    private final JsonNode forProvider;
    private final JsonNode initProvider;
    private final JsonNode atProvider;
    /** Current path -> the older path the MR wrote (forProvider or initProvider), to name fields as the user wrote them. */
    final Map<String, String> olderNames = new java.util.TreeMap<>();
    /** Set while a build of this slot runs ahead: its changes to slots are held back there (see {@link BuildLog}). */
    BuildLog log;
    /** This slot's targets built ahead, by target id, until the map stage's sequential pass takes them. */
    Map<String, BuildLog> ahead;
    /**
     * The MR only observes its resource and --observe-only none is set: it gets no ASO object, and what refers to it
     * refers to its ARM ID.
     */
    boolean noObject;

    Slot(Unit unit, ComposedResource resource, KindMapping mapping, String namespace, String baseName) {
        this.unit = unit;
        this.resource = resource;
        this.desired = resource.asManifest();
        this.observed = resource.observed();
        this.group = MappingCatalog.clusterGroup(desired.group());
        this.kind = desired.kind();
        this.mapping = mapping;
        // The live name is the real one; a rendered composed MR's name may have been made up by the compose stage.
        String live = observed != null ? observed.name() : "";
        this.mrName = !live.isEmpty() ? live : desired.name();
        this.namespace = namespace;
        this.baseName = baseName;
        List<OlderName> older = mapping == null ? List.of() : mapping.olderNames();
        JsonNode spec = desired.node().path("spec");
        JsonNode desiredFields = renamed(older, spec.path("forProvider"), "forProvider");
        JsonNode initFields = renamed(older, spec.path("initProvider"), "initProvider");
        this.atProvider = observed == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : OlderNames.apply(older, observed.node().path("status").path("atProvider")).tree();
        // initProvider is not desired state for ASO: each field takes Azure's live value, or is left out.
        InitProvider.Result init = InitProvider.resolve(desiredFields, initFields, atProvider);
        this.forProvider = init.forProvider();
        this.initProvider = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        initFindings(init);
    }

    private static final String INIT_WHY = "Crossplane sets initProvider fields only when it creates the resource and "
            + "never enforces them, while ASO enforces its whole spec";

    private void initFindings(InitProvider.Result init) {
        if (!init.live().isEmpty()) {
            findings.add(Finding.info("init-provider", INIT_WHY + ": these take Azure's live value (status.atProvider), "
                    + "so ASO keeps them as they are: initProvider." + String.join(", initProvider.", init.live()),
                    resource.origin(), subject()));
        }
        if (!init.omitted().isEmpty()) {
            String fields = "initProvider." + String.join(", initProvider.", init.omitted());
            findings.add(observed != null
                    ? Finding.info("init-provider", INIT_WHY + ": Azure reports no value for " + fields
                            + " (status.atProvider), so they are left out of the ASO spec", resource.origin(), subject())
                    : Finding.warning("init-provider", INIT_WHY + ": no live value is known for " + fields
                            + ", so they are left out of the ASO spec and ASO's PUT may reset them to the API default; "
                            + "run with --observed so that they take Azure's values", resource.origin(), subject()));
        }
        if (!init.overridden().isEmpty()) {
            findings.add(Finding.info("init-provider", "initProvider." + String.join(", initProvider.", init.overridden())
                    + " also set in forProvider: the forProvider value is used, as Crossplane does", resource.origin(), subject()));
        }
        if (!init.carried().isEmpty()) {
            findings.add(Finding.info("init-provider", "initProvider." + String.join(", initProvider.", init.carried())
                    + ": Secret references are carried as they are (Azure never reports a secret, and it is the Secret "
                    + "Crossplane used at creation)", resource.origin(), subject()));
        }
    }

    private JsonNode renamed(List<OlderName> older, JsonNode tree, String where) {
        OlderNames.Result r = OlderNames.apply(older, tree);
        for (Map.Entry<String, String> e : r.renamed().entrySet()) {
            if (olderNames.put(e.getKey(), e.getValue()) == null) {
                findings.add(Finding.info("older-field-name", where + "." + e.getValue() + " is the older field name of "
                        + e.getKey() + " (upbound/provider-azure, Terraform azurerm 3.x); it is mapped as " + e.getKey(),
                        resource.origin(), subject()));
            }
        }
        for (String p : r.problems()) {
            findings.add(Finding.warning("value-not-mapped", where + "." + p, resource.origin(), subject()));
        }
        return r.tree();
    }

    /** The path as the MR wrote it: a current path renamed from an older one is named by the older one. */
    String asWritten(String path) {
        for (Map.Entry<String, String> e : olderNames.entrySet()) {
            if (FieldPath.isUnder(path, e.getKey())) {
                return e.getValue() + path.substring(e.getKey().length());
            }
        }
        return path;
    }

    // Changes a build makes to slots go through these, so that a build made ahead can hold them back.

    void finding(Finding f) {
        change(() -> findings.add(f));
    }

    /** A path whose value was found only in status.atProvider (completed from Azure). */
    void complete(String path) {
        change(() -> completed.add(path));
    }

    void uncomplete(String path) {
        change(() -> completed.remove(path));
    }

    void unmap(String path) {
        change(() -> unmapped.add(path));
    }

    /** Target {@code id} of {@code slot} (this one or another) is referred to, so it must be built. */
    void activate(Slot slot, String id) {
        change(() -> slot.activeTargets.add(id));
    }

    private void change(Runnable r) {
        if (log != null) {
            log.add(r);
        } else {
            r.run();
        }
    }

    /** The MR's management policies, live ones first (what the handoff reads too); empty means the default "*". */
    List<String> managementPolicies() {
        JsonNode p = (observed != null ? observed.node() : desired.node()).path("spec").path("managementPolicies");
        List<String> out = new ArrayList<>();
        p.forEach(x -> out.add(x.asText()));
        return out;
    }

    String groupKind() {
        return group + "/" + kind;
    }

    JsonNode forProvider() {
        return forProvider;
    }

    JsonNode initProvider() {
        return initProvider;
    }

    JsonNode atProvider() {
        return atProvider;
    }

    /** Labels of the MR: the rendered ones, completed by the live object's. */
    Map<String, String> labels() {
        if (labels == null) {
            labels = readLabels();
        }
        return labels;
    }

    private Map<String, String> labels;

    private Map<String, String> readLabels() {
        Map<String, String> out = new LinkedHashMap<>();
        if (observed != null) {
            observed.node().path("metadata").path("labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        desired.node().path("metadata").path("labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** "group/Kind/name" of the source MR as written (namespaced group kept), for annotations and messages. */
    String sourceId() {
        String name = mrName.isEmpty() ? "" : "/" + (desired.namespace().isEmpty() ? "" : desired.namespace() + "/") + mrName;
        return desired.group() + "/" + kind + name;
    }

    /** Human subject for findings: the MR, or the unit's template when the MR has no name yet. */
    String subject() {
        if (!mrName.isEmpty()) {
            return kind + "/" + mrName;
        }
        return kind + " " + unit.id() + (resource.resourceName().isEmpty() ? "" : "/" + resource.resourceName());
    }

    String annotation(String key) {
        String v = desired.annotation(key);
        if (v.isEmpty() && observed != null) {
            v = observed.annotation(key);
        }
        return v;
    }
}
