package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** Runs the rules of a mapping file against one MR (or one list element) and writes the ASO spec. */
final class RuleRunner {
    private static final String SELF = "\u0000self";

    private final Slot slot;
    private final RefResolver resolver;

    RuleRunner(Slot slot, RefResolver resolver) {
        this.slot = slot;
        this.resolver = resolver;
    }

    /** Where rules read from: the MR (forProvider, initProvider, then the observed atProvider) or a list element. */
    interface Source {
        JsonNode read(String path);

        JsonNode readDesired(String path);

        String abs(String path);
    }

    /** The MR itself. Values found only in status.atProvider are recorded as completed from Azure. */
    Source top() {
        return new Source() {
            @Override
            public JsonNode read(String path) {
                JsonNode v = readDesired(path);
                if (v == null) {
                    v = FieldPath.read(slot.atProvider(), path);
                    if (v != null) {
                        slot.complete(path);
                    }
                }
                return v;
            }

            @Override
            public JsonNode readDesired(String path) {
                JsonNode v = FieldPath.read(slot.forProvider(), path);
                return v != null ? v : FieldPath.read(slot.initProvider(), path);
            }

            @Override
            public String abs(String path) {
                return path;
            }
        };
    }

    static Source element(JsonNode element, String prefix) {
        return new Source() {
            @Override
            public JsonNode read(String path) {
                return FieldPath.read(element, path);
            }

            @Override
            public JsonNode readDesired(String path) {
                return read(path);
            }

            @Override
            public String abs(String path) {
                return FieldPath.join(prefix, path);
            }
        };
    }

    void run(List<RuleSpec> rules, Source src, ObjectNode out) {
        for (RuleSpec r : rules) {
            try {
                run(r, src, out);
            } catch (Transforms.Failure | FieldPath.ListCrossed e) {
                if (r.via() != null) {
                    // Nothing of this MR is left unmapped: the value lives in another MR that cannot be read.
                    slot.finding(Finding.error("reference-unresolved", "spec." + r.to() + " comes from `"
                            + String.join(", ", r.from()) + "` of the " + r.via().kind() + " named by forProvider."
                            + src.abs(r.via().from().get(0)) + ", but " + e.getMessage() + " (mapping rule at " + r.origin() + ")",
                            slot.resource.origin(), slot.subject()));
                    continue;
                }
                String from = r.from().isEmpty() ? "(constant)" : src.abs(r.from().get(0));
                r.from().forEach(f -> slot.unmap(src.abs(f)));
                slot.finding(new Finding(Severity.WARNING, "value-not-mapped",
                        "forProvider." + from + ": " + e.getMessage() + "; spec." + (r.to().isEmpty() ? "(item)" : r.to())
                                + " is left out (mapping rule at " + r.origin() + ")",
                        slot.resource.origin(), slot.subject()));
            }
        }
    }

    private void run(RuleSpec r, Source src, ObjectNode out) {
        // The condition matters only when the rule has something to write: an absent source stays silent.
        if (r.onlyIf() != null && (nothingToRead(r, src) || !r.onlyIf().holds(src.read(r.onlyIf().from())))) {
            return;
        }
        if (r.inItem() != null) {
            List<ObjectNode> items;
            try {
                items = items(r.inItem(), src, out);
            } catch (Transforms.Failure e) {
                // The part this MR belongs to is missing: what it says cannot be written anywhere.
                if (!r.inItem().everyItem()) {
                    slot.unmap(src.abs(r.inItem().from()));
                }
                slot.finding(Finding.error("merge-target-missing", e.getMessage() + ", so spec." + r.inItem().list()
                        + "[]." + r.to() + " cannot take what this MR says (mapping rule at " + r.origin() + ")",
                        slot.resource.origin(), slot.subject()));
                return;
            }
            for (ObjectNode item : items) {
                apply(r, src, item);
            }
            return;
        }
        apply(r, src, out);
    }

