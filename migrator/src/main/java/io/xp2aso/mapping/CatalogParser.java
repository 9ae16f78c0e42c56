package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.xp2aso.model.Severity;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one mapping file strictly: an unknown key, a wrong type or a bad value is an error naming file:line. */
final class CatalogParser {
    private static final Set<String> TOP = Set.of("source", "description", "targets", "mergeInto", "ignore", "olderNames",
            "armIdPath");
    private static final Set<String> OLDER = Set.of("from", "to", "values", "negate", "note");
    private static final Set<String> SOURCE = Set.of("group", "kind", "versions");
    private static final Set<String> TARGET = Set.of("id", "apiVersion", "kind", "versions", "nameSuffix", "when",
            "forEach", "azureName", "owner", "rules", "connectionSecret", "wholeLists");
    private static final Set<String> WHOLE_LIST = Set.of("path", "onlyWith", "unless", "note");
    private static final Set<String> UNLESS = Set.of("path", "equals");
    private static final Set<String> RULE = Set.of("from", "to", "const", "default", "pattern", "format", "values",
            "keepUnlisted", "negate", "multiply", "divide", "case", "joinList", "split", "type", "reference",
            "secretRef", "each", "fields", "append", "appendKey", "onlyIf", "entries", "via", "observedUnset", "subResource", "inItem", "note");
    private static final Set<String> IN_ITEM = Set.of("list", "key", "from");
    private static final Set<String> SUB_RESOURCE = Set.of("from", "kind", "armId", "path", "plain");
    private static final Set<String> REF = Set.of("from", "kind", "target", "armId", "armIdSuffix");
    private static final Set<String> AZURE_NAME = Set.of("from", "fixed", "nameFallback");
    private static final Set<String> IGNORE = Set.of("path", "reason", "severity");
    private static final Set<String> MERGE = Set.of("kind", "via", "target", "rules");
    private static final Set<String> CONNECTION = Set.of("key", "secret", "expression");
    private static final Set<String> CONDITION = Set.of("from", "equals", "default");
    private static final Set<String> ENTRIES = Set.of("key", "value");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final java.util.regex.Pattern PATH =
            java.util.regex.Pattern.compile("(\\.|[A-Za-z_@$][A-Za-z0-9_\\-@$]*(\\.[A-Za-z_@$][A-Za-z0-9_\\-@$]*)*)");

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^}]*)}");

    private final LocatedYaml doc;
    /** The first subResource of this file without `from` (a part of the MR's own resource), if any. */
    private JsonNode selfPart;

    private CatalogParser(LocatedYaml doc) {
        this.doc = doc;
    }

    static KindMapping parse(String file, String text) {
        LocatedYaml doc = LocatedYaml.parse(file, text);
        return new CatalogParser(doc).kindMapping(doc.root());
    }

    private KindMapping kindMapping(JsonNode n) {
        object(n, "a mapping file", TOP);
        JsonNode src = required(n, "source");
        object(src, "source", SOURCE);
        String group = text(required(src, "group"));
        if (group.contains(".m.") || group.startsWith("m.")) {
            throw error(src.get("group"), "give the cluster-scoped group; `" + group + "` (namespaced) matches it automatically");
        }
        String kind = text(required(src, "kind"));
        List<String> versions = src.has("versions") ? strings(src.get("versions")) : List.of();
        String description = n.has("description") ? text(n.get("description")) : "";
        List<TargetSpec> targets = new ArrayList<>();
        if (n.has("targets")) {
            Set<String> ids = new HashSet<>();
            for (JsonNode t : list(n.get("targets"))) {
                TargetSpec ts = target(t);
                if (!ids.add(ts.id())) {
                    throw error(t, "duplicate target id `" + ts.id() + "`");
                }
                targets.add(ts);
            }
        }
        MergeSpec merge = n.has("mergeInto") ? merge(n.get("mergeInto")) : null;
        if (targets.isEmpty() == (merge == null)) {
            throw error(n, "a mapping file has either `targets` or `mergeInto` (exactly one of them)");
        }
        for (TargetSpec t : targets) {
            if (t.owner() != null && t.owner().isLocal()) {
                String id = t.owner().target();
                if (targets.stream().noneMatch(o -> o.id().equals(id)) || id.equals(t.id())) {
                    throw new InputException(t.owner().origin(), "owner target `" + id + "` is not another target of this file");
                }
            }
        }
        List<IgnoreSpec> ignores = new ArrayList<>();
        if (n.has("ignore")) {
            for (JsonNode i : list(n.get("ignore"))) {
                object(i, "an ignore entry", IGNORE);
                String reason = text(required(i, "reason"));
                if (reason.isBlank()) {
                    throw error(i, "an ignored field needs a reason");
                }
                Severity sev = Severity.INFO;
                if (i.has("severity")) {
                    String s = text(i.get("severity"));
                    sev = switch (s) {
                        case "info" -> Severity.INFO;
                        case "warning" -> Severity.WARNING;
                        default -> throw error(i.get("severity"), "severity is `info` or `warning`, not `" + s + "`");
                    };
                }
                ignores.add(new IgnoreSpec(path(required(i, "path")), reason, sev, doc.origin(i)));
            }
        }
        List<OlderName> older = n.has("olderNames") ? olderNames(n.get("olderNames")) : List.of();
        String armIdPath = n.has("armIdPath") ? armIdPath(n.get("armIdPath"), targets, merge) : "";
        if (armIdPath.isEmpty() && selfPart != null) {
            throw error(selfPart, "a subResource without `from` is a part of this MR's own resource, whose ARM ID "
                    + "the file's `armIdPath` gives; add it");
        }
        return new KindMapping(group, kind, versions, description, targets, merge, ignores, older, armIdPath, doc.origin(n));
    }

    /**
     * `armIdPath`: absolute (/subscriptions/{subscription}/...) or appended to the parent's ARM ID, which needs a
     * parent: the merge target, or the primary target's owner field.
     */
    private String armIdPath(JsonNode n, List<TargetSpec> targets, MergeSpec merge) {
        String path = text(n);
        if (!path.startsWith("/") || !path.contains("{azureName}")) {
            throw error(n, "armIdPath is a path starting with `/` that names {azureName} (e.g. /probes/{azureName})");
        }
        java.util.regex.Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) {
            if (!m.group(1).equals("azureName") && !m.group(1).equals("subscription")) {
                throw error(n, "armIdPath names only {azureName} and {subscription}, not {" + m.group(1) + "}");
            }
        }
        boolean parent = merge != null || (!targets.isEmpty() && targets.get(0).owner() != null
                && !targets.get(0).owner().isLocal() && !targets.get(0).owner().anyKind());
        if (!ArmId.looksLike(path) && !parent) {
            throw error(n, "a relative armIdPath is appended to the parent's ARM ID: it needs `mergeInto` or an owner "
                    + "field of the first target (else start it with /subscriptions/{subscription})");
        }
        return path;
    }

    private List<OlderName> olderNames(JsonNode n) {
        List<OlderName> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode o : list(n)) {
            object(o, "an olderNames entry", OLDER);
            String from = path(required(o, "from"));
            String to = path(required(o, "to"));
            if (from.equals(to) || from.equals(".") || to.equals(".")) {
                throw error(o, "an older name maps an old forProvider path to a different current one");
            }
            if (!seen.add(from)) {
                throw error(o, "older name `" + from + "` is listed twice");
            }
            Map<String, JsonNode> values = o.has("values") ? valueMap(o.get("values")) : null;
            boolean negate = o.has("negate") && bool(o.get("negate"));
            if (values != null && negate) {
                throw error(o, "an older name has `values` or `negate`, not both");
            }
            out.add(new OlderName(from, to, values, negate, doc.origin(o)));
        }
        return out;
    }

    private Map<String, JsonNode> valueMap(JsonNode v) {
        if (!v.isObject() || v.isEmpty()) {
            throw error(v, "`values` is a non-empty map from source value to ASO value");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue());
        }
        return values;
    }

    private TargetSpec target(JsonNode t) {
        object(t, "a target", TARGET);
        String id = text(required(t, "id"));
        if (!ID.matcher(id).matches()) {
            throw error(t.get("id"), "target id must be letters and digits, starting with a letter");
        }
        String apiVersion = text(required(t, "apiVersion"));
        if (!apiVersion.matches("[a-z0-9.\\-]+\\.azure\\.com/v[0-9a-z]+")) {
            throw error(t.get("apiVersion"), "apiVersion must be an ASO `<group>.azure.com/<version>`, not `" + apiVersion + "`");
        }
        String kind = text(required(t, "kind"));
        List<String> versions = t.has("versions") ? strings(t.get("versions")) : List.of();
        String suffix = t.has("nameSuffix") ? text(t.get("nameSuffix")) : "";
        if (!suffix.matches("[a-z0-9\\-]*")) {
            throw error(t.get("nameSuffix"), "nameSuffix must be lower-case letters, digits and '-'");
        }
        String when = t.has("when") ? path(t.get("when")) : "";
        String forEach = t.has("forEach") ? path(t.get("forEach")) : "";
        AzureNameSpec azureName = t.has("azureName") ? azureName(t.get("azureName")) : AzureNameSpec.EXTERNAL_NAME;
        RefSpec owner = t.has("owner") ? ref(t.get("owner"), true) : null;
        List<RuleSpec> rules = t.has("rules") ? rules(t.get("rules"), false) : List.of();
        List<ConnectionKey> keys = new ArrayList<>();
        if (t.has("connectionSecret")) {
            for (JsonNode c : list(t.get("connectionSecret"))) {
                object(c, "a connectionSecret entry", CONNECTION);
                String secret = c.has("secret") ? text(c.get("secret")) : "";
                String expr = c.has("expression") ? text(c.get("expression")) : "";
                if (secret.isEmpty() == expr.isEmpty()) {
                    throw error(c, "a connectionSecret entry has either `secret` or `expression`");
                }
                keys.add(new ConnectionKey(text(required(c, "key")), secret, expr));
            }
        }
        List<WholeListSpec> wholeLists = t.has("wholeLists") ? wholeLists(t.get("wholeLists")) : List.of();
        if (!wholeLists.isEmpty() && !forEach.isEmpty()) {
            throw error(t.get("wholeLists"), "wholeLists is for targets made once per MR, not per forEach item");
        }
        return new TargetSpec(id, apiVersion, kind, versions, suffix, when, forEach, azureName, owner, rules, keys,
                wholeLists, doc.origin(t));
    }

    private List<WholeListSpec> wholeLists(JsonNode n) {
        List<WholeListSpec> out = new ArrayList<>();
        for (JsonNode w : list(n)) {
            object(w, "a wholeLists entry", WHOLE_LIST);
            String p = path(required(w, "path"));
            String onlyWith = w.has("onlyWith") ? path(w.get("onlyWith")) : "";
            if (!onlyWith.isEmpty() && !FieldPath.isInside(p, onlyWith)) {
                throw error(w.get("onlyWith"), "onlyWith names an object the list `" + p + "` is part of");
            }
            String unlessPath = "";
            JsonNode unlessEquals = null;
            if (w.has("unless")) {
                JsonNode u = w.get("unless");
                object(u, "unless", UNLESS);
                unlessPath = path(required(u, "path"));
                unlessEquals = required(u, "equals");
                if (!unlessEquals.isValueNode()) {
                    throw error(unlessEquals, "unless.equals is a scalar value");
                }
            }
            out.add(new WholeListSpec(p, onlyWith, unlessPath, unlessEquals, doc.origin(w)));
        }
        return out;
    }

    private AzureNameSpec azureName(JsonNode n) {
        object(n, "azureName", AZURE_NAME);
        String from = n.has("from") ? path(n.get("from")) : "";
        String fixed = n.has("fixed") ? text(n.get("fixed")) : "";
        if (!from.isEmpty() && !fixed.isEmpty()) {
            throw error(n, "azureName has `from` or `fixed`, not both");
        }
        boolean fallback = !n.has("nameFallback") || bool(n.get("nameFallback"));
        return new AzureNameSpec(from, fixed, fallback);
    }

    private MergeSpec merge(JsonNode n) {
        object(n, "mergeInto", MERGE);
        ObjectRef via = new ObjectRef(required(n, "via"));
        String kind = text(required(n, "kind"));
        checkKind(n.get("kind"), kind, false);
        String target = n.has("target") ? text(n.get("target")) : "";
        RefSpec ref = new RefSpec(via.paths, kind, target, "", "", doc.origin(n));
        return new MergeSpec(ref, rules(required(n, "rules"), false), doc.origin(n));
    }

    /** `via`/`from` of a reference: a path or a list of paths. */
    private final class ObjectRef {
        final List<String> paths = new ArrayList<>();

        ObjectRef(JsonNode n) {
            if (n.isArray()) {
                for (JsonNode p : n) {
                    paths.add(path(p));
                }
            } else {
                paths.add(path(n));
            }
            if (paths.isEmpty()) {
                throw error(n, "at least one field path is needed");
            }
        }
    }

    private RefSpec ref(JsonNode n, boolean owner) {
        if (n.isTextual()) {
            throw error(n, "a reference is an object: {from: FIELD, kind: GROUP/KIND}" + (owner ? " or {target: ID}" : ""));
        }
        object(n, owner ? "owner" : "reference", REF);
        List<String> from = n.has("from") ? new ObjectRef(n.get("from")).paths : List.of();
        String kind = n.has("kind") ? text(n.get("kind")) : "";
        String target = n.has("target") ? text(n.get("target")) : "";
        if (from.isEmpty()) {
            if (!owner) {
                throw error(n, "a reference rule reads the rule's own `from`; give `kind`");
            }
            if (target.isEmpty() || !kind.isEmpty()) {
                throw error(n, "an owner is {from: FIELD, kind: GROUP/KIND} or {target: ID} (another target of this file)");
            }
        } else {
            checkKind(n.get("kind"), kind, true);
        }
        return new RefSpec(from, kind, target, n.has("armId") ? text(n.get("armId")) : "",
                n.has("armIdSuffix") ? text(n.get("armIdSuffix")) : "", doc.origin(n));
    }

    private void checkKind(JsonNode at, String kind, boolean anyAllowed) {
        if (kind.isEmpty()) {
            throw error(at, "`kind` (GROUP/KIND of the referenced upjet MR) is required");
        }
        if (kind.equals("*") && anyAllowed) {
            return;
        }
        if (!kind.matches("[a-z0-9.\\-]+\\.upbound\\.io/[A-Z][A-Za-z0-9]*") || kind.contains(".m.")) {
            throw error(at, "`kind` must be a cluster-scoped upjet GROUP/Kind (e.g. azure.upbound.io/ResourceGroup), not `" + kind + "`");
        }
    }

    private List<RuleSpec> rules(JsonNode n, boolean nested) {
        List<RuleSpec> out = new ArrayList<>();
        for (JsonNode r : list(n)) {
            out.add(rule(r, nested));
        }
        return out;
    }

    private RuleSpec rule(JsonNode r, boolean nested) {
        object(r, "a rule", RULE);
        List<String> from = r.has("from") ? new ObjectRef(r.get("from")).paths : List.of();
        String to = r.has("to") ? path(r.get("to")) : "";
        if (to.equals(".")) {
            to = "";
        }
        if (from.size() == 1 && from.get(0).equals(".")) {
            from = List.of("");
        }
        if (!nested && to.isEmpty()) {
            throw error(r, "a rule needs `to` (a path below the ASO object's spec)");
        }
        JsonNode constValue = r.get("const");
        if (constValue != null && !from.isEmpty()) {
            throw error(r, "a rule has `from` or `const`, not both");
        }
        boolean hasEach = r.has("each");
        boolean hasFields = r.has("fields");
        boolean computed = from.isEmpty() && constValue == null && r.has("format");
        if (constValue == null && from.isEmpty() && !nested && !hasFields && !computed) {
            throw error(r, "a rule needs `from` (source field path), `const` or a `format` of {azureName}/{subscription}");
        }
        Pattern pattern = null;
        if (r.has("pattern")) {
            try {
                pattern = Pattern.compile(text(r.get("pattern")));
            } catch (PatternSyntaxException e) {
                throw error(r.get("pattern"), "bad pattern (RE2 syntax): " + e.getMessage());
            }
        }
        String format = r.has("format") ? text(r.get("format")) : null;
        if (from.size() > 1 && format == null) {
            throw error(r, "several `from` paths are joined by a `format` such as '{0}_{1}'");
        }
        Map<String, JsonNode> values = r.has("values") ? valueMap(r.get("values")) : null;
        String textCase = r.has("case") ? text(r.get("case")) : null;
        if (textCase != null && !textCase.equals("lower") && !textCase.equals("upper")) {
            throw error(r.get("case"), "case is `lower` or `upper`");
        }
        String type = r.has("type") ? text(r.get("type")) : null;
        if (type != null && !TYPES.contains(type)) {
            throw error(r.get("type"), "type is one of " + TYPES);
        }
        RefSpec reference = null;
        if (r.has("reference")) {
            JsonNode ref = r.get("reference");
            if (ref.isObject() && ref.has("from")) {
                throw error(ref, "a reference rule reads the rule's own `from`; remove `from` here");
            }
            object(ref, "reference", REF);
            String kind = ref.has("kind") ? text(ref.get("kind")) : "";
            checkKind(ref.get("kind"), kind, true);
            if (from.isEmpty()) {
                throw error(r, "a reference rule needs `from` (the field holding the name or ARM ID)");
            }
            reference = new RefSpec(from, kind, ref.has("target") ? text(ref.get("target")) : "",
                    ref.has("armId") ? text(ref.get("armId")) : "",
                    ref.has("armIdSuffix") ? text(ref.get("armIdSuffix")) : "", doc.origin(ref));
        }
        RefSpec via = null;
        if (r.has("via")) {
            JsonNode v = r.get("via");
            if (!v.isObject() || !v.has("from")) {
                throw error(v, "`via` is {from: FIELD, kind: GROUP/KIND}: the MR whose fields this rule reads");
            }
            via = ref(v, false);
            if (via.anyKind()) {
                throw error(v, "`via` names one upjet kind, not `*`");
            }
            if (from.isEmpty()) {
                throw error(r, "a `via` rule needs `from` (the field to read in the referenced MR)");
            }
            if (reference != null || r.has("secretRef") || hasEach || hasFields || r.has("onlyIf")) {
                throw error(v, "`via` reads plain values: it does not combine with reference, secretRef, each, fields or onlyIf");
            }
        }
        SubResourceSpec subResource = r.has("subResource") ? subResource(r, from, reference, via, hasFields) : null;
        boolean secretRef = r.has("secretRef") && bool(r.get("secretRef"));
        if (secretRef && from.size() != 1) {
            throw error(r, "a secretRef rule reads one `from` field (a Crossplane SecretKeySelector)");
        }
        if (hasEach && hasFields) {
            throw error(r, "a rule has `each` (per list item) or `fields` (one object), not both");
        }
        List<RuleSpec> each = hasEach ? rules(r.get("each"), true) : null;
        List<RuleSpec> fields = hasFields ? rules(r.get("fields"), true) : null;
        if (fields != null && to.isEmpty() && !nested) {
            throw error(r, "`fields` builds the object at `to`; give `to`");
        }
        if (r.has("appendKey") && !(r.has("append") && bool(r.get("append")))) {
            throw error(r.get("appendKey"), "`appendKey` needs `append: true`");
        }
        BigDecimal multiply = r.has("multiply") ? number(r.get("multiply")) : null;
        BigDecimal divide = r.has("divide") ? number(r.get("divide")) : null;
        if (divide != null && divide.signum() == 0) {
            throw error(r.get("divide"), "cannot divide by zero");
        }
        return new RuleSpec(from, to, constValue, r.get("default"), pattern, format, values,
                r.has("keepUnlisted") && bool(r.get("keepUnlisted")), r.has("negate") && bool(r.get("negate")),
                multiply, divide, textCase, r.has("joinList") ? text(r.get("joinList")) : null,
                r.has("split") ? text(r.get("split")) : null, type, reference, secretRef, each, fields,
                r.has("append") && bool(r.get("append")),
                r.has("appendKey") ? strings(r.get("appendKey")) : List.of(),
                r.has("onlyIf") ? condition(r.get("onlyIf")) : null,
                r.has("entries") ? entries(r.get("entries")) : null, via, observedUnset(r), subResource,
                r.has("inItem") ? inItem(r.get("inItem"), to) : null, doc.origin(r));
    }

    /** `inItem: {list, key, from}`: write below the items of `list` whose `key` is the MR's `from` value (all without). */
    private ItemSpec inItem(JsonNode n, String to) {
        object(n, "inItem", IN_ITEM);
        String list = path(required(n, "list"));
        if (n.has("from") != n.has("key")) {
            throw error(n, "inItem selects items by `key` (their field) equal to `from` (the MR's field): give both, or "
                    + "neither for every item");
        }
        if (to.isEmpty()) {
            throw error(n, "an inItem rule writes to `to` below the item; give `to`");
        }
        return new ItemSpec(list, n.has("key") ? path(n.get("key")) : "", n.has("from") ? path(n.get("from")) : "",
                doc.origin(n));
    }

    /** `subResource: {from, kind, armId, path}`: the value names a part of the resource `from` names. */
    private SubResourceSpec subResource(JsonNode r, List<String> from, RefSpec reference, RefSpec via, boolean hasFields) {
        JsonNode n = r.get("subResource");
        if (!n.isObject() || !n.has("path") || n.has("from") != n.has("kind")) {
            throw error(n, "`subResource` is {from: FIELD, kind: GROUP/KIND, path: /children/{value}}: the field naming "
                    + "the resource the value is a part of, and the part's path below that resource's ARM ID (without "
                    + "`from` and `kind`: a part of this MR's own resource)");
        }
        object(n, "subResource", SUB_RESOURCE);
        if (from.size() > 1 || reference != null || via != null || hasFields || r.has("secretRef") || r.has("const")) {
            throw error(n, "`subResource` reads one `from` value: it does not combine with reference, via, fields, secretRef or const");
        }
        String path = text(n.get("path"));
        if (!path.startsWith("/") || !path.contains("{value}")) {
            throw error(n.get("path"), "the path of a subResource starts with `/` and names {value} (e.g. /frontendIPConfigurations/{value})");
        }
        boolean plain = n.has("plain") && bool(n.get("plain"));
        if (!n.has("from")) {
            selfPart = selfPart == null ? n : selfPart;
            return new SubResourceSpec(null, path, plain, doc.origin(n));
        }
        List<String> parent = new ObjectRef(n.get("from")).paths;
        String kind = text(n.get("kind"));
        checkKind(n.get("kind"), kind, false);
        return new SubResourceSpec(new RefSpec(parent, kind, "", n.has("armId") ? text(n.get("armId")) : "", "",
                doc.origin(n)), path, plain, doc.origin(n));
    }

    /** `observedUnset: [0, ""]`: scalar values that, read from status.atProvider, mean "not set in Azure". */
    private List<String> observedUnset(JsonNode r) {
        JsonNode n = r.get("observedUnset");
        if (n == null) {
            return List.of();
        }
        if (!n.isArray() || n.isEmpty()) {
            throw error(n, "`observedUnset` is a list of values (e.g. [0]) that status.atProvider shows for an unset field");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isValueNode() || v.isNull()) {
                throw error(v, "`observedUnset` lists scalar values");
            }
            out.add(v.asText());
        }
        if (r.has("const") || r.has("reference") || r.has("secretRef") || r.has("each") || r.has("fields")) {
            throw error(n, "`observedUnset` applies to plain values read with `from`");
        }
        return out;
    }

    private MapEntries entries(JsonNode n) {
        object(n, "entries", ENTRIES);
        String key = text(required(n, "key"));
        String value = text(required(n, "value"));
        if (!ID.matcher(key).matches() || !ID.matcher(value).matches() || key.equals(value)) {
            throw error(n, "entries names two different fields (letters and digits) for the key and the value");
        }
        return new MapEntries(key, value);
    }

    private RuleCondition condition(JsonNode n) {
        object(n, "onlyIf", CONDITION);
        JsonNode equals = required(n, "equals");
        JsonNode dflt = n.get("default");
        if (!equals.isValueNode() || (dflt != null && !dflt.isValueNode())) {
            throw error(n, "onlyIf compares one value: `equals` (and `default`) must be a string, number or boolean");
        }
        return new RuleCondition(path(required(n, "from")), equals, dflt);
    }

    // --- small typed readers that fail with file:line ---

    private void object(JsonNode n, String what, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            throw error(n, what + " must be a map");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InputException(doc.keyOrigin(n, k), "unknown key `" + k + "` in " + what + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private JsonNode required(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw error(n, "missing `" + key + "`");
        }
        return v;
    }

    private List<JsonNode> list(JsonNode n) {
        if (!n.isArray()) {
            throw error(n, "expected a list");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private String text(JsonNode n) {
        if (!n.isTextual()) {
            throw error(n, "expected a string, got `" + n + "`");
        }
        return n.asText();
    }

    private List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : list(n)) {
            out.add(text(s));
        }
        return out;
    }

    private boolean bool(JsonNode n) {
        if (!n.isBoolean()) {
            throw error(n, "expected true or false");
        }
        return n.asBoolean();
    }

    private BigDecimal number(JsonNode n) {
        if (!n.isNumber()) {
            throw error(n, "expected a number");
        }
        return n.decimalValue();
    }

    private String path(JsonNode n) {
        String p = text(n);
        if (!PATH.matcher(p).matches()) {
            throw error(n, "bad field path `" + p + "` (dotted field names, e.g. networkRules.defaultAction)");
        }
        return p;
    }

    private InputException error(JsonNode at, String message) {
        Origin o = doc.origin(at);
        if (o.line() == 0) {
            o = lineOfValue(doc.root(), at);
        }
        return new InputException(o, message);
    }

    /** Scalars are not located by identity (Jackson shares them); find the key that holds this very node. */
    private Origin lineOfValue(JsonNode parent, JsonNode at) {
        if (parent == null || at == null) {
            return new Origin(doc.file(), 0);
        }
        if (parent.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = parent.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() == at) {
                    return doc.keyOrigin(parent, e.getKey());
                }
                Origin o = lineOfValue(e.getValue(), at);
                if (o.line() > 0) {
                    return o;
                }
            }
        } else if (parent.isArray()) {
            for (JsonNode c : parent) {
                if (c == at) {
                    return doc.origin(parent);
                }
                Origin o = lineOfValue(c, at);
                if (o.line() > 0) {
                    return o;
                }
            }
        }
        return new Origin(doc.file(), 0);
    }
}
