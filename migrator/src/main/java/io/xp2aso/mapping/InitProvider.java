package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * spec.initProvider: Crossplane sends these fields when it creates the resource and never enforces them afterwards,
 * while ASO enforces its whole spec on every PUT. So an initProvider field is not desired state: it takes the live
 * value from status.atProvider when the cluster is known (ASO then keeps Azure as it is), and is left out otherwise.
 * Fields forProvider also sets are Crossplane's forProvider value (initProvider never overrides it). Reference
 * helpers ({@code *Ref}, {@code *Selector}) and Secret references are not Azure properties and are carried as they
 * are. Nested blocks are walked field by field.
 */
final class InitProvider {
    /** The effective forProvider and, per initProvider path, what was done with it. */
    record Result(JsonNode forProvider, List<String> live, List<String> omitted, List<String> overridden,
                  List<String> carried) {
    }

    private InitProvider() {
    }

    static Result resolve(JsonNode forProvider, JsonNode initProvider, JsonNode atProvider) {
        if (!(initProvider instanceof ObjectNode ip) || ip.isEmpty()) {
            return new Result(forProvider, List.of(), List.of(), List.of(), List.of());
        }
        ObjectNode fp = forProvider instanceof ObjectNode o ? o.deepCopy() : Nodes.FACTORY.objectNode();
        Result r = new Result(fp, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        merge(fp, ip, block(atProvider), "", r);
        return r;
    }

    private static void merge(ObjectNode fp, ObjectNode ip, ObjectNode at, String prefix, Result r) {
        for (Map.Entry<String, JsonNode> e : iterable(ip)) {
            String k = e.getKey();
            JsonNode iv = e.getValue();
            String path = FieldPath.join(prefix, k);
            JsonNode fv = fp.get(k);
            boolean fpSet = fv != null && !fv.isNull();
            if (iv == null || iv.isNull()) {
                continue;
            }
            if (helper(k)) {
                if (!fpSet) {
                    fp.set(k, iv.deepCopy());
                    if (k.endsWith("SecretRef")) {
                        r.carried().add(path);
                    }
                }
                continue;
            }
            ObjectNode ib = block(iv);
            JsonNode live = at == null ? null : at.get(k);
            if (ib != null) {
                ObjectNode fb = block(fv);
                if (!fpSet) {
                    ObjectNode made = Nodes.FACTORY.objectNode();
                    merge(made, ib, block(live), path, r);
                    if (!made.isEmpty()) {
                        if (iv.isArray()) {
                            ArrayNode list = Nodes.FACTORY.arrayNode();
                            list.add(made);
                            fp.set(k, list);
                        } else {
                            fp.set(k, made);
                        }
                    }
                } else if (fb != null) {
                    merge(fb, ib, block(live), path, r);
                } else {
                    r.overridden().add(path);
                }
                continue;
            }
            if (fpSet) {
                r.overridden().add(path);
            } else if (live != null && !live.isNull() && !(live.isContainerNode() && live.isEmpty())) {
                fp.set(k, live.deepCopy());
                r.live().add(path);
            } else {
                r.omitted().add(path);
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode o) {
        return o::fields;
    }

    /** An object, or the object of a one-item list (an upjet v1beta1 block); else null. */
    private static ObjectNode block(JsonNode n) {
        if (n instanceof ObjectNode o) {
            return o;
        }
        if (n instanceof ArrayNode a && a.size() == 1 && a.get(0) instanceof ObjectNode o) {
            return o;
        }
        return null;
    }

    private static boolean helper(String key) {
        return key.endsWith("Ref") || key.endsWith("Refs") || key.endsWith("Selector");
    }
}
