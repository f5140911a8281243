package org.reflectlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.bench.TrainBenchmark;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.ui.bench.UiPulseProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed checks (not tests): training throughput, UI responsiveness.",
        subcommands = {BenchCommand.Train.class, BenchCommand.Inference.class, BenchCommand.Ui.class, BenchWorldCommand.class,
            BenchLayoutCommand.class, BenchCommand.Ttt.class, BenchPipelineCommand.class, BenchSoakCommand.class,
            BenchSweepCommand.class, BenchAllCommand.class, BenchHttpCommand.class, BenchStartupCommand.class, BenchKillCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train the default unified model for a while and print steps/s, samples/s, GFLOP/s and peak RSS,",
                "on the fast path and on SameDiff's graph, with 1 and 2 ND4J threads; --profile adds where a step's time goes:",
                "per kernel kind on the fast path (gemm its own row), per op on SameDiff's graph.",
                "Set OMP_WAIT_POLICY=PASSIVE for 2 threads."})
    static final class Train implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--threads", defaultValue = "1,2", split = ",", description = "ND4J thread counts (default: ${DEFAULT-VALUE}).")
        int[] threads;
        @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batch;
        @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--steps", defaultValue = "40", description = "Timed steps (default: ${DEFAULT-VALUE}).")
        int steps;
        @Option(names = "--paths", defaultValue = "fast,samediff", split = ",",
                description = "Which implementations, fast and/or samediff (default: ${DEFAULT-VALUE}); fast runs first, so its peak RSS is its own.")
        java.util.List<String> paths;
        @Option(names = "--profile", description = "Also print where a step's time goes: per kernel kind on the fast path, per ND4J op on SameDiff's graph.")
        boolean profile;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            if (!paths.stream().allMatch(p -> p.equals("fast") || p.equals("samediff"))) {
                spec.commandLine().getErr().println("error: --paths takes fast and/or samediff");
                return Cli.BAD_INPUT;
            }
            Backend.start();
            UnifiedConfig cfg = UnifiedConfig.defaults();
            o.printf("# unified model (default config), batch %d, %d warm-up + %d timed steps; OMP_WAIT_POLICY=%s; products split by: %s%n",
                    batch, warmup, steps, System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)"),
                    org.reflectlab.core.nn.fast.Lanes.gemmThreads());
            o.printf("%-9s %-8s %10s %12s %10s %14s %12s %11s%n", "path", "threads", "steps/s", "samples/s", "GFLOP/s",
                    "GFLOP/step", "peak RSS", "");
            for (String path : paths.stream().sorted().toList()) {
                for (int n : threads) {
                    TrainBenchmark.Result r = org.reflectlab.core.nn.fast.FastPath.with(path.equals("fast"),
                            () -> TrainBenchmark.run(cfg, batch, n, warmup, steps));
                    String ratio = "";
                    o.printf(Locale.ROOT, "%-9s %-8d %10.2f %12.1f %10.1f %14.2f %9d MB %11s%n", path, r.threads(),
                            r.stepsPerSecond(), r.samplesPerSecond(), r.gflops(), r.flopsPerStep() / 1e9, r.peakRssMb(), ratio);
                }
            }
            o.println("# No PyTorch ratio: a figure measured on another machine or day says nothing about this run; compare "
                    + "with PyTorch only side by side on one machine.");
            o.println("# FLOPs: matrix multiplies only (forward x 3 for forward + backward); element-wise ops not counted.");
            o.println("# peak RSS is the process's high-water mark so far (rows run in the order shown).");
            if (profile && paths.contains("fast")) {
                Map<String, Double> fast = TrainBenchmark.profileFast(cfg, batch, warmup, Math.max(5, steps / 2));
                double step = fast.remove("step");
                o.printf(Locale.ROOT, "# where a fast-path step's time goes (1 thread, %.1f ms per step, CPU: %s):%n", step,
                        org.reflectlab.core.backend.Backend.cpuName());
                fast.forEach((k, v) -> o.printf(Locale.ROOT, "  %-16s %8.2f ms  %5.1f%%%n", k, v, 100 * v / step));
            }
            if (profile && paths.contains("samediff")) {
                Backend.setThreads(1);
                Map<String, Double> ms = TrainBenchmark.profile(cfg, batch, 5);
                double total = ms.values().stream().mapToDouble(d -> d).sum();
                o.printf("# where a SameDiff step's time goes (1 thread, profiled, %.0f ms per step):%n", total);
                ms.entrySet().stream().limit(14).forEach(e -> o.printf(Locale.ROOT, "  %-60s %7.1f ms  %5.1f%%%n",
                        e.getKey(), e.getValue(), 100 * e.getValue() / total));
            }
            return 0;
        }
    }

    @Command(name = "inference", mixinStandardHelpOptions = true,
            description = {"Inference latency on the shipped models, 1 ND4J thread: each piece of work on SameDiff's graphs and",
                "on the fast path, the CPU named. --rounds: the batch-1 works on the fast path, kernel sets alternated in short",
                "rounds, medians and interquartile ranges (what a 10 % change shows through on a shared machine)."})
    static final class Inference implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "3", description = "Seconds per measurement, a third of it warm-up (default: ${DEFAULT-VALUE}).")
        double seconds;
        @Mixin
        ModelsFolder models;
        @Option(names = "--profile", description = "Also print where a fast unified forward at batch 1 goes, per kernel kind (\"other\": "
                + "the Java around the kernels: inputs, outputs, bookkeeping).")
        boolean profile;
        @Option(names = "--rounds", defaultValue = "0", description = {"Instead of the table: the batch-1 works on the fast path in this "
                + "many short rounds, each running every --candidates one after the other, and per work and candidate the median "
                + "and interquartile range of ms per call (wall and thread CPU) and the median ratio to the first candidate "
                + "(0: the table; try 60)."})
        int rounds;
        @Option(names = "--round-ms", defaultValue = "25", description = "With --rounds: milliseconds per work and candidate in a round, "
                + "at least one call (default: ${DEFAULT-VALUE}).")
        double roundMs;
        @Option(names = "--warmup-seconds", defaultValue = "8", description = "With --rounds: untimed rounds first (default: ${DEFAULT-VALUE}).")
        double warmupSeconds;
        @Option(names = "--candidates", defaultValue = "current,reference", split = ",", description = {"With --rounds: kernel sets to "
                + "alternate, current and/or reference (the ninth session's starting kernels; -Dreflectlab.kernels=reference selects them "
                + "for a whole run); a name may repeat (current,current: the noise between two identical candidates) "
                + "(default: ${DEFAULT-VALUE})."})
        List<String> candidates;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            if (!(seconds > 0 && seconds <= 600)) {
                spec.commandLine().getErr().println("error: --seconds must be in (0, 600]");
                return Cli.BAD_INPUT;
            }
            if (rounds < 0 || rounds > 100_000 || !(roundMs > 0 && roundMs <= 10_000) || !(warmupSeconds >= 0 && warmupSeconds <= 600)
                    || !candidates.stream().allMatch(c -> c.equals("current") || c.equals("reference"))) {
                spec.commandLine().getErr().println("error: --rounds in [0, 100000], --round-ms in (0, 10000], --warmup-seconds in "
                        + "[0, 600], --candidates current and/or reference");
                return Cli.BAD_INPUT;
            }
            Backend.start(1);
            var store = models.store();
            var bench = new org.reflectlab.core.bench.InferenceBenchmark(
                    org.reflectlab.core.train.UnifiedModelIO.load(store, org.reflectlab.core.train.UnifiedModelIO.DEFAULT_NAME),
                    org.reflectlab.core.reflect.ReflectModels.load(store), seconds);
            if (rounds > 0) {
                printRounds(o, bench);
                return 0;
            }
            o.printf("# CPU: %s; fast-path kernels: %s%n", Backend.cpuName(),
                    org.reflectlab.core.nn.fast.Kernels.VECTOR ? "vectorised" : "scalar");
            o.printf("%-58s %10s %10s %8s%n", "work (ms per call, 1 thread)", "SameDiff", "fast", "speedup");
            for (var r : bench.run()) {
                o.printf(Locale.ROOT, "%-58s %10.2f %10.2f %7.1fx%n", r.work(), r.graphMs(), r.fastMs(), r.speedup());
            }
            o.println("# No PyTorch column: a figure measured on another machine or day says nothing about this run.");
            profile(o, bench);
            return 0;
        }

        private void printRounds(PrintWriter o, org.reflectlab.core.bench.InferenceBenchmark bench) {
            String loadBefore = Ui.loadAverage();
            List<org.reflectlab.core.bench.AlternatingRounds.Candidate> list = candidates.stream()
                    .map(c -> new org.reflectlab.core.bench.AlternatingRounds.Candidate(c, new org.reflectlab.core.bench.AlternatingRounds.Wrapper() {
                        @Override
                        public <T> T run(java.util.function.Supplier<T> body) {
                            return org.reflectlab.core.nn.fast.KernelSet.with(c.equals("reference"), body);
                        }
                    })).toList();
            long t0 = System.nanoTime();
            var rows = bench.rounds(list, warmupSeconds, rounds, roundMs);
            o.printf(Locale.ROOT, "# CPU: %s; fast-path kernels: %s; %d rounds of ~%.0f ms per work and kernel set after %.0f s of warm-up "
                    + "(%.0f s in all); load average (1 min) before %s, after %s%n", Backend.cpuName(),
                    org.reflectlab.core.nn.fast.Kernels.VECTOR ? "vectorised" : "scalar", rounds, roundMs, warmupSeconds,
                    (System.nanoTime() - t0) / 1e9, loadBefore, Ui.loadAverage());
            printRoundsTable(o, rows, candidates.get(0));
            o.println("# ratios: the median over rounds of each round's ms per call against the first candidate's in the same round, "
                    + "(interquartile range as % of it); CPU: the thread's CPU time, without the time it waited for a core.");
            profile(o, bench);
        }

        private void profile(PrintWriter o, org.reflectlab.core.bench.InferenceBenchmark bench) {
            if (profile) {
                Map<String, Double> ms = bench.profileForward(1);
                double step = ms.remove("call");
                o.printf(Locale.ROOT, "# where a fast unified forward at batch 1 goes (1 thread, %s kernels, %.2f ms per call, CPU: %s):%n",
                        org.reflectlab.core.nn.fast.KernelSet.name(), step, Backend.cpuName());
                ms.forEach((k, v) -> o.printf(Locale.ROOT, "  %-14s %8.3f ms %5.1f%%%n", k, v, 100 * v / step));
            }
        }
    }

    /** The alternating rounds of {@code bench inference --rounds}: one line per work and candidate. */
    private static void printRoundsTable(PrintWriter o, List<org.reflectlab.core.bench.AlternatingRounds.Row> rows, String first) {
        o.printf("%-56s %-10s %22s %22s %16s %16s%n", "work (ms per call, 1 thread)", "kernels", "wall: median (p25-p75)",
                "CPU: median (p25-p75)", "wall / " + first, "CPU / " + first);
        for (var r : rows) {
            o.printf(Locale.ROOT, "%-56s %-10s %8.3f (%6.3f-%6.3f) %8.3f (%6.3f-%6.3f) %6.3f (%4.0f%%) %6.3f (%4.0f%%)%n", r.work(),
                    r.candidate(), r.wallMs().median(), r.wallMs().q1(), r.wallMs().q3(), r.cpuMs().median(), r.cpuMs().q1(),
                    r.cpuMs().q3(), r.ratio().median(), r.ratio().iqrPercent(), r.cpuRatio().median(), r.cpuRatio().iqrPercent());
        }
    }

    @Command(name = "ui", mixinStandardHelpOptions = true,
            description = {"Tour every workspace of the real main window headless (the backend starting in the background, as in",
                "the app), run each one's heaviest action, and print per workspace the gaps between FX pulses (p50, p99, worst)",
                "and the frames over 33 ms; then memory after start-up, after the tour and after --idle-seconds on the first",
                "workspace (the others release their heavy state meanwhile), each after a full GC, and the tour's peak RSS.",
                "The tour runs with the JVM options the app ships with (heap limit, GC and native-heap settings): a JVM",
                "started without them runs it in a child JVM that has them (--this-jvm: measure this JVM as started).",
                "Exit code 1 if a pulse target is missed (p99 < 20 ms, no gap over 100 ms). --train-only: the old probe",
                "(training in the Train workspace only)."})
    static final class Ui implements Callable<Integer> {
        static final double P99_TARGET_MS = 20;
        static final double WORST_TARGET_MS = 100;
        static final long PEAK_TARGET_MB = 1024;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "15", description = "How long each workspace's action runs at most (default: ${DEFAULT-VALUE}).")
        double seconds;
        @Option(names = "--idle-seconds", defaultValue = "45", description = "How long to wait on the first workspace after the tour "
                + "before reading memory again; 0 skips it (default: ${DEFAULT-VALUE}; workspaces release after "
                + "-Dreflectlab.release.seconds, default 30).")
        double idleSeconds;
        @Option(names = "--memory", description = "Also print the heap's largest classes and the JVM's native areas after the tour "
                + "(run the JVM with -XX:NativeMemoryTracking=summary for the latter).")
        boolean memory;
        @Option(names = "--only", split = ",", paramLabel = "WORKSPACE", description = "Visit only these workspaces "
                + "(ids as in the tour's table, e.g. scaling), to iterate on one; the targets then cover those only.")
        List<String> only = List.of();
        @Option(names = "--train-only", description = "Only train in the Train workspace (for --seconds) and measure.")
        boolean trainOnly;
        @Option(names = "--this-jvm", description = "Measure this JVM with the options it was started with, even where they are "
                + "not the app's (by default a child JVM with the shipped memory options runs the tour).")
        boolean thisJvm;
        @Option(names = "--startup-launches", defaultValue = "0", description = "First time this many launches of the app image, "
                + "as bench startup does (needs DISPLAY and --image), so one command prints every figure (default: 0, none).")
        int startupLaunches;
        @Option(names = "--image", defaultValue = "target/dist/ReflectLab/bin/ReflectLab",
                description = "The app image's launcher for --startup-launches (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path image;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            if (!(seconds > 0 && seconds <= 600) || !(idleSeconds >= 0 && idleSeconds <= 3600)) {
                spec.commandLine().getErr().println("error: --seconds must be in (0, 600] and --idle-seconds in [0, 3600]");
                return Cli.BAD_INPUT;
            }
            if (trainOnly) {
                UiPulseProbe.Result r = UiPulseProbe.run(seconds);
                o.printf(Locale.ROOT, "FX pulses while training: %d in %.0f s; gap p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                        + "(training did %d steps meanwhile)%n", r.pulses(), r.seconds(), r.p50(), r.p99(), r.max(), r.trainingSteps());
                o.println(r.p99() < P99_TARGET_MS ? "OK: p99 under 20 ms" : "SLOW: p99 at or over 20 ms");
                return r.p99() < P99_TARGET_MS ? 0 : 1;
            }
            var err = spec.commandLine().getErr();
            List<String> missing = AsShipped.missing(AsShipped.jvmArgs());
            if (!thisJvm && !missing.isEmpty()) {
                o.println("# this JVM was started without the app's memory options " + missing + ": the tour runs in a child JVM "
                        + "with " + AsShipped.options() + " (--this-jvm: measure this JVM instead)");
                o.flush();
                List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
                args.add("--this-jvm");
                return AsShipped.run(args);
            }
            o.println("# JVM: max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; "
                    + (missing.isEmpty() ? "the app's memory options " + AsShipped.options() : "NOT the app's memory options (missing "
                    + missing + ")"));
            boolean started = true;
            if (startupLaunches > 0) {
                String cannot = startupLaunches > 50 ? "--startup-launches must be in [0, 50]" : BenchStartupCommand.cannotLaunch(image);
                if (cannot != null) {
                    err.println("error: " + cannot);
                    return Cli.BAD_INPUT;
                }
                o.println("## start-up of the app image (" + image + ")");
                started = BenchStartupCommand.measure(o, image, startupLaunches, "");
                o.println("## the workspace tour");
                o.flush();
            }
            String loadBefore = loadAverage();
            org.reflectlab.ui.bench.WorkspaceTour.Result r = org.reflectlab.ui.bench.WorkspaceTour.run(seconds, idleSeconds, memory, only, line -> {
                err.println(line);
                err.flush();
            });
            org.reflectlab.ui.bench.WorkspaceTour.shutdown();
            o.println("# CPU: " + Backend.cpuName() + "; load average (1 min) before " + loadBefore + ", after " + loadAverage());
            o.println(org.reflectlab.ui.bench.WorkspaceTour.header());
            r.workspaces().forEach(g -> o.println(g.line()));
            boolean pulses = r.workspaces().stream().allMatch(g -> g.p99() < P99_TARGET_MS && g.max() <= WORST_TARGET_MS);
            o.println((pulses ? "met" : "MISSED") + ": pulse p99 < 20 ms and no gap over 100 ms in every workspace");
            o.printf(Locale.ROOT, "peak RSS over the tour: %d MB (%s: < %d MB)%n", r.peakRssMb(),
                    r.peakRssMb() < PEAK_TARGET_MB ? "met" : "MISSED", PEAK_TARGET_MB);
            o.println("after start-up: " + r.startup().line());
            o.println("after the tour: " + r.afterTour().line());
            if (r.afterIdle() != null) {
                double growth = 100.0 * (r.afterIdle().rssMb() - r.startup().rssMb()) / r.startup().rssMb();
                o.printf(Locale.ROOT, "after %.0f s on the first workspace: %s%n", r.idleSeconds(), r.afterIdle().line());
                o.printf(Locale.ROOT, "RSS after leaving every workspace: %+.0f %% of its value after start-up (%s: within 20 %%)%n",
                        growth, growth <= 20 ? "met" : "MISSED");
            }
            if (!r.histogram().isEmpty()) {
                o.println("heap's largest classes after the tour (jcmd GC.class_histogram):");
                r.histogram().forEach(o::println);
            }
            if (!r.nativeAreas().isEmpty()) {
                o.println("JVM native areas after the tour (NativeMemoryTracking):");
                r.nativeAreas().forEach(o::println);
            }
            if (!r.idleHistogram().isEmpty()) {
                o.println("heap's largest classes after the wait (what stays):");
                r.idleHistogram().forEach(o::println);
            }
            return pulses && started ? 0 : 1;
        }

        /** The 1-minute load average (what else ran on the machine meanwhile), "?" where unknown. */
        static String loadAverage() {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
            } catch (java.io.IOException | RuntimeException e) {
                return "?";
            }
        }
    }

    @Command(name = "ttt", mixinStandardHelpOptions = true,
            description = {"Measure what a test-time-training gradient step costs against one generator evaluation (NFE)",
                "on this machine, beside the FLOP-based factor the scaling sweep uses."})
    static final class Ttt implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--repeats", defaultValue = "30", description = "Timed repeats (default: ${DEFAULT-VALUE}).")
        int repeats;
        @Mixin
        ModelsFolder models;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            Backend.start();
            var reflector = org.reflectlab.core.reflect.ReflectModels.load(models.store());
            var ttt = new org.reflectlab.core.scaling.TestTimeTraining(reflector);
            double[] m = ttt.measureStepCost(org.reflectlab.core.data.CaptionParser.parse("two red circles").caption(),
                    Math.max(2, repeats));
            o.printf(Locale.ROOT, "one NFE (batch 1): %.2f ms; one TTT gradient step (batch %d, prompt layers trained): %.2f ms%n",
                    m[0], org.reflectlab.core.scaling.TestTimeTraining.BATCH, m[1]);
            o.printf(Locale.ROOT, "measured: a gradient step costs %.2f NFE per example in time; the sweep counts %.1f (FLOPs: forward + backward)%n",
                    m[2], reflector.compute().gradientStep());
            return 0;
        }
    }
}
