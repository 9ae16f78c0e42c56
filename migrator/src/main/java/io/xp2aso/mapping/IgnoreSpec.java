package io.xp2aso.mapping;

import io.xp2aso.model.Severity;
import io.xp2aso.source.Origin;

/** A forProvider path deliberately not mapped, with the reason users will read; set values raise a finding. */
public record IgnoreSpec(String path, String reason, Severity severity, Origin origin) {
}