    /** The items of the ASO object's list that an inItem rule writes into; none is a failure (the value is lost). */
    private static List<ObjectNode> items(ItemSpec in, Source src, ObjectNode out) {
        String want = "";
        if (!in.everyItem()) {
            JsonNode v = src.read(in.from());
            if (v == null || !v.isValueNode()) {
                throw new Transforms.Failure("forProvider." + src.abs(in.from()) + " (which item of spec." + in.list()
                        + " it belongs to) is not set");
            }
            want = v.asText();
        }
        JsonNode list = FieldPath.read(out, in.list());
        List<ObjectNode> found = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                JsonNode k = in.everyItem() ? null : FieldPath.read(item, in.key());
                if (item.isObject() && (in.everyItem() || (k != null && k.asText().equalsIgnoreCase(want)))) {
                    found.add((ObjectNode) item);
                }
            }
        }
        if (found.isEmpty()) {
            throw new Transforms.Failure(in.everyItem() ? "spec." + in.list() + " has no item to write into"
                    : "no item of spec." + in.list() + " has " + in.key() + " `" + want + "`");
        }
        return found;
    }

    private void apply(RuleSpec r, Source src, ObjectNode out) {
        JsonNode value;
        if (r.via() != null) {
            src = via(r, src);
            if (src == null) {
                return;
            }
        }
        Transforms.Named named = new Transforms.Named(slot.azureName, () -> resolver.subscription(slot));
        if (r.constValue() != null) {
            value = Transforms.apply(r, List.of(r.constValue().deepCopy()), named);
        } else if (r.from().isEmpty() && r.format() != null && r.fields() == null && r.each() == null) {
            value = Transforms.apply(r, List.of(), named); // a computed constant: {azureName}, {subscription}
        } else if (r.from().isEmpty() && r.fields() != null) {
            ObjectNode sub = Nodes.FACTORY.objectNode();
            run(r.fields(), src, sub);
            if (!sub.isEmpty()) {
                write(r, out, sub);
            }
            return;
        } else if (r.reference() != null) {
            value = reference(r, src);
            if (value == null) {
                return;
            }
        } else if (r.subResource() != null) {
            value = subResource(r, src);
            if (value == null) {
                return;
            }
        } else if (r.secretRef()) {
            value = secretRef(r, src);
            if (value == null) {
                return;
            }
        } else {
            List<JsonNode> inputs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            // Inside `each`, a rule without `from` reads the list item itself.
            List<String> froms = r.from().isEmpty() ? List.of("") : r.from();
            for (String f : froms) {
                JsonNode v = f.isEmpty() ? src.read("") : src.read(f);
                if (v != null && v.isValueNode() && r.observedUnset().contains(v.asText()) && src.readDesired(f) == null) {
                    // Terraform (SDK v2) keeps 0 or "" for an unset optional field: not a value Azure has.
                    v = null;
                    slot.uncomplete(src.abs(f));
                }
                if (v == null) {
                    missing.add(f);
                }
                inputs.add(v);
            }
            if (missing.size() == froms.size()) {
                if (r.defaultValue() == null) {
                    return;
                }
                value = r.defaultValue().deepCopy();
            } else if (!missing.isEmpty()) {
                throw new Transforms.Failure("needs every one of " + r.from() + " but " + missing + " is not set");
            } else if (r.fields() != null) {
                value = block(inputs.get(0));
            } else {
                // With `each` the items are transformed by the nested rules; a `split` makes the list first.
                value = r.each() != null && r.split() == null ? inputs.get(0) : Transforms.apply(r, inputs, named);
                if (r.pattern() != null && value.isTextual() && value.asText().isEmpty()) {
                    return; // an optional group that matched nothing (e.g. a key ID without version)
                }
            }
        }
        if (r.each() != null) {
            value = each(r, src, value);
            if (value == null) {
                return;
            }
        } else if (r.fields() != null) {
            ObjectNode sub = Nodes.FACTORY.objectNode();
            run(r.fields(), element(value, src.abs(r.from().get(0))), sub);
            if (sub.isEmpty()) {
                return;
            }
            value = sub;
        }
        write(r, out, value);
    }

    private static boolean nothingToRead(RuleSpec r, Source src) {
        if (r.constValue() != null || r.defaultValue() != null || r.from().isEmpty()) {
            return false;
        }
        for (String f : r.from()) {
            if (src.read(f) != null || (r.reference() != null
                    && (src.read(f + "Ref") != null || src.read(f + "Refs") != null || src.read(f + "Selector") != null))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode block(JsonNode v) {
        if (v.isArray()) {
            if (v.size() == 1) {
                return v.get(0);
            }
            throw new Transforms.Failure("is a list of " + v.size() + " items; map it with `each`");
        }
        if (!v.isObject()) {
            throw new Transforms.Failure("`fields` needs an object, got `" + v + "`");
        }
        return v;
    }

    private JsonNode each(RuleSpec r, Source src, JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        ArrayNode list = Nodes.FACTORY.arrayNode();
        String prefix = r.from().isEmpty() ? src.abs("") : src.abs(r.from().get(0));
        for (JsonNode item : items) {
            ObjectNode holder = Nodes.FACTORY.objectNode();
            run(r.each(), element(item, prefix), holder);
            if (holder.has(SELF)) {
                list.add(holder.get(SELF));
            } else if (!holder.isEmpty()) {
                list.add(holder);
            }
        }
        return list.isEmpty() && items.isEmpty() ? list : (list.isEmpty() ? null : list);
    }

    /**
     * The MR named by the rule's {@code via}, as a source (its forProvider, initProvider, then atProvider); null when
     * the field naming it is not set. An MR outside this migration cannot be read: that is a failure the caller reports.
     */
    private Source via(RuleSpec r, Source src) {
        List<RefResolver.Resolved> found = resolver.resolve(slot, r.via(), src::read, src::readDesired);
        if (found.isEmpty()) {
            return null;
        }
        RefResolver.Resolved res = found.get(0);
        if (res.referred() == null && !res.ok()) {
            throw new Transforms.Failure(res.problem());
        }
        if (res.referred() == null) {
            throw new Transforms.Failure("it (" + res.armId() + ") is not part of this migration, so the value is unknown: "
                    + "set spec." + r.to() + " by hand");
        }
        Slot other = res.referred();
        return new Source() {
            @Override
            public JsonNode read(String path) {
                JsonNode v = readDesired(path);
                return v != null ? v : FieldPath.read(other.atProvider(), path);
            }

            @Override
            public JsonNode readDesired(String path) {
                JsonNode v = FieldPath.read(other.forProvider(), path);
                return v != null ? v : FieldPath.read(other.initProvider(), path);
            }

            @Override
            public String abs(String path) {
                return r.via().from().get(0) + "->" + other.kind + "." + path;
            }
        };
    }

    private JsonNode reference(RuleSpec r, Source src) {
        List<RefResolver.Resolved> found = resolver.resolve(slot, r.reference(), src::read, src::readDesired);
        if (found.isEmpty()) {
            return null;
        }
        ArrayNode list = Nodes.FACTORY.arrayNode();
        for (RefResolver.Resolved res : found) {
            if (res.ok()) {
                list.add(resolver.node(slot, res, RefResolver.Style.REFERENCE));
            } else {
                slot.unmap(src.abs(r.from().get(0)));
                slot.finding(Finding.error("reference-unresolved", "forProvider." + src.abs(r.from().get(0)) + ": "
                        + res.problem() + "; spec." + r.to() + " is left out", slot.resource.origin(), slot.subject()));
            }
        }
        boolean listMode = r.each() != null || found.size() > 1
                || isList(src.readDesired(r.from().get(0))) || src.readDesired(r.from().get(0) + "Refs") != null;
        if (listMode) {
            return list.isEmpty() ? null : list;
        }
        return list.isEmpty() ? null : list.get(0);
    }

    /** {armId} references to parts (by name) of the resource the rule's subResource names; a list for a list. */
    private JsonNode subResource(RuleSpec r, Source src) {
        String from = r.from().isEmpty() ? "" : r.from().get(0);
        JsonNode v = src.read(from);
        if (v == null) {
            return null;
        }
        SubResourceSpec sub = r.subResource();
        RefResolver.Resolved parent = sub.self() ? resolver.armIdOf(slot) : resolver.armIdOfReferred(slot, sub.parent());
        if (!parent.ok()) {
            slot.unmap(src.abs(from));
            slot.finding(Finding.error("reference-unresolved", "forProvider." + src.abs(from) + " names a part of "
                    + (sub.self() ? "this resource" : "the " + sub.parent().kind() + " named by forProvider."
                    + sub.parent().from().get(0)) + ", but "
                    + parent.problem() + "; spec." + r.to() + " is left out", slot.resource.origin(), slot.subject()));
            return null;
        }
        List<JsonNode> names = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(names::add);
        } else {
            names.add(v);
        }
        ArrayNode list = Nodes.FACTORY.arrayNode();
        for (JsonNode n : names) {
            if (!n.isValueNode() || n.asText().isEmpty()) {
                throw new Transforms.Failure("`" + n + "` is not the name of a part of "
                        + (sub.self() ? "this resource" : "the " + sub.parent().kind()));
            }
            String id = parent.armId() + sub.path().replace("{value}", n.asText());
            if (sub.plain()) {
                list.add(id);
            } else {
                list.addObject().put("armId", id);
            }
        }
        return v.isArray() ? list : list.get(0);
    }

    private static boolean isList(JsonNode n) {
        return n != null && n.isArray();
    }

    private JsonNode secretRef(RuleSpec r, Source src) {
        JsonNode sel = src.readDesired(r.from().get(0));
        if (sel == null) {
            return null;
        }
        String name = sel.path("name").asText("");
        String key = sel.path("key").asText("");
        String ns = sel.path("namespace").asText("");
        if (name.isEmpty() || key.isEmpty()) {
            throw new Transforms.Failure("a secret reference needs `name` and `key`");
        }
        ObjectNode ref = Nodes.FACTORY.objectNode();
        ref.put("name", name);
        ref.put("key", key);
        String source = ns.isEmpty() ? name : ns + "/" + name;
        slot.finding(Finding.warning("secret-copy", "spec." + r.to() + " reads key `" + key + "` of Secret `" + name
                + "` in namespace " + slot.namespace + ": copy Secret " + source + " there before the handoff"
                + (ns.isEmpty() || ns.equals(slot.namespace) ? " (same namespace: nothing to copy if it already exists)" : ""),
                slot.resource.origin(), slot.subject()));
        return ref;
    }

    private static void write(RuleSpec r, ObjectNode out, JsonNode value) {
        if (r.to().isEmpty()) {
            out.set(SELF, value);
            return;
        }
        if (r.append()) {
            if (!r.appendKey().isEmpty() && value.isObject()) {
                JsonNode existing = FieldPath.read(out, r.to());
                if (existing != null && existing.isArray()) {
                    ArrayNode arr = (ArrayNode) existing;
                    for (int i = 0; i < arr.size(); i++) {
                        if (sameKey(arr.get(i), value, r.appendKey())) {
                            arr.set(i, value); // the later (desired) item replaces the earlier (observed) one
                            return;
                        }
                    }
                }
            }
            FieldPath.append(out, r.to(), value);
            return;
        }
        FieldPath.write(out, r.to(), value);
    }

    private static boolean sameKey(JsonNode a, JsonNode b, List<String> key) {
        for (String k : key) {
            String x = FieldPath.read(a, k) == null ? "" : FieldPath.read(a, k).asText();
            String y = FieldPath.read(b, k) == null ? "" : FieldPath.read(b, k).asText();
            if (!x.equalsIgnoreCase(y)) {
                return false;
            }
        }
        return true;
    }
}
