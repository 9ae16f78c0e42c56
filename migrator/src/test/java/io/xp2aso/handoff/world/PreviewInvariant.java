package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.UnitPlan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "No unintended change": every Azure property that differs after the handoff from what Azure had just before ASO's
 * first PUT must have been listed in the takeover preview the operator approved (a change of a map key or list item is
 * covered by a line about it or about the whole map or list). ARM IDs compare without case, as Azure does.
 */
final class PreviewInvariant {
    private PreviewInvariant() {
    }

    /** Takes the approval-stop output of a run: per unit, the preview lines it showed ("    Kind/ns/name: change ..."). */
    static void collect(String runOutput, java.util.Map<String, List<String>> shown) {
        String unit = "";
        boolean inPreview = false;
        for (String line : runOutput.split("\n")) {
            if (line.startsWith("unit ")) {
                unit = line.substring(5, line.indexOf(':', 5));
                inPreview = false;
            } else if (line.startsWith("  STOPPED for approval: the takeover preview")) {
                inPreview = true;
                shown.put(unit, new ArrayList<>());
            } else if (inPreview && line.startsWith("    ")) {
                shown.get(unit).add(line.substring(4));
            } else {
                inPreview = false;
            }
        }
    }

    static List<String> check(World world, UnitPlan u, List<String> approved) {
        List<String> out = new ArrayList<>();
        for (AsoTarget t : u.aso()) {
            Optional<ObjectNode> cr = world.get(t.ref());
            Optional<String> id = cr.flatMap(world.aso::armId);
            Optional<ObjectNode> before = id.flatMap(world.azure::beforeAso);
            Optional<ObjectNode> after = id.flatMap(world.azure::get);
            if (before.isEmpty() || after.isEmpty()) {
                continue;
            }
            String prefix = t.ref().display() + ": ";
            List<List<String>> covered = new ArrayList<>();
            for (String line : approved) {
                if (line.startsWith(prefix)) {
                    path(line.substring(prefix.length())).ifPresent(p -> covered.add(segments(p)));
                }
            }
            Set<String> diffs = new LinkedHashSet<>();
            diff("", before.get(), after.get(), diffs);
            for (String d : diffs) {
                List<String> segs = segments(d);
                boolean ok = covered.stream().anyMatch(c -> c.size() <= segs.size() && segs.subList(0, c.size()).equals(c));
                if (!ok) {
                    out.add(u.id() + ": " + id.get() + ": property " + d + " changed from "
                            + at(before.get(), segs) + " to " + at(after.get(), segs)
                            + ", but the approved takeover preview did not list it");
                }
            }
        }
        return out;
    }

    private static final Pattern LINE = Pattern.compile("^(?:change|set|omit|add|remove|will be written:) (\\S+?)(?:: | = | \\(| from |$)");

    static Optional<String> path(String text) {
        Matcher m = LINE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code a.b["c.d"][0]} -> [a, b, c.d, 0]. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\[\"((?:[^\"\\\\]|\\\\.)*)\"]|\\[(\\d+)]|([^.\\[]+)").matcher(path);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1).replace("\\\"", "\"") : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, Set<String> out) {
        if (a == null || b == null || a.isNull() || b.isNull()) {
            if (!(a == null || a.isNull()) || !(b == null || b.isNull())) {
                out.add(path);
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "[\"" + k.replace("\"", "\\\"") + "\"]", a.get(k), b.get(k), out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!same(a, b)) {
            out.add(path);
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual() && a.asText().toLowerCase().startsWith("/subscriptions/")) {
            return a.asText().equalsIgnoreCase(b.asText());
        }
        return a.equals(b);
    }

    private static String at(JsonNode n, List<String> segs) {
        JsonNode cur = n;
        for (String s : segs) {
            cur = cur.isArray() && s.matches("\\d+") ? cur.path(Integer.parseInt(s)) : cur.path(s);
        }
        return cur.isMissingNode() ? "(absent)" : cur.toString();
    }

    /** Every property the PUT sent has that value in Azure (a type that keeps omitted properties may hold more). */
    static boolean sentIsKept(JsonNode sent, JsonNode azure) {
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            JsonNode have = azure.get(e.getKey());
            boolean loc = e.getKey().equals("location") && have != null
                    && e.getValue().asText().replace(" ", "").equalsIgnoreCase(have.asText());
            if (!loc && !e.getValue().equals(have)) {
                return false;
            }
        }
        return true;
    }
}
