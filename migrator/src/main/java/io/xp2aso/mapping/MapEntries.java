package io.xp2aso.mapping;

/**
 * {@code entries} of a rule: a map becomes a list of objects, one per entry, with the entry's key in field
 * {@code key} and its value in field {@code value} (e.g. upjet ipTags {FirstPartyUsage: /Sql} -> ASO
 * ipTags [{ipTagType: FirstPartyUsage, tag: /Sql}]). Entries keep the map's order.
 */
public record MapEntries(String key, String value) {
}
