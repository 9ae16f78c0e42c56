package io.xp2aso.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.FileIo;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * plan.json, compact: the step sequence of each kind of unit once ({@code sequences}), then one line per unit with
 * its parameters only (no steps, no empty values, and an ASO object the migrate output holds named by its file and
 * the SHA-256 of its content instead of copied). Reading it back rebuilds each unit's steps from its parameters, as
 * the plan builder made them, and loads each manifest from its file, refusing one that changed. Read strictly: an
 * unknown version, field, sequence or a changed file is bad input (exit 2).
 */
public final class PlanJson {
    private PlanJson() {
    }

    /** Leaves out empty strings and lists, false and nulls: a reader gets them back as empty values. */
    private static final ObjectMapper COMPACT = Yaml.JSON.copy().disable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_DEFAULT);

    /** The whole plan, manifests inline. */
    public static String write(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Stream s = new Stream(out, plan, plan.units().stream().map(Sequences::of).toList());
        plan.units().forEach(u -> s.unitBytes(unitBytes(u, m -> null)));
        s.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * One unit's line in UTF-8. {@code fileOf}: where migrate wrote a manifest (by identity, relative to the output
     * folder), or null to copy it into the plan. A lone surrogate in any of the unit's strings is an error: it has no
     * UTF-8 form.
     */
    static byte[] unitBytes(UnitPlan u, Function<ObjectNode, String> fileOf) {
        ObjectNode full = COMPACT.valueToTree(u);
        ObjectNode line = COMPACT.getNodeFactory().objectNode();
        line.put("id", u.id());
        line.put("sequence", Sequences.of(u));
        for (Iterator<Map.Entry<String, JsonNode>> it = full.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("id") && !e.getKey().equals("steps")) {
                line.set(e.getKey(), e.getValue());
            }
        }
        JsonNode aso = line.path("aso");
        for (int i = 0; i < u.aso().size(); i++) {
            AsoTarget target = u.aso().get(i);
            ObjectNode t = (ObjectNode) aso.get(i);
            if (target.primary() && target.azureId().equals(azureIdOf(u, target.source()))) {
                t.remove("azureId"); // the MR's: read back from it
            }
            String file = fileOf.apply(target.manifest());
            if (file != null) {
                t.remove("manifest");
                t.put("file", "../" + file);
                t.put("sha256", sha256(u.aso().get(i).manifest()));
            }
        }
        try {
            return COMPACT.writeValueAsBytes(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unit " + u.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The Azure ID the plan has for an MR of the unit ("" when unknown). */
    private static String azureIdOf(UnitPlan u, ObjectRef mr) {
        for (ManagedHandoff m : u.resources()) {
            if (m.ref().equals(mr)) {
                return m.azureId();
            }
        }
        return "";
    }

    /** The digest a manifest file is checked against: of its content as compact JSON (comments and layout aside). */
    static String sha256(JsonNode manifest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(COMPACT.writeValueAsBytes(manifest)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** plan.json written one unit at a time; the same text as {@link #write} of the whole plan. */
    static final class Stream {
        private final OutputStream out;
        private boolean first = true;

        /** {@code sequences}: the kind of every unit to come (their steps are written once, here). */
        Stream(OutputStream out, Plan header, List<String> sequences) {
            this.out = out;
            PlanOptions options = options(header);
            ObjectNode seq = COMPACT.getNodeFactory().objectNode();
            for (String s : new TreeSet<>(sequences)) {
                ArrayNode ids = seq.putArray(s);
                Sequences.stepIds(s, options).forEach(ids::add);
            }
            try {
                write("{\"schemaVersion\":" + header.schemaVersion() + ",\"asoNamespace\":"
                        + COMPACT.writeValueAsString(header.asoNamespace()) + ",\"timeoutSeconds\":" + header.timeoutSeconds()
                        + ",\"pollSeconds\":" + header.pollSeconds() + ",\n\"sequences\":" + COMPACT.writeValueAsString(seq)
                        + ",\n\"units\":[");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A unit rendered by {@link PlanJson#unitBytes}, on a line of its own. */
        void unitBytes(byte[] unit) {
            write(first ? "\n" : ",\n");
            first = false;
            try {
                out.write(unit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void end() {
            write("\n]}\n");
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(String s) {
            try {
                out.write(s.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The plan at {@code file}; manifests named by file are read relative to its folder. */
    public static Plan read(Path file) {
        String text;
        try {
            text = FileIo.readString(file);
        } catch (IOException e) {
            throw new InputException(new Origin(file.toString(), 0), "cannot read the plan: " + e.getMessage());
        }
        return parse(file.toString(), text, file.toAbsolutePath().getParent());
    }

    /** A plan whose manifests are all inline. */
    public static Plan parse(String name, String text) {
        return parse(name, text, null);
    }

    private static Plan parse(String name, String text, Path folder) {
        JsonNode tree;
        try {
            tree = Yaml.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(name, e, "not valid JSON: " + e.getOriginalMessage());
        }
        Origin origin = new Origin(name, 1);
        if (tree == null || !tree.isObject()) {
            throw new InputException(origin, "not a handoff plan: expected a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new InputException(origin, "not a handoff plan: schemaVersion is missing");
        }
        if (version.asInt() != Plan.SCHEMA_VERSION) {
            throw new InputException(origin, "plan schemaVersion " + version.asInt()
                    + " is not supported (this xp2aso reads " + Plan.SCHEMA_VERSION + "): regenerate the plan");
        }
        ObjectNode root = (ObjectNode) tree;
        JsonNode sequences = root.remove("sequences");
        if (sequences == null || !sequences.isObject()) {
            throw new InputException(origin, "invalid plan: sequences is missing");
        }
        List<String> kinds = new ArrayList<>();
        JsonNode units = root.path("units");
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i) instanceof ObjectNode u) {
                JsonNode seq = u.remove("sequence");
                kinds.add(seq == null ? "" : seq.asText(""));
                load(name, folder, u);
            }
        }
        Plan plan;
        try {
            plan = Yaml.JSON.treeToValue(root, Plan.class);
        } catch (JsonProcessingException e) {
            throw bad(name, e, "invalid plan: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InputException(origin, "invalid plan: " + e.getMessage());
        }
        validate(name, plan);
        return withSteps(origin, plan, kinds, sequences);
    }

    /** Each unit's steps, rebuilt from its parameters; they must be those of the sequence the plan names for it. */
    private static Plan withSteps(Origin origin, Plan plan, List<String> kinds, JsonNode sequences) {
        PlanOptions options = options(plan);
        Map<String, List<String>> known = new LinkedHashMap<>();
        sequences.fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(x -> ids.add(x.asText()));
            known.put(e.getKey(), ids);
        });
        List<UnitPlan> out = new ArrayList<>();
        for (int i = 0; i < plan.units().size(); i++) {
            UnitPlan u = plan.units().get(i);
            String kind = kinds.get(i);
            if (!kind.equals(Sequences.of(u)) || !known.containsKey(kind)) {
                throw new InputException(origin, "invalid plan: unit " + u.id() + " names the sequence '" + kind
                        + "', but it is a unit of kind '" + Sequences.of(u) + "'" + (known.containsKey(kind) ? ""
                        : " (and the plan has no such sequence)"));
            }
            List<AsoTarget> aso = new ArrayList<>();
            for (AsoTarget t : u.aso()) {
                aso.add(t.primary() && t.azureId().isEmpty() ? new AsoTarget(t.ref(), t.source(), true,
                        azureIdOf(u, t.source()), t.manifest(), t.handoverPolicy()) : t);
            }
            u = new UnitPlan(u.id(), u.claim(), u.composite(), u.nested(), u.gitops(), u.driftAccepted(), u.resources(),
                    aso, u.blockers(), u.steps(), u.connectionSecrets(), u.unknownManagers(), u.capi());
            // as PlanBuilder makes them
            UnitPlan full = u.withSteps(CapzPlan.steps(u, StepTexts.forUnit(u.id(), u.claim(), u.composite(), u.nested(),
                    u.gitops(), u.resources(), u.aso(), options, u.connectionSecrets())));
            List<String> ids = full.steps().stream().map(Step::id).toList();
            if (!ids.equals(known.get(kind))) {
                throw new InputException(origin, "invalid plan: the steps of sequence '" + kind + "' are " + known.get(kind)
                        + ", this xp2aso's are " + ids + ": regenerate the plan with this version");
            }
            out.add(full);
        }
        return new Plan(plan.schemaVersion(), plan.asoNamespace(), plan.timeoutSeconds(), plan.pollSeconds(), out);
    }

    /** Puts each manifest named by file into the unit, checked against its digest. */
    private static void load(String name, Path folder, ObjectNode unit) {
        for (JsonNode t : unit.path("aso")) {
            if (!(t instanceof ObjectNode target) || !target.has("file")) {
                continue;
            }
            String file = target.remove("file").asText("");
            String want = target.path("sha256").asText("");
            target.remove("sha256");
            Origin origin = new Origin(name, 1);
            String unitId = unit.path("id").asText("");
            if (folder == null || file.isEmpty() || Path.of(file).isAbsolute()) {
                throw new InputException(origin, "invalid plan: unit " + unitId + " names the manifest file '" + file
                        + "', which cannot be read here (a relative path beside the plan's folder)");
            }
            Path path = folder.resolve(file).normalize();
            JsonNode manifest;
            try {
                manifest = Yaml.YAML.readTree(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException(new Origin(path.toString(), 0), "cannot read the ASO manifest of unit " + unitId
                        + " that the plan names: " + e.getMessage());
            }
            if (manifest == null || !manifest.isObject()) {
                throw new InputException(new Origin(path.toString(), 1), "not an ASO manifest (unit " + unitId + ")");
            }
            if (!sha256(manifest).equals(want)) {
                throw new InputException(new Origin(path.toString(), 1), "the ASO manifest of unit " + unitId
                        + " changed after the plan was written (its SHA-256 differs from plan.json's): the handoff "
                        + "applies what was reviewed, so regenerate the plan (migrate) or restore the file");
            }
            target.set("manifest", manifest);
        }
    }

    private static PlanOptions options(Plan plan) {
        PlanOptions d = PlanOptions.defaults();
        return new PlanOptions(plan.asoNamespace(), plan.timeoutSeconds(), plan.pollSeconds(), Set.of(), d.observed(),
                d.renderedYaml());
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
