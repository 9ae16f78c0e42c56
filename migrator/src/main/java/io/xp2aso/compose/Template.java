package io.xp2aso.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Origin;

import java.util.List;

/**
 * A compiled composed-resource template: its composition resource name, base (absent in a function step that
 * patches a resource an earlier step produced), patches, connection details, readiness checks and where it is
 * written in the Composition.
 */
public record Template(String name, ObjectNode base, List<Patch> patches, List<ConnectionDetail> connectionDetails,
                       List<ReadinessCheck> readinessChecks, Origin origin) {
}
