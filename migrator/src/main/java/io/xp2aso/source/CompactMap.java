package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a JSON object, in insertion order, in one array while there are few of them (almost every object of a
 * Kubernetes manifest has under a dozen). A LinkedHashMap costs about 40 bytes per field plus its table; this costs 8,
 * and a lookup among a few keys is a short scan. Past {@link #MAX_SMALL} fields it moves into a LinkedHashMap, so large
 * objects keep constant-time lookups. Not thread-safe, like LinkedHashMap: trees are shared between threads read-only.
 */
final class CompactMap extends AbstractMap<String, JsonNode> {
    static final int MAX_SMALL = 12;
    private static final Object[] EMPTY = {};

    /** Keys at even, values at odd positions; null once {@link #large} holds the fields. */
    private Object[] kv;
    private int size;
    private LinkedHashMap<String, JsonNode> large;
    private int modCount;

    CompactMap() {
        kv = EMPTY;
    }

    /** Room for {@code expected} fields without growing. */
    CompactMap(int expected) {
        kv = expected <= 0 ? EMPTY : expected > MAX_SMALL ? null : new Object[2 * expected];
        if (kv == null) {
            large = new LinkedHashMap<>((int) (expected / 0.75f) + 1);
        }
    }

    private int indexOf(Object key) {
        Object[] a = kv;
        for (int i = 0, n = 2 * size; i < n; i += 2) {
            Object k = a[i];
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return large != null ? large.containsKey(key) : key != null && indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        if (large != null) {
            return large.get(key);
        }
        if (key == null) {
            return null;
        }
        int i = indexOf(key);
        return i < 0 ? null : (JsonNode) kv[i + 1];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "a JSON object's field name");
        if (large != null) {
            return large.put(key, value);
        }
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = (JsonNode) kv[i + 1];
            kv[i + 1] = value;
            return old;
        }
        if (size == MAX_SMALL) {
            large = new LinkedHashMap<>(2 * MAX_SMALL + 2);
            for (int j = 0; j < 2 * size; j += 2) {
                large.put((String) kv[j], (JsonNode) kv[j + 1]);
            }
            kv = null;
            size = 0;
            return large.put(key, value);
        }
        if (2 * size == kv.length) {
            kv = Arrays.copyOf(kv, Math.max(8, Math.min(2 * MAX_SMALL, 2 * kv.length)));
        }
        kv[2 * size] = key;
        kv[2 * size + 1] = value;
        size++;
        modCount++;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        if (large != null) {
            return large.remove(key);
        }
        if (key == null) {
            return null;
        }
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = (JsonNode) kv[i + 1];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(kv, i + 2, kv, i, 2 * size - i - 2);
        size--;
        kv[2 * size] = null;
        kv[2 * size + 1] = null;
        modCount++;
    }

    @Override
    public void clear() {
        if (large != null) {
            large.clear();
            return;
        }
        Arrays.fill(kv, 0, 2 * size, null);
        size = 0;
        modCount++;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return large != null ? large.entrySet() : new Entries();
    }

    private final class Entries extends AbstractSet<Entry<String, JsonNode>> {
        @Override
        public int size() {
            return CompactMap.this.size();
        }

        @Override
        public void clear() {
            CompactMap.this.clear();
        }

        @Override
        public Iterator<Entry<String, JsonNode>> iterator() {
            if (large != null) {
                return large.entrySet().iterator();
            }
            return new Iterator<>() {
                private int next;
                private int last = -1;
                private int expected = modCount;

                @Override
                public boolean hasNext() {
                    return next < 2 * size;
                }

                @Override
                public Entry<String, JsonNode> next() {
                    if (expected != modCount || large != null) {
                        throw new ConcurrentModificationException();
                    }
                    if (next >= 2 * size) {
                        throw new NoSuchElementException();
                    }
                    last = next;
                    next += 2;
                    return new Field(last);
                }

                @Override
                public void remove() {
                    if (last < 0) {
                        throw new IllegalStateException();
                    }
                    if (expected != modCount) {
                        throw new ConcurrentModificationException();
                    }
                    removeAt(last);
                    next = last;
                    last = -1;
                    expected = modCount;
                }
            };
        }
    }

    /** Cuts the field array to the fields it holds (after parsing, when the object is complete). */
    void trim() {
        if (kv != null && kv.length > 2 * size) {
            kv = size == 0 ? EMPTY : Arrays.copyOf(kv, 2 * size);
        }
    }

    /** A field seen through the iterator; setValue writes through, as a LinkedHashMap entry's does. */
    final class Field implements Entry<String, JsonNode> {
        private final int at;
        private String key;

        Field(int at) {
            this.at = at;
            this.key = (String) kv[at];
        }

        @Override
        public String getKey() {
            return key;
        }

        /** Replaces the key with the equal one already in {@code shared} (or adds it there): one string per name. */
        void shareKey(java.util.Map<String, String> shared) {
            String same = shared.computeIfAbsent(key, k -> k);
            if (same != key && large == null && at < 2 * size && kv[at] == key) {
                kv[at] = same;
                key = same;
            }
        }

        CompactMap map() {
            return CompactMap.this;
        }

        @Override
        public JsonNode getValue() {
            return large == null && at < 2 * size && kv[at] == key ? (JsonNode) kv[at + 1] : get(key);
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            if (large != null || at >= 2 * size || kv[at] != key) {
                return put(key, value);
            }
            JsonNode old = (JsonNode) kv[at + 1];
            kv[at + 1] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return key + "=" + getValue();
        }
    }

    /** For tests: how many fields the small array has room for. */
    int capacity() {
        return kv == null ? -1 : kv.length / 2;
    }

    /** For tests: whether the fields are still in the small array. */
    boolean isSmall() {
        return large == null;
    }
}
