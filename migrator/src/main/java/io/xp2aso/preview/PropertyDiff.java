package io.xp2aso.preview;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What ASO's first PUT of a spec would change on a resource whose current state is {@code live}. ASO adopts by PUT
 * of the whole spec, so: every object is compared key by key, and live keys the spec leaves out are sent absent;
 * every map (tags) is replaced as a whole, so added, removed and changed keys are listed; lists are sent whole, so
 * they are compared item by item. Values compare exactly (case matters: `PROD` -> `prod` is a change) except where
 * Azure itself ignores case, each named below. Used live (the spec against the status ASO read in skip mode) by the
 * handoff and statically (the spec against the MR's status.atProvider mapped the same way) by migrate.
 */
public final class PropertyDiff {
    /** How the live side is shaped. */
    public enum Shape {
        /** An ASO status: a reference {@code x: {reference: R}} reads back as {@code x: {id}}, {@code fooReference} as {@code fooId}. */
        STATUS,
        /** An ASO spec (the observed state mapped like the desired one): references on both sides. */
        SPEC
    }

    /** Spec fields that are not Azure properties: ownership, naming, what ASO exports to Kubernetes, storage bookkeeping. */
    private static final Set<String> NOT_PROPERTIES = Set.of("owner", "azureName", "operatorSpec", "originalVersion");
    /** Status fields no spec can set; skipped when a live key is missing from the spec and no schema says more. */
    private static final Set<String> READ_ONLY = Set.of("conditions", "id", "name", "type", "provisioningState", "etag",
            "systemData", "resourceGuid");
    /** Fields Azure compares without case (and spaces): ARM normalises region names, "West Europe" = westeurope. */
    private static final Set<String> CASE_INSENSITIVE_FIELDS = Set.of("location");
    /** Map-typed fields known without a schema (with one, any object with additionalProperties and no properties). */
    private static final Set<String> MAP_FIELDS = Set.of("tags");

    private final Shape shape;
    private final Function<JsonNode, Optional<String>> references;
    private final List<PropertyChange> out = new ArrayList<>();

    private PropertyDiff(Shape shape, Function<JsonNode, Optional<String>> references) {
        this.shape = shape;
        this.references = references;
    }

    /**
     * @param spec         the ASO spec that will be PUT
     * @param live         the current state (status or observed spec, see {@code shape}); null or missing: nothing known
     * @param specSchema   the CRD's openAPI schema of spec, or null
     * @param statusSchema the CRD's openAPI schema of status, or null (with it, a spec field status lacks is write-only)
     * @param references   a ResourceReference ({armId} or {group, kind, name}) to its ARM ID, when known
     */
    public static List<PropertyChange> compare(JsonNode spec, JsonNode live, JsonNode specSchema, JsonNode statusSchema,
                                               Shape shape, Function<JsonNode, Optional<String>> references) {
        PropertyDiff d = new PropertyDiff(shape, references);
        d.object("", spec, live == null || live.isMissingNode() || live.isNull() ? null : live, specSchema, statusSchema, true);
        return List.copyOf(d.out);
    }

    public static List<String> lines(List<PropertyChange> changes) {
        return changes.stream().map(PropertyChange::line).toList();
    }

    private void object(String path, JsonNode spec, JsonNode live, JsonNode schema, JsonNode liveSchema, boolean top) {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode want = e.getValue();
            if (top && NOT_PROPERTIES.contains(key) || key.startsWith("$") || want.isNull()) {
                continue;
            }
            String p = PropertyChange.child(path, key, false);
            JsonNode propSchema = prop(schema, key);
            if (isSecretRef(want) || key.endsWith("FromConfig")) {
                String from = key.endsWith("FromConfig") ? "ConfigMap" : "Secret";
                out.add(new PropertyChange(p, PropertyChange.Kind.WRITE, "will be written: " + p + " from " + from + " "
                        + want.path("name").asText() + " key " + want.path("key").asText()
                        + " (Azure never returns it, so its current value cannot be compared)"));
                continue;
            }
            if (isReferenceKey(key)) {
                reference(path, key, want, live);
                continue;
            }
            JsonNode have = live == null ? null : live.get(key);
            if ((have == null || have.isNull()) && want.isObject() && !isMap(key, propSchema) && !want.isEmpty()) {
                // Nothing live: each leaf is set, and references and secrets inside are named as such.
                object(p, want, null, propSchema, prop(liveSchema, key), false);
            } else if (have == null || have.isNull()) {
                absent(p, key, want, liveSchema);
            } else if (isMap(key, propSchema) && want.isObject() && have.isObject()) {
                map(p, want, have);
            } else {
                value(p, key, want, have, propSchema, prop(liveSchema, key));
            }
        }
        if (live != null && live.isObject()) {
            omitted(path, spec, live, schema, top);
        }
    }

    private void value(String p, String key, JsonNode want, JsonNode have, JsonNode schema, JsonNode liveSchema) {
        if (want.isObject() && have.isObject()) {
            object(p, want, have, schema, liveSchema, false);
        } else if (want.isArray() && have.isArray()) {
            JsonNode items = schema == null ? null : schema.get("items");
            JsonNode liveItems = liveSchema == null ? null : liveSchema.get("items");
            for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
                String ip = PropertyChange.item(p, i);
                if (i >= have.size()) {
                    out.add(new PropertyChange(ip, PropertyChange.Kind.ADD, "add " + ip + " = " + show(want.get(i))));
                } else if (i >= want.size()) {
                    out.add(new PropertyChange(ip, PropertyChange.Kind.REMOVE, "remove " + ip + " (live "
                            + show(have.get(i)) + "): the PUT drops it"));
                } else {
                    value(ip, key, want.get(i), have.get(i), items, liveItems);
                }
            }
        } else if (!sameScalar(key, want, have)) {
            out.add(new PropertyChange(p, PropertyChange.Kind.CHANGE, "change " + p + ": live " + show(have) + ", the PUT sends " + show(want)));
        }
    }

    /** A map is PUT whole: keys only Azure has are dropped. Keys and values compare exactly. */
    private void map(String p, JsonNode want, JsonNode have) {
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String kp = PropertyChange.child(p, e.getKey(), true);
            JsonNode h = have.get(e.getKey());
            if (h == null) {
                out.add(new PropertyChange(kp, PropertyChange.Kind.ADD, "add " + kp + " = " + show(e.getValue())));
            } else if (!h.equals(e.getValue())) {
                out.add(new PropertyChange(kp, PropertyChange.Kind.CHANGE, "change " + kp + ": live " + show(h) + ", the PUT sends "
                        + show(e.getValue())));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = have.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!want.has(e.getKey())) {
                String kp = PropertyChange.child(p, e.getKey(), true);
                out.add(new PropertyChange(kp, PropertyChange.Kind.REMOVE, "remove " + kp + " (live " + show(e.getValue())
                        + "): the PUT replaces the whole map"));
            }
        }
    }

    private void absent(String p, String key, JsonNode want, JsonNode liveSchema) {
        boolean writeOnly = shape == Shape.STATUS && liveSchema != null && liveSchema.has("properties")
                && !liveSchema.path("properties").has(key);
        if (writeOnly) {
            out.add(new PropertyChange(p, PropertyChange.Kind.WRITE, "will be written: " + p + " = " + show(want)
                    + " (write-only: Azure never returns it, so its current value cannot be compared)"));
        } else {
            out.add(new PropertyChange(p, PropertyChange.Kind.SET, "set " + p + " = " + show(want)
                    + " (Azure does not report it now)"));
        }
    }

    /** Live keys the spec leaves out. Live from a status needs the spec schema to tell settable from read-only. */
    private void omitted(String path, JsonNode spec, JsonNode live, JsonNode schema, boolean top) {
        if (shape == Shape.STATUS && schema == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = live.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (top && (READ_ONLY.contains(key) || NOT_PROPERTIES.contains(key)) || key.startsWith("$")
                    || e.getValue().isNull() || spec.has(key) || spec.has(specKeyOf(key))) {
                continue;
            }
            if (shape == Shape.STATUS && !schema.path("properties").has(key)) {
                continue;
            }
            String p = PropertyChange.child(path, key, false);
            out.add(new PropertyChange(p, PropertyChange.Kind.OMIT, "omit " + p + " (live " + show(e.getValue())
                    + "): the PUT sends it absent; Azure may reset it"));
        }
    }

    // ---- references ----

    private boolean isReferenceKey(String key) {
        return key.equals("reference") || key.endsWith("Reference") || key.endsWith("References");
    }

    /** The status key a spec reference reads back as; the key itself for the spec shape. */
    private String liveKeyOf(String key) {
        if (shape == Shape.SPEC) {
            return key;
        }
        if (key.equals("reference")) {
            return "id";
        }
        if (key.endsWith("References")) {
            return key.substring(0, key.length() - "References".length()) + "Ids";
        }
        return key.substring(0, key.length() - "Reference".length()) + "Id";
    }

    /** The spec key a status key stands for (fooId -> fooReference), so an omitted-check does not list it twice. */
    private String specKeyOf(String liveKey) {
        if (shape == Shape.SPEC) {
            return liveKey;
        }
        if (liveKey.equals("id")) {
            return "reference";
        }
        if (liveKey.endsWith("Ids") || liveKey.endsWith("IDs")) {
            return liveKey.substring(0, liveKey.length() - 3) + "References";
        }
        return liveKey.endsWith("Id") || liveKey.endsWith("ID") ? liveKey.substring(0, liveKey.length() - 2) + "Reference"
                : liveKey;
    }

    private void reference(String path, String key, JsonNode want, JsonNode live) {
        String p = PropertyChange.child(path, key, false);
        JsonNode have = live == null ? null : live.get(liveKeyOf(key));
        if (have == null && live != null && shape == Shape.STATUS && !key.equals("reference")) {
            // ARM spells some IDs in capitals (an AKS agent pool's vnetSubnetID); the status keeps ARM's name.
            have = live.get(liveKeyOf(key).replaceAll("Ids?$", key.endsWith("References") ? "IDs" : "ID"));
        }
        if (want.isArray()) {
            for (int i = 0; i < Math.max(want.size(), have != null && have.isArray() ? have.size() : 0); i++) {
                JsonNode h = have != null && have.isArray() && i < have.size() ? have.get(i) : null;
                JsonNode w = i < want.size() ? want.get(i) : null;
                String ip = PropertyChange.item(p, i);
                if (w == null) {
                    out.add(new PropertyChange(ip, PropertyChange.Kind.REMOVE, "remove " + ip + " (live "
                            + liveId(h).orElse(show(h)) + "): the PUT drops it"));
                } else {
                    oneReference(ip, w, h);
                }
            }
            return;
        }
        oneReference(p, want, have);
    }

    private void oneReference(String p, JsonNode want, JsonNode have) {
        if (shape == Shape.SPEC && want.equals(have)) {
            return;
        }
        Optional<String> target = references.apply(want);
        Optional<String> current = liveId(have);
        String shown = target.orElse(describeRef(want) + " (its ARM ID is not known yet)");
        if (current.isEmpty()) {
            out.add(new PropertyChange(p, PropertyChange.Kind.SET, "set " + p + " = " + shown + " (Azure does not report it now)"));
        } else if (target.isEmpty() || !target.get().equalsIgnoreCase(current.get())) {
            // ARM IDs are case-insensitive: only a different resource is a change.
            out.add(new PropertyChange(p, PropertyChange.Kind.CHANGE, "change " + p + ": live " + current.get() + ", the PUT sends " + shown));
        }
    }

    /** The ARM ID on the live side: a status ID text, or (spec shape) a reference resolved like the desired one. */
    private Optional<String> liveId(JsonNode have) {
        if (have == null || have.isNull() || have.isMissingNode()) {
            return Optional.empty();
        }
        if (have.isTextual()) {
            return Optional.of(have.asText());
        }
        return references.apply(have);
    }

    private static String describeRef(JsonNode ref) {
        if (ref.hasNonNull("armId")) {
            return ref.path("armId").asText();
        }
        return "the " + ref.path("kind").asText() + " " + ref.path("name").asText()
                + (ref.path("group").asText().isEmpty() ? "" : " (" + ref.path("group").asText() + ")");
    }

    /** A ResourceReference's ARM ID when it names one directly. */
    public static Optional<String> directArmId(JsonNode ref) {
        return ref.hasNonNull("armId") ? Optional.of(ref.path("armId").asText()) : Optional.empty();
    }

    // ---- values ----

    private static boolean isSecretRef(JsonNode v) {
        return v.isObject() && v.size() == 2 && v.path("name").isTextual() && v.path("key").isTextual();
    }

    private static boolean isMap(String key, JsonNode schema) {
        if (schema != null && schema.isObject()) {
            return schema.has("additionalProperties") && !schema.has("properties");
        }
        return MAP_FIELDS.contains(key);
    }

    private static JsonNode prop(JsonNode schema, String key) {
        if (schema == null) {
            return null;
        }
        JsonNode p = schema.path("properties").get(key);
        return p == null || p.isMissingNode() ? null : p;
    }

    private static boolean sameScalar(String key, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            return a.equals(b);
        }
        String x = a.asText();
        String y = b.asText();
        if (CASE_INSENSITIVE_FIELDS.contains(key)) {
            return squash(x).equals(squash(y));
        }
        if (isArmId(x) && isArmId(y)) {
            // ARM resource IDs are case-insensitive everywhere in Azure.
            return x.equalsIgnoreCase(y);
        }
        return x.equals(y);
    }

    public static boolean isArmId(String s) {
        return s.toLowerCase(Locale.ROOT).startsWith("/subscriptions/");
    }

    private static String squash(String s) {
        return s.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String show(JsonNode n) {
        return n == null ? "null" : n.toString();
    }
}
