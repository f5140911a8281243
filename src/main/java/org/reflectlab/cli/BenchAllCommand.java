package org.reflectlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.core.bench.InferenceBenchmark;
import org.reflectlab.core.bench.PlayBenchmark;
import org.reflectlab.core.bench.TrainBenchmark;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.fast.FastPath;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.bench.SweepBench;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.scaling.SweepJobs;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.bench.PipelineBench;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.bench.SoakRun;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.UnifiedModelIO;
import org.reflectlab.core.world.ImplicitModelIO;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.WorldModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Every benchmark the workspaces define, on short settings, in one process: training throughput and",
            "GFLOP/s (1 and 2 ND4J threads), inference and reflection-iteration latency, sweep cell throughput, world-model",
            "play fps, serving pipeline latency, a soak, and the UI tour (pulse gaps per workspace, peak RSS). Prints one",
            "table and writes the same rows as JSON. --quick: a couple of minutes."})
final class BenchAllCommand implements Callable<Integer> {

    /** One measured figure. */
    record Row(String bench, String metric, double value, String unit, String note) {
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Shorter settings (a couple of minutes in all).")
    boolean quick;
    @Option(names = "--json", description = "Where to write the JSON (default: <reflectlab home>/bench/bench-all.json).")
    Path json;
    @Option(names = "--skip", split = ",", description = "Benches to leave out: train, inference, world, sweep, pipeline, soak, ui.")
    List<String> skip = List.of();
    @Mixin
    ModelsFolder models;

    private final List<Row> rows = new ArrayList<>();
    private PrintWriter err;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pekko.stream.Materializer", "error");
        long t0 = System.nanoTime();
        BackendInfo info = Backend.start();
        ModelStore store = models.store();
        section("train", () -> train());
        section("inference", () -> inference(store));
        section("world", () -> world(store));
        section("sweep", () -> sweep(store));
        section("pipeline", () -> pipeline(store));
        section("soak", () -> soak(store));
        section("ui", () -> ui());
        double seconds = (System.nanoTime() - t0) / 1e9;

