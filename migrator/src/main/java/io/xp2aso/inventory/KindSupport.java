package io.xp2aso.inventory;

/** Whether the mapping catalog maps a Crossplane MR kind to ASO. */
@FunctionalInterface
public interface KindSupport {
    boolean hasMapping(String apiVersion, String kind);
}
