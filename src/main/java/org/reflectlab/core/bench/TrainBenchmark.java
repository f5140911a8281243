package org.reflectlab.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.UnifiedTraining;

/**
 * Measures training speed of the unified model: steps/s, samples/s and achieved GFLOP/s (matrix
 * multiply FLOPs of forward + backward, the backward counted as twice the forward), after a
 * warm-up, for a given ND4J thread count. Batches are prepared before timing so only the step
 * is measured.
 */
public final class TrainBenchmark {

    public record Result(int threads, int batch, double stepsPerSecond, double samplesPerSecond, double gflops,
                         long flopsPerStep, long parameters, long peakRssMb) {
    }

    private TrainBenchmark() {
    }

    public static Result run(UnifiedConfig config, int batch, int threads, int warmup, int steps) {
        Backend.setThreads(threads);
        TrainSettings s = new TrainSettings(1e-3, batch, warmup + steps + 10, 1, 10, 1_000_000, 64, 1_000_000);
        UnifiedTraining t = UnifiedTraining.fresh(config, s);
        List<MultiDataSet> batches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batches.add(t.nextBatch());
        }
        for (int i = 0; i < warmup; i++) {
            t.step(batches.get(i % batches.size()));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            t.step(batches.get(i % batches.size()));
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        long flopsPerStep = 3 * t.model().forwardFlopsPerSample() * batch;
        double rate = steps / sec;
        return new Result(threads, batch, rate, rate * batch, rate * flopsPerStep / 1e9, flopsPerStep,
                t.model().params().count(), peakRssMb());
    }

    /**
     * Where a fast-path training step's time goes, per kind of kernel (ms per step, GEMM its own row; "other" is the
     * rest of the step: loops of the losses, the optimizer's bookkeeping, Java), over {@code steps} timed steps.
     */
    public static Map<String, Double> profileFast(UnifiedConfig config, int batch, int warmup, int steps) {
        Backend.setThreads(1);
        TrainSettings s = new TrainSettings(1e-3, batch, warmup + steps + 10, 1, 10, 1_000_000, 64, 1_000_000);
        UnifiedTraining t = org.reflectlab.core.nn.fast.FastPath.with(true, () -> UnifiedTraining.fresh(config, s));
        MultiDataSet batchData = t.nextBatch();
        for (int i = 0; i < warmup; i++) {
            t.step(batchData);
        }
        org.reflectlab.core.nn.fast.KernelTimer.reset();
        org.reflectlab.core.nn.fast.KernelTimer.enable(true);
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < steps; i++) {
                t.step(batchData);
            }
        } finally {
            org.reflectlab.core.nn.fast.KernelTimer.enable(false);
        }
        double total = (System.nanoTime() - t0) / 1e6 / steps;
        Map<String, Double> ms = new LinkedHashMap<>();
        double timed = 0;
        for (var e : org.reflectlab.core.nn.fast.KernelTimer.snapshot().entrySet()) {
            double v = e.getValue() / 1e6 / steps;
            ms.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), v);
            timed += v;
        }
        ms.put("other", Math.max(0, total - timed));
        ms.put("step", total);
        return ms;
    }

    /** Time per ND4J op kind over a few profiled steps of the SameDiff graph (profiling slows steps; times are relative). */
    public static Map<String, Double> profile(UnifiedConfig config, int batch, int steps) {
        TrainSettings s = new TrainSettings(1e-3, batch, steps + 20, 1, 10, 1_000_000, 64, 1_000_000);
        UnifiedTraining t = org.reflectlab.core.nn.fast.FastPath.with(false, () -> UnifiedTraining.fresh(config, s));
        MultiDataSet b = t.nextBatch();
        for (int i = 0; i < 3; i++) {
            t.step(b);
        }
        var profiler = org.nd4j.linalg.profiler.OpProfiler.getInstance();
        profiler.reset();
        OpTimes times = new OpTimes();
        profiler.setClassAggergator(times);
        var executioner = org.nd4j.linalg.factory.Nd4j.getExecutioner();
        executioner.setProfilingMode(org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode.OPERATIONS);
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            t.step(b);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        executioner.setProfilingMode(org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode.DISABLED);
        Map<String, Double> ms = new LinkedHashMap<>();
        double opTotal = 0;
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        for (var e : times.millis().entrySet()) {
            entries.add(e);
            opTotal += e.getValue();
        }
        entries.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        for (var e : entries) {
            ms.put(e.getKey(), e.getValue() / steps);
        }
        ms.put("(outside ops: graph bookkeeping, shape inference, allocation)", Math.max(0, wall - opTotal) / steps);
        return ms;
    }

    /** Collects the profiler's per-op times (its own aggregator keeps them private). */
    private static final class OpTimes extends org.nd4j.linalg.profiler.data.StringAggregator {
        private final Map<String, Long> nanos = new LinkedHashMap<>();

        @Override
        public void putTime(String key, org.nd4j.linalg.api.ops.Op op, long time) {
            nanos.merge(op.opName(), time, Long::sum);
        }

        @Override
        public void putTime(String key, org.nd4j.linalg.api.ops.CustomOp op, long time) {
            nanos.merge(op.opName(), time, Long::sum);
        }

        @Override
        public void putTime(String key, long time) {
            nanos.merge(key, time, Long::sum);
        }

        Map<String, Double> millis() {
            Map<String, Double> out = new LinkedHashMap<>();
            nanos.forEach((k, v) -> out.put(k, v / 1e6));
            return out;
        }
    }

    public static long peakRssMb() {
        return MemoryReport.status("VmHWM:");
    }
}
