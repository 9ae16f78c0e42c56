package io.xp2aso.bench;

import io.xp2aso.compose.Composer;
import io.xp2aso.mapping.MapOptions;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.mapping.Mapper;
import io.xp2aso.model.ComposeResult;
import io.xp2aso.model.Estate;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the two hot stages on a synthetic estate: compose (render every claim through its
 * Composition) and map (every MR through the catalog). Inputs are parsed once in setup, so each figure is
 * the stage alone. Run with benchmarks/run.sh --jmh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PipelineBenchmark {
    @Param({"300"})
    public int claims;

    private Estate estate;
    private ObservedIndex observed;
    private MappingCatalog catalog;
    private ComposeResult composed;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Path dir = Files.createTempDirectory("xp2aso-jmh");
        SyntheticEstate.generate(dir, claims, 42);
        ByteArrayInputStream none = new ByteArrayInputStream(new byte[0]);
        SourceSet repo = SourceReader.read(List.of(dir.resolve("repo").toString()), none);
        SourceSet live = SourceReader.read(List.of(dir.resolve("observed.yaml").toString()), none);
        estate = new Estate(repo);
        observed = new ObservedIndex(live.manifests());
        catalog = MappingCatalog.load(null);
        composed = new Composer().compose(estate, observed);
    }

    @Benchmark
    public ComposeResult compose() {
        return new Composer().compose(estate, observed);
    }

    @Benchmark
    public MappingResult map() {
        return Mapper.map(composed, catalog, observed, MapOptions.defaults());
    }
}
