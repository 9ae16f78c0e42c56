package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A Crossplane field path (crossplane-runtime pkg/fieldpath): {@code spec.forProvider.tags[0].key},
 * {@code metadata.labels[crossplane.io/claim-name]}, {@code metadata.annotations['a.b/c']}. Parsed once; reading and
 * writing follow the runtime's rules (NotFound vs type errors, intermediate objects/arrays created on write).
 */
public final class FieldPath {
    /** Crossplane's default limit on array indexes when writing. */
    static final int MAX_INDEX = 1024;

    /** One segment: an object field (quotes trimmed) or an array index. Field "*" is the wildcard. */
    public record Segment(String field, int index) {
        public boolean isIndex() {
            return field == null;
        }

        public boolean isWildcard() {
            return "*".equals(field);
        }
    }

    private final String text;
    private final List<Segment> segments;

    private FieldPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    public String text() {
        return text;
    }

    public List<Segment> segments() {
        return segments;
    }

    public boolean hasWildcard() {
        return segments.stream().anyMatch(Segment::isWildcard);
    }

    @Override
    public String toString() {
        return print(segments, segments.size());
    }

    /** Parses a field path; a malformed one is a {@link RenderException} naming the position, as Crossplane does. */
    public static FieldPath parse(String path) {
        List<Segment> out = new ArrayList<>();
        int pos = 0;
        int n = path.length();
        // State machine mirroring the runtime's lexer: root -> field | '[' | '.'.
        State state = State.ROOT;
        int start = 0;
        while (true) {
            switch (state) {
                case ROOT -> {
                    if (pos >= n) {
                        return new FieldPath(path, out);
                    }
                    char c = path.charAt(pos);
                    state = c == '.' ? State.PERIOD : c == '[' ? State.LEFT_BRACKET : State.FIELD;
                    start = pos;
                }
                case FIELD -> {
                    int i = pos;
                    for (; i < n; i++) {
                        char c = path.charAt(i);
                        if (c == ']') {
                            throw error("unexpected ']'", i);
                        }
                        if (c == '[' || c == '.') {
                            break;
                        }
                    }
                    out.add(field(path.substring(start, i)));
                    pos = i;
                    if (i >= n) {
                        return new FieldPath(path, out);
                    }
                    state = path.charAt(i) == '[' ? State.LEFT_BRACKET : State.PERIOD;
                }
                case PERIOD -> {
                    if (pos == 0 || pos == n - 1) {
                        throw error("unexpected '.'", pos);
                    }
                    pos++;
                    char c = path.charAt(pos);
                    if (c == '.') {
                        throw error("unexpected '.'", pos);
                    }
                    if (c == '[') {
                        throw error("unexpected '['", pos);
                    }
                    start = pos;
                    state = State.FIELD;
                }
                case LEFT_BRACKET -> {
                    if (path.indexOf(']', pos) < 0) {
                        throw error("unterminated '['", pos);
                    }
                    pos++;
                    int rb = path.indexOf(']', pos);
                    if (rb == pos) {
                        throw error("unexpected ']'", pos);
                    }
                    int lb = path.indexOf('[', pos);
                    if (lb >= 0 && lb < rb) {
                        throw error("unexpected '['", lb);
                    }
                    out.add(fieldOrIndex(path.substring(pos, rb)));
                    pos = rb + 1;
                    state = State.ROOT;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private enum State { ROOT, FIELD, PERIOD, LEFT_BRACKET }

    private static RenderException error(String what, int pos) {
        return new RenderException(what + " at position " + pos);
    }

    private static Segment field(String s) {
        return new Segment(trimQuotes(s), -1);
    }

    private static Segment fieldOrIndex(String s) {
        // Go's strconv.ParseUint(s, 10, 32): digits only, no sign, fits in 32 bits.
        if (!s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long v = Long.parseLong(s);
            if (v <= 0xFFFFFFFFL) {
                return new Segment(null, (int) Math.min(v, Integer.MAX_VALUE));
            }
        }
        return field(s);
    }

    private static String trimQuotes(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == '\'' || s.charAt(b) == '"')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == '\'' || s.charAt(e - 1) == '"')) {
            e--;
        }
        return s.substring(b, e);
    }

    /** The runtime's printed form of the first {@code count} segments (fields with periods in brackets). */
    static String print(List<Segment> segs, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Segment s = segs.get(i);
            if (s.isIndex()) {
                b.append('[').append(Integer.toUnsignedString(s.index())).append(']');
            } else if (s.isWildcard() || s.field().indexOf('.') >= 0) {
                b.append('[').append(s.field()).append(']');
            } else {
                b.append('.').append(s.field());
            }
        }
        return b.length() > 0 && b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The value at this path. Missing field, index out of range or traversal through null: NotFound
     * ({@link RenderException#notFound()}); traversal into the wrong kind of value: a plain error.
     */
    public JsonNode get(JsonNode root) {
        JsonNode it = root;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (GoValues.isNil(it) && i > 0) {
                throw new RenderException(print(segments, i + 1) + ": no such field", true);
            }
            if (s.isIndex()) {
                if (!(it instanceof ArrayNode a)) {
                    throw new RenderException(print(segments, i) + ": not an array");
                }
                if (s.index() >= a.size() || s.index() < 0) {
                    throw new RenderException(print(segments, i + 1) + ": no such element", true);
                }
                it = a.get(s.index());
            } else {
                if (!(it instanceof ObjectNode o)) {
                    throw new RenderException(print(segments, i) + ": not an object");
                }
                JsonNode v = o.get(s.field());
                if (v == null) {
                    throw new RenderException(print(segments, i + 1) + ": no such field", true);
                }
                it = v;
            }
        }
        return it;
    }

    /** The value at this path, or null when it is not found (other errors still throw). */
    public JsonNode find(JsonNode root) {
        try {
            return get(root);
        } catch (RenderException e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /** Sets the value, creating intermediate objects and arrays as the runtime does. */
    public void set(ObjectNode root, JsonNode value) {
        set(root, segments, value);
    }

    static void set(ObjectNode root, List<Segment> segs, JsonNode value) {
        for (Segment s : segs) {
            if (s.isIndex() && (s.index() > MAX_INDEX || s.index() < 0)) {
                throw new RenderException("index " + Integer.toUnsignedString(s.index())
                        + " is greater than max allowed index " + MAX_INDEX);
            }
        }
        if (segs.isEmpty()) {
            throw new RenderException("cannot set a value at an empty field path");
        }
        JsonNode in = root;
        for (int i = 0; i < segs.size(); i++) {
            Segment cur = segs.get(i);
            boolean last = i == segs.size() - 1;
            if (cur.isIndex()) {
                if (!(in instanceof ArrayNode a)) {
                    throw new RenderException(print(segs, i) + " is not an array");
                }
                if (last) {
                    while (a.size() <= cur.index()) {
                        a.addNull();
                    }
                    a.set(cur.index(), value);
                    return;
                }
                prepareElement(a, cur, segs.get(i + 1));
                in = a.get(cur.index());
            } else {
                if (!(in instanceof ObjectNode o)) {
                    throw new RenderException(print(segs, i) + " is not an object");
                }
                if (last) {
                    o.set(cur.field(), value);
                    return;
                }
                prepareField(o, cur, segs.get(i + 1));
                in = o.get(cur.field());
            }
        }
    }

    private static void prepareElement(ArrayNode array, Segment cur, Segment next) {
        JsonNode existing = array.get(cur.index());
        if (GoValues.isNil(existing)) {
            array.set(cur.index(), fresh(next));
            return;
        }
        if (next.isIndex() && existing instanceof ArrayNode na) {
            while (na.size() <= next.index()) {
                na.addNull();
            }
        }
    }

    private static void prepareField(ObjectNode object, Segment cur, Segment next) {
        JsonNode existing = object.get(cur.field());
        if (existing == null) {
            object.set(cur.field(), fresh(next));
            return;
        }
        if (next.isIndex() && existing instanceof ArrayNode na) {
            while (na.size() <= next.index()) {
                na.addNull();
            }
        }
    }

    private static JsonNode fresh(Segment next) {
        if (next.isIndex()) {
            ArrayNode a = GoValues.NODES.arrayNode();
            for (int k = 0; k <= next.index(); k++) {
                a.addNull();
            }
            return a;
        }
        return GoValues.NODES.objectNode();
    }

    /**
     * Every concrete path this wildcard path names in the object (each existing array element / map key at a
     * wildcard). Missing parts expand to nothing.
     */
    public List<List<Segment>> expand(JsonNode root) {
        List<List<Segment>> out = new ArrayList<>();
        expand(root, 0, new ArrayList<>(), out);
        return out;
    }

    private void expand(JsonNode node, int i, List<Segment> prefix, List<List<Segment>> out) {
        if (i == segments.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        Segment s = segments.get(i);
        if (s.isWildcard()) {
            if (node instanceof ArrayNode a) {
                for (int k = 0; k < a.size(); k++) {
                    prefix.add(new Segment(null, k));
                    expand(a.get(k), i + 1, prefix, out);
                    prefix.remove(prefix.size() - 1);
                }
            } else if (node instanceof ObjectNode o) {
                for (String k : GoValues.sortedKeys(o)) {
                    prefix.add(new Segment(k, -1));
                    expand(o.get(k), i + 1, prefix, out);
                    prefix.remove(prefix.size() - 1);
                }
            } else if (!GoValues.isNil(node)) {
                throw new RenderException(print(segments, i) + ": wildcard used on a value that is neither an array nor an object");
            }
            return;
        }
        if (i == segments.size() - 1 || !hasWildcardFrom(i + 1)) {
            // Nothing left to expand: keep the rest of the path as written.
            prefix.addAll(segments.subList(i, segments.size()));
            boolean reachable = true;
            JsonNode it = node;
            for (int k = i; k < segments.size() - 1 && reachable; k++) {
                Segment seg = segments.get(k);
                it = seg.isIndex() ? (it instanceof ArrayNode a ? a.get(seg.index()) : null)
                        : (it instanceof ObjectNode o ? o.get(seg.field()) : null);
                reachable = it != null;
            }
            if (reachable) {
                out.add(List.copyOf(prefix));
            }
            for (int k = i; k < segments.size(); k++) {
                prefix.remove(prefix.size() - 1);
            }
            return;
        }
        JsonNode next = s.isIndex() ? (node instanceof ArrayNode a ? a.get(s.index()) : null)
                : (node instanceof ObjectNode o ? o.get(s.field()) : null);
        if (next == null) {
            return;
        }
        prefix.add(s);
        expand(next, i + 1, prefix, out);
        prefix.remove(prefix.size() - 1);
    }

    private boolean hasWildcardFrom(int i) {
        for (int k = i; k < segments.size(); k++) {
            if (segments.get(k).isWildcard()) {
                return true;
            }
        }
        return false;
    }
}
