package io.xp2aso.mapping;

import io.xp2aso.source.Origin;

/**
 * A rule that writes into items of a list the ASO object already has (an association folded into one IP
 * configuration of a network interface): the items of {@code list} whose {@code key} equals the MR's {@code from}
 * value, or every item when {@code from} is empty. The rule's {@code to} is then a path below the item.
 */
public record ItemSpec(String list, String key, String from, Origin origin) {
    public ItemSpec {
        key = key == null ? "" : key;
        from = from == null ? "" : from;
    }

    public boolean everyItem() {
        return from.isEmpty();
    }
}
