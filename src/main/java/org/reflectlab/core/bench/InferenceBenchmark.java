package org.reflectlab.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.fast.FastPath;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.Reflector;

/**
 * Inference latency on the shipped models, each piece of work timed on SameDiff's graphs and on the
 * fast path ({@code org.reflectlab.core.nn.fast}), same inputs, 1 ND4J thread, after a warm-up.
 */
public final class InferenceBenchmark {

    /**
     * One row: milliseconds per call on the graphs and on the fast path, and a published reference
     * (PyTorch on the same graph, measured on this machine in issue 11; NaN where there is none).
     */
    public record Row(String work, double graphMs, double fastMs, double pytorchMs) {
        public double speedup() {
            return graphMs / fastMs;
        }
    }

    /** The same-graph PyTorch figures (1 thread, this machine) that issue 11 measured. */
    public static final double PYTORCH_FORWARD_1_MS = 2.1;
    public static final double PYTORCH_FORWARD_32_MS = 52;

    private final UnifiedModel unified;
    private final Reflector reflector;
    private final double seconds;

    public InferenceBenchmark(UnifiedModel unified, Reflector reflector, double seconds) {
        this.unified = unified;
        this.reflector = reflector;
        this.seconds = seconds;
    }

    public List<Row> run() {
        Backend.setThreads(1);
        List<Row> rows = new ArrayList<>();
        rows.add(unifiedForward(1, PYTORCH_FORWARD_1_MS));
        rows.add(unifiedForward(32, PYTORCH_FORWARD_32_MS));
        Caption prompt = CaptionParser.parse("two red circles").caption();
        Generator g = reflector.generator();
        Generator.Condition cond = new Generator.Condition(prompt, List.of());
        rows.add(both("generator, one NFE (batch 1)", () -> g.sample(cond, 1, 1, 7, 1.0), Double.NaN));
        rows.add(both("generator, one guided step (batch 2)", () -> g.sample(cond, 1, 1, 7, 2.0), Double.NaN));
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(3));
        List<RgbImage> one = List.of(w.render(w.sample(0).scene()));
        rows.add(both("critic, one image", () -> reflector.critic().read(one), Double.NaN));
        rows.add(both("judge, one image", () -> reflector.judge().read(one), Double.NaN));
        Row run = both("", () -> reflect(prompt), Double.NaN);
        rows.add(new Row("reflection iteration (sample + decode + critic + judge)", run.graphMs() / ITERATIONS,
                run.fastMs() / ITERATIONS, Double.NaN));
        return rows;
    }

    /**
     * The batch-1 works of {@link #run()} on the fast path, each under every candidate in alternating rounds
     * ({@link AlternatingRounds}); the reflection iteration is timed per iteration of a run of {@value #ITERATIONS}.
     */
    public List<AlternatingRounds.Row> rounds(List<AlternatingRounds.Candidate> candidates, double warmupSeconds, int rounds,
                                              double roundMs) {
        Backend.setThreads(1);
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(11));
        List<Sample> samples = w.samples(0, 1);
        Map<String, INDArray> in = unified.inputs(samples.stream().map(s -> w.render(s.scene())).toList(),
                samples.stream().map(Sample::caption).toList());
        Caption prompt = CaptionParser.parse("two red circles").caption();
        Generator g = reflector.generator();
        Generator.Condition cond = new Generator.Condition(prompt, List.of());
        ShapesWorld scenes = new ShapesWorld(DataSpec.defaults(3));
        List<RgbImage> one = List.of(scenes.render(scenes.sample(0).scene()));
        List<AlternatingRounds.Work> works = List.of(
                new AlternatingRounds.Work("unified model forward (batch 1)", () -> unified.forwardFast(in)),
                new AlternatingRounds.Work("generator, one NFE (batch 1)", () -> g.sample(cond, 1, 1, 7, 1.0)),
                new AlternatingRounds.Work("generator, one guided step (batch 2)", () -> g.sample(cond, 1, 1, 7, 2.0)),
                new AlternatingRounds.Work("critic, one image", () -> reflector.critic().read(one)),
                new AlternatingRounds.Work("judge, one image", () -> reflector.judge().read(one)),
                new AlternatingRounds.Work("reflection iteration (sample + decode + critic + judge)", () -> reflect(prompt), ITERATIONS));
        return FastPath.with(true, () -> new AlternatingRounds(works, candidates).run(warmupSeconds, rounds, roundMs));
    }

    private Row unifiedForward(int batch, double pytorch) {
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(11));
        List<Sample> samples = w.samples(0, batch);
        Map<String, INDArray> in = unified.inputs(samples.stream().map(s -> w.render(s.scene())).toList(),
                samples.stream().map(Sample::caption).toList());
        String[] outputs = {"z_img", "z_txt", "recon", "gen", "cap_logits"};
        double graph = time(() -> unified.trainingGraph().output(in, outputs));
        double fast = time(() -> unified.forwardFast(in));
        return new Row("unified model forward (batch " + batch + ")", graph, fast, pytorch);
    }

    /**
     * Where a fast unified forward of {@code batch} samples goes, per kernel kind (ms per call; "other" is the Java
     * around the kernels), after the same warm-up as the timings; "call" is the whole call.
     */
    public Map<String, Double> profileForward(int batch) {
        Backend.setThreads(1);
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(11));
        List<Sample> samples = w.samples(0, batch);
        Map<String, INDArray> in = unified.inputs(samples.stream().map(s -> w.render(s.scene())).toList(),
                samples.stream().map(Sample::caption).toList());
        return FastPath.with(true, () -> {
            time(() -> unified.forwardFast(in));
            org.reflectlab.core.nn.fast.KernelTimer.reset();
            org.reflectlab.core.nn.fast.KernelTimer.enable(true);
            double call;
            int calls = 0;
            long t0 = System.nanoTime();
            try {
                do {
                    unified.forwardFast(in);
                    calls++;
                } while (System.nanoTime() - t0 < seconds * 1e9 / 3);
                call = (System.nanoTime() - t0) / 1e6 / calls;
            } finally {
                org.reflectlab.core.nn.fast.KernelTimer.enable(false);
            }
            Map<String, Double> ms = new java.util.LinkedHashMap<>();
            double timed = 0;
            for (var e : org.reflectlab.core.nn.fast.KernelTimer.snapshot().entrySet()) {
                double v = e.getValue() / 1e6 / calls;
                if (e.getKey() != org.reflectlab.core.nn.fast.KernelTimer.Kind.ADAM) {
                    ms.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), v);
                    timed += v;
                }
            }
            ms.put("other", Math.max(0, call - timed));
            ms.put("call", call);
            return ms;
        });
    }

    private static final int ITERATIONS = 4;

    /** A reflection run with the app's default settings, ITERATIONS iterations, no early stop. */
    private void reflect(Caption prompt) {
        ReflectSettings s = ReflectSettings.defaults();
        reflector.reflect(prompt, new ReflectSettings(ITERATIONS, 5, s.samplingSteps(), s.contextSize(), false, s.guidance()),
                it -> { }, () -> false);
    }

    private Row both(String work, Runnable call, double pytorch) {
        double graph = FastPath.with(false, () -> time(call));
        double fast = FastPath.with(true, () -> time(call));
        return new Row(work, graph, fast, pytorch);
    }

    /** Mean ms per call: a warm-up of a third of the budget, then calls for the rest of it. */
    private double time(Runnable call) {
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        do {
            call.run();
        } while (System.nanoTime() < warmEnd);
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 2 / 3 * 1e9);
        int n = 0;
        do {
            call.run();
            n++;
        } while (System.nanoTime() < end);
        return (System.nanoTime() - t0) / 1e6 / n;
    }
}
