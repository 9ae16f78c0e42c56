package io.xp2aso.compose;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Unit ids, unique within one compose run: a clash (a claim and an XR of the same name) gets the kind appended. */
final class UnitIds {
    private final Set<String> ids = new HashSet<>();

    String unique(String base, String kind) {
        String id = base;
        if (!ids.add(id)) {
            String k = kind.toLowerCase(Locale.ROOT);
            id = base + "-" + k;
            int n = 2;
            while (!ids.add(id)) {
                id = base + "-" + k + "-" + n++;
            }
        }
        return id;
    }
}
