package io.xp2aso.templates;

import io.xp2aso.compose.CompiledComposition;
import io.xp2aso.compose.EnvironmentConfigs;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObjectKind;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Xrd;
import io.xp2aso.report.AtomicOutput;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * `templates`' pipeline: migrate's own compose and map stages over the sources, then per XRD and Composition a
 * chart built from probes ({@link ChartTemplates}), checked by rendering it with Helm for every existing claim and
 * XR of the Composition against what migrate made of it. A chart that cannot be built, or whose rendering differs
 * for any instance, is left out with its reason: the output never holds an approximate chart.
 */
public final class TemplatesRun {
    /** A chart written: its name, XRD, Composition (file:line) and the instances proven equal to migrate. */
    public record Chart(String name, String xrd, String composition, String origin, List<String> verified) {
    }

    /** A Composition without a chart, and why. */
    public record Refusal(String xrd, String composition, String origin, String reason) {
    }

    public record Result(SortedMap<String, String> files, List<Chart> charts, List<Refusal> refused) {
    }

    private TemplatesRun() {
    }

    public static Result run(SourceSet sources, MigrateOptions options) {
        MigrationRun migrated = MigrationPipeline.standard().run(sources, options);
        // The same estate without the live managed resources (XRs and claims stay: their UIDs and names are chart
        // values already): what migrate took only from the live MRs goes into the values files (xp2aso.live).
        MigrationRun fresh = options.observed().all().isEmpty() ? null
                : MigrationPipeline.standard().run(sources, options.withObserved(new ObservedIndex(options.observed().all()
                .stream().filter(m -> !m.node().path("spec").has("forProvider")).toList())).withProgress(m -> { }));
        Estate estate = new Estate(sources);
        // The EnvironmentConfigs migrate's compose stage selects from: the live ones, then those in the sources.
        Map<String, Manifest> envs = new LinkedHashMap<>();
        options.observed().all().stream().filter(EnvironmentConfigs::isEnvironmentConfig).forEach(m -> envs.put(m.name(), m));
        estate.all(ObjectKind.ENVIRONMENT_CONFIG).forEach(m -> envs.put(m.name(), m));
        EnvironmentConfigs environments = new EnvironmentConfigs(new ArrayList<>(envs.values()));
        MappingCatalog catalog = MappingCatalog.load(options.mappings());
        MapOptions mapOptions = new MapOptions(options.targetNamespace(), null, options.asoVersions());
        SortedMap<String, String> files = new TreeMap<>();
        List<Chart> charts = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("xp2aso-templates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Xrd xrd : estate.xrds()) {
                List<CompositionDef> comps = estate.compositions().stream().filter(c -> !c.isRevision()
                        && c.compositeKind().equals(xrd.xrKind())
                        && c.compositeApiVersion().startsWith(xrd.group() + "/")).toList();
                for (CompositionDef def : comps) {
                    String chart = ChartFiles.slug(xrd.xrKind()) + (comps.size() > 1 ? "-" + ChartFiles.slug(def.name()) : "");
                    String origin = options.paths().file(def.manifest().origin()) + ":" + def.manifest().origin().line();
                    options.progress().accept("chart " + chart + " from Composition " + def.name());
                    try {
                        Chart c = chart(chart, xrd, def, origin, catalog, mapOptions, migrated, fresh, environments,
                                scratch, files);
                        charts.add(c);
                    } catch (Untranslatable | InputException e) {
                        refused.add(new Refusal(xrd.name(), def.name(), origin, e.getMessage()));
                    }
                }
            }
        } finally {
            try {
                AtomicOutput.deleteTree(scratch);
            } catch (IOException e) {
                // A leftover temporary folder is not worth failing the run for.
            }
        }
        List<String> names = new ArrayList<>();
        for (Chart c : charts) {
            Xrd xrd = estate.xrds().stream().filter(x -> x.name().equals(c.xrd())).findFirst().orElseThrow();
            BackstageTemplate.files(c.name(), xrd).forEach((k, v) -> files.put("backstage/" + c.name() + "/" + k, v));
            names.add(c.name());
        }
        if (!charts.isEmpty()) {
            files.put("backstage/catalog-info.yaml", BackstageTemplate.catalog(names));
            files.put("argocd/applicationset.yaml", ArgoCd.applicationSet());
        }
        Result result = new Result(files, charts, refused);
        files.put(TemplatesReport.JSON, TemplatesReport.json(result));
        files.put(TemplatesReport.MARKDOWN, TemplatesReport.markdown(result));
        return result;
    }

    private static Chart chart(String chart, Xrd xrd, CompositionDef def, String origin, MappingCatalog catalog,
                               MapOptions mapOptions, MigrationRun migrated, MigrationRun fresh,
                               EnvironmentConfigs environments, Path scratch, Map<String, String> out) {
        if (ChartTemplates.reservesClash(ChartFiles.specSchema(xrd))) {
            throw new Untranslatable("the XRD's spec has a property named xp2aso, which the chart reserves");
        }
        CompiledComposition cc = CompiledComposition.compile(def);
        Map<String, MappedUnit> freshById = new HashMap<>();
        if (fresh != null) {
            fresh.mapped().units().forEach(u -> freshById.put(u.unit().id(), u));
        }
        List<Instance> instances = new ArrayList<>();
        Map<String, Set<List<String>>> liveSlots = new TreeMap<>();
        for (MappedUnit mu : migrated.mapped().units()) {
            if (mu.unit().composite() != null && mu.unit().composition().equals(def.name())
                    && mu.unit().composite().path("kind").asText("").equals(xrd.xrKind())) {
                Instance i = Instance.of(chart, mu, freshById.get(mu.unit().id()), ChartEnvironment.selects(cc)
                        ? ChartEnvironment.of(cc, mu.unit().composite(), environments) : null);
                instances.add(i);
                i.liveSlots().forEach((k, v) -> liveSlots.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).addAll(v));
            }
        }
        Map<String, String> templates = ChartTemplates.build(cc, xrd, catalog, mapOptions, liveSlots);
        SortedMap<String, String> files = new TreeMap<>();
        ChartFiles.files(chart, xrd, def, ChartEnvironment.fixed(cc, environments)).forEach((k, v) -> files.put("charts/" + chart + "/" + k, v));
        templates.forEach((k, v) -> files.put("charts/" + chart + "/templates/" + k, v));
        Path dir = scratch.resolve(chart);
        write(dir, files);
        List<String> verified = new ArrayList<>();
        for (Instance i : instances) {
            String text = "# Generated by xp2aso: " + i.subject() + " as values of chart " + chart + ".\n"
                    + ChartFiles.yaml(i.values());
            Path values = dir.resolve(i.valuesPath());
            writeFile(values, text);
            List<com.fasterxml.jackson.databind.node.ObjectNode> rendered;
            try {
                rendered = HelmRender.render(dir.resolve("charts/" + chart), i.release(), i.namespace(), values);
            } catch (IllegalStateException e) {
                throw new Untranslatable("rendering the chart with the values of " + i.subject() + " fails: " + e.getMessage());
            }
            Optional<String> d = Equivalence.difference(i.expected(), rendered);
            if (d.isPresent()) {
                throw new Untranslatable("rendering the chart with the values of " + i.subject() + " differs from"
                        + " migrate: " + d.get());
            }
            files.put(i.valuesPath(), text);
            verified.add(i.subject());
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (out.putIfAbsent(f.getKey(), f.getValue()) != null) {
                throw new Untranslatable("two charts write " + f.getKey());
            }
        }
        return new Chart(chart, xrd.name(), def.name(), origin, verified);
    }

    private static void write(Path dir, Map<String, String> files) {
        files.forEach((k, v) -> writeFile(dir.resolve(k), v));
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