        o.printf(Locale.ROOT, "# bench all%s: %s; %s; %d cores; OMP_WAIT_POLICY=%s; %.0f s%n", quick ? " --quick" : "", info.blas(),
                info.binary(), info.cores(), System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)"), seconds);
        o.printf("%-10s %-74s %12s %-10s %s%n", "bench", "metric", "value", "unit", "note");
        for (Row r : rows) {
            o.printf(Locale.ROOT, "%-10s %-74s %12s %-10s %s%n", r.bench(), r.metric(), fmt(r.value()), r.unit(), r.note());
        }
        Path out = json != null ? json : AppPaths.home().resolve("bench").resolve("bench-all.json");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("created", Instant.now().toString());
        doc.put("quick", quick);
        doc.put("seconds", seconds);
        doc.put("backend", info);
        doc.put("ompWaitPolicy", System.getenv().getOrDefault("OMP_WAIT_POLICY", ""));
        doc.put("rows", rows);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), doc);
        o.println("# JSON: " + out.toAbsolutePath());
        o.flush();
        return rows.stream().anyMatch(r -> r.unit().equals("error")) ? Cli.FAILED : 0;
    }

    private interface Bench {
        void run() throws Exception;
    }

    private void section(String name, Bench b) {
        if (skip.contains(name)) {
            return;
        }
        err.println("# " + name + "…");
        err.flush();
        try {
            b.run();
        } catch (Exception | LinkageError e) {
            rows.add(new Row(name, "did not run", Double.NaN, "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private void add(String bench, String metric, double value, String unit, String note) {
        rows.add(new Row(bench, metric, value, unit, note));
    }

    private void train() {
        int warmup = quick ? 5 : 20;
        int steps = quick ? 15 : 40;
        UnifiedConfig cfg = UnifiedConfig.defaults();
        for (int threads : new int[] {1, 2}) {
            TrainBenchmark.Result r = FastPath.with(true, () -> TrainBenchmark.run(cfg, 32, threads, warmup, steps));
            String note = "fast path, batch 32, " + steps + " timed steps";
            add("train", "unified model, " + threads + " ND4J thread(s): steps/s", r.stepsPerSecond(), "steps/s", note);
            add("train", "unified model, " + threads + " ND4J thread(s): GFLOP/s", r.gflops(), "GFLOP/s", "matmul FLOPs only");
        }
        Backend.setThreads(Backend.configuredThreads());
    }

    private void inference(ModelStore store) throws Exception {
        Backend.setThreads(1);
        var bench = new InferenceBenchmark(UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME), ReflectModels.load(store),
                quick ? 0.6 : 3);
        for (InferenceBenchmark.Row r : bench.run()) {
            add("inference", r.work() + ", fast", r.fastMs(), "ms", String.format(Locale.ROOT, "SameDiff %.2f ms", r.graphMs()));
        }
        Backend.setThreads(Backend.configuredThreads());
    }

    private void world(ModelStore store) {
        WorldModels wm = WorldModels.load(store, ImplicitModelIO.DEFAULT_NAME, PhysicsParams.defaults(), 32);
        for (ModelKind k : new ModelKind[] {ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID}) {
            if (k != ModelKind.EXPLICIT && !wm.hasImplicit()) {
                continue;
            }
            PlayBenchmark.Result r = PlayBenchmark.run(wm, k, 0.7, quick ? 2 : 10, quick ? 100 : 300);
            add("world", "live play, " + k.label() + ": frames/s", r.framesPerSecond(), "frames/s",
                    String.format(Locale.ROOT, "p99 %.2f ms per frame; target >= 24", r.p99()));
        }
    }

    private void sweep(ModelStore store) throws Exception {
        SweepBench.empty(200, false);
        SweepBench.Result empty = SweepBench.empty(quick ? 500 : 2000, false);
        add("sweep", "empty jobs, 1 node: overhead per job", empty.overheadMillis(), "ms", empty.jobs() + " jobs, 2 workers");
        SweepSettings s = new SweepSettings(Method.parseList("bon,reflect"), SweepSettings.parseKs(quick ? "1,2" : "1,2,4"),
                quick ? 1 : 3, 1, 8, 2.0, 3);
        Path prompts = Path.of("assets/geneval-lite.json");
        PromptSet set = Files.isRegularFile(prompts) ? PromptSet.read(prompts) : PromptSet.generate(1, 50);
        var list = SweepInputs.prompts(set, s.perCategory());
        SweepBench.Result r = SweepBench.sweep(() -> SweepJobs.handler(ReflectModels.load(store)), false, 1, s, list,
                Files.createTempDirectory("reflectlab-bench-all-sweep"), null);
        add("sweep", "sweep cells (bon+reflect, K " + s.ks() + "), 1 node 1 worker", r.rows() / r.seconds(), "rows/s",
                r.jobs() + " jobs, " + r.rows() + " rows in " + String.format(Locale.ROOT, "%.1f s", r.seconds()) + ", incl. model load");
    }

    private void pipeline(ModelStore store) throws Exception {
        Backend.setThreads(1);
        try (ServingNode node = ServingNode.start(ServingConfig.local(), RouteEngine.shipped(store, "unified"))) {
            PipelineBench bench = new PipelineBench(node, 1);
            for (Modality in : Modality.values()) {
                for (Modality out : Modality.values()) {
                    PipelineBench.RouteTiming t = bench.measure(in, out, quick ? 40 : 300, quick ? 40 : 200, quick ? 5 : 50, 10);
                    add("pipeline", t.route() + ": one request p50", t.singleP50(), "ms",
                            String.format(Locale.ROOT, "10 at once p50 %.2f ms; %d not completed%s", t.parallelP50(), t.failures(), t.ends().note()));
                }
            }
        }
        Backend.setThreads(Backend.configuredThreads());
    }

    private void soak(ModelStore store) throws Exception {
        int requests = quick ? 2000 : 10000;
        SoakRun.Settings s = new SoakRun.Settings(requests, 32, Duration.ofMillis(250), 0.002, 0.001, 400, quick ? 300 : 1000, 1);
        try (ServingNode node = ServingNode.start(ServingConfig.local(), RouteEngine.shipped(store, "unified"))) {
            SoakRun.Result r = SoakRun.run(node, s, SoakRun.rssKb(), line -> { });
            add("soak", "requests lost (must be 0)", r.lost(), "requests", requests + " mixed requests, injected crashes and slow spells");
            add("soak", "throughput", r.totals().sent() / r.seconds(), "requests/s", r.restarts() + " worker restarts");
            add("soak", "RSS growth after warm-up", r.growthPercent(), "%", "end " + r.rssEndKb() / 1024 + " MB");
        }
    }

    private void ui() throws Exception {
        var r = org.reflectlab.ui.bench.WorkspaceTour.run(quick ? 5 : 15, line -> {
            err.println(line);
            err.flush();
        });
        org.reflectlab.ui.bench.WorkspaceTour.shutdown();
        for (var g : r.workspaces()) {
            add("ui", g.workspace() + ": " + g.action() + ", pulse gap p99", g.p99(), "ms",
                    String.format(Locale.ROOT, "p50 %.1f, worst %.1f ms; opening %.0f ms", g.p50(), g.max(), g.openMs()));
        }
        add("ui", "peak RSS over the tour", r.peakRssMb(), "MB", "target < 1024");
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
