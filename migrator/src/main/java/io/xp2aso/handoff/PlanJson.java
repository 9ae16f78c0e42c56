package io.xp2aso.handoff;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** plan.json: written with a schemaVersion; read back strictly (unknown version, fields or steps are bad input, exit 2). */
public final class PlanJson {
    private PlanJson() {
    }

    public static String write(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Stream s = new Stream(out, plan);
        plan.units().forEach(s::unit);
        s.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * One unit's JSON in UTF-8, indented as an element of the plan's "units" array, so units can be rendered apart (in
     * parallel) and written in order with {@link Stream#unitBytes}. A lone surrogate in any of the unit's strings is an
     * error: it has no UTF-8 form.
     */
    static byte[] unitBytes(UnitPlan u) {
        // Sized for a typical unit (tens of kilobytes) so the buffer does not grow by copying.
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator unit = Yaml.JSON.writer().createGenerator(out)) {
            unit.setPrettyPrinter(new Nested(UNIT_DEPTH));
            Yaml.JSON.writeValue(unit, u);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Depth of a unit object in plan.json: inside the root object (arrays are inline and add none). */
    private static final int UNIT_DEPTH = 1;

    /** The default pretty printer, starting at a given depth. */
    private static final class Nested extends com.fasterxml.jackson.core.util.DefaultPrettyPrinter {
        private final int depth;

        Nested(int depth) {
            this.depth = depth;
            _nesting = depth;
        }

        @Override
        public Nested createInstance() {
            return new Nested(depth);
        }
    }

    /** plan.json written one unit at a time; the same text as {@link #write} of the whole plan. */
    static final class Stream {
        private final OutputStream out;
        private final JsonGenerator g;

        Stream(OutputStream out, Plan header) {
            this.out = out;
            try {
                g = Yaml.JSON.writer().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        // the generator's flush before each unit moves its buffer into out, not out to the disk
                        .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                g.writeStartObject();
                g.writeNumberField("schemaVersion", header.schemaVersion());
                g.writeStringField("asoNamespace", header.asoNamespace());
                g.writeNumberField("timeoutSeconds", header.timeoutSeconds());
                g.writeNumberField("pollSeconds", header.pollSeconds());
                g.writeArrayFieldStart("units");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void unit(UnitPlan u) {
            unitBytes(PlanJson.unitBytes(u));
        }

        /**
         * A unit rendered by {@link PlanJson#unitBytes}, written as the next element of "units". The generator keeps
         * the framing: an empty raw value makes it write what precedes an element (the separator), then the unit's
         * bytes go straight to the file after the generator's buffer.
         */
        void unitBytes(byte[] unit) {
            try {
                g.writeRawValue("");
                g.flush();
                out.write(unit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void end() {
            try {
                g.writeEndArray();
                g.writeEndObject();
                g.close();
                out.write('\n');
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Plan read(Path file) {
        String text;
        try {
            text = io.xp2aso.source.FileIo.readString(file);
        } catch (IOException e) {
            throw new InputException(new Origin(file.toString(), 0), "cannot read the plan: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    public static Plan parse(String name, String text) {
        JsonNode tree;
        try {
            tree = Yaml.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(name, e, "not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InputException(new Origin(name, 1), "not a handoff plan: expected a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new InputException(new Origin(name, 1), "not a handoff plan: schemaVersion is missing");
        }
        if (version.asInt() != Plan.SCHEMA_VERSION) {
            throw new InputException(new Origin(name, 1), "plan schemaVersion " + version.asInt()
                    + " is not supported (this xp2aso reads " + Plan.SCHEMA_VERSION + "): regenerate the plan");
        }
        Plan plan;
        try {
            plan = Yaml.JSON.treeToValue(tree, Plan.class);
        } catch (JsonProcessingException e) {
            throw bad(name, e, "invalid plan: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InputException(new Origin(name, 1), "invalid plan: " + e.getMessage());
        }
        validate(name, plan);
        return plan;
    }

    private static void validate(String name, Plan plan) {
        Set<String> ids = new HashSet<>();
        Origin origin = new Origin(name, 1);
        if (plan.timeoutSeconds() <= 0 || plan.pollSeconds() <= 0) {
            throw new InputException(origin, "invalid plan: timeoutSeconds and pollSeconds must be positive");
        }
        for (UnitPlan u : plan.units()) {
            if (u.id() == null || u.id().isEmpty() || !ids.add(u.id())) {
                throw new InputException(origin, "invalid plan: unit ids must be present and unique (" + u.id() + ")");
            }
            Set<String> stepIds = new HashSet<>();
            for (Step s : u.steps()) {
                if (s.action() == null || s.id() == null || !stepIds.add(s.id())) {
                    throw new InputException(origin, "invalid plan: unit " + u.id() + " has a step without action or a repeated id");
                }
            }
            for (ManagedHandoff mr : u.resources()) {
                if (mr.ref() == null || mr.ref().kind().isEmpty() || mr.ref().apiVersion().isEmpty()) {
                    throw new InputException(origin, "invalid plan: unit " + u.id() + " has an MR without kind or apiVersion");
                }
            }
            for (AsoTarget t : u.aso()) {
                if (t.ref() == null || t.manifest() == null || t.ref().name().isEmpty()) {
                    throw new InputException(origin, "invalid plan: unit " + u.id() + " has an ASO resource without a manifest or name");
                }
            }
        }
    }

    private static InputException bad(String name, JsonProcessingException e, String message) {
        JsonLocation loc = e.getLocation();
        return new InputException(new Origin(name, loc == null ? 0 : Math.max(loc.getLineNr(), 0)), message);
    }
}
