package io.xp2aso.inventory;

import java.util.List;

/** What the mapping catalog says about a Crossplane MR kind: whether it maps to ASO, and to which ASO kinds. */
public interface KindSupport {
    boolean hasMapping(String apiVersion, String kind);

    /** The ASO objects a mapped kind becomes, with the versions the catalog can write (preferred first). */
    List<AsoTarget> targets(String apiVersion, String kind);

    /** An ASO kind a mapping writes, and the versions it can be written at, the catalog's default first. */
    record AsoTarget(String group, String kind, List<String> versions) {
        public AsoTarget {
            versions = List.copyOf(versions);
        }
    }
}
