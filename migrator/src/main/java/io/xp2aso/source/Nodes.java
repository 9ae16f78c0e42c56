package io.xp2aso.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The node factory of every tree xp2aso builds or parses: its objects keep their fields in a {@link CompactMap}.
 * A 10,000-claim estate holds over a million JSON objects, mostly of a few fields, and a LinkedHashMap per object was
 * half of the heap. Jackson's deepCopy, with() and putObject() go through the factory, so copies stay compact too.
 */
public final class Nodes extends JsonNodeFactory {
    public static final Nodes FACTORY = new Nodes();

    private Nodes() {
        super(false);
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new CompactMap());
    }

    /** An object with room for {@code fields} fields. */
    ObjectNode objectNode(int fields) {
        return new ObjectNode(this, new CompactMap(fields));
    }
}
