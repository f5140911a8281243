package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.bench.SweepBench;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.scaling.SweepJobs;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sweep jobs on 1 node vs 2 loopback nodes (one JVM, the same cores): jobs per second, messaging overhead per",
            "job (empty jobs), and rows lost or stored twice against the 1-node run (must be 0)."})
final class BenchSweepCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--methods", defaultValue = "bon,reflect", description = "Methods (default: ${DEFAULT-VALUE}).")
    String methods;
    @Option(names = "--k", defaultValue = "1,2,4", description = "K values (default: ${DEFAULT-VALUE}).")
    String ks;
    @Option(names = "--per-category", defaultValue = "3", description = "Prompts per category, one job each (default: ${DEFAULT-VALUE}).")
    int perCategory;
    @Option(names = "--empty-jobs", defaultValue = "2000", description = "Empty jobs for the overhead figure (default: ${DEFAULT-VALUE}).")
    int emptyJobs;
    @Option(names = "--prompts", defaultValue = "assets/geneval-lite.json", description = "Prompt set (default: ${DEFAULT-VALUE}).")
    Path prompts;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        SweepSettings s;
        try {
            s = new SweepSettings(Method.parseList(methods), SweepSettings.parseKs(ks), perCategory, 1, 8, 2.0, 3);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (!Files.isRegularFile(prompts)) {
            spec.commandLine().getErr().println("error: no prompt set at " + prompts);
            return Cli.BAD_INPUT;
        }
        // nodes leaving at the end of each setup abort their connections: expected here, not worth a warning
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pekko.stream.Materializer", "error");
        Backend.start();
        ModelStore store = models.store();
        List<PromptSet.Prompt> list = SweepInputs.prompts(PromptSet.read(prompts), s.perCategory());
        o.printf(Locale.ROOT, "# %d cores; empty jobs: %d; sweep: %s, K %s, %d prompts (one job each), seed 1%n",
                Runtime.getRuntime().availableProcessors(), emptyJobs, s.methods().stream().map(Method::id).toList(), s.ks(), list.size());
        o.printf("%-44s %6s %8s %9s %13s %6s %5s %10s %9s%n", "setup", "jobs", "s", "jobs/s", "overhead/job", "rows", "lost",
                "duplicated", "identical");
        for (boolean two : new boolean[] {false, true}) {
            SweepBench.empty(200, two); // warm-up
            print(o, "empty jobs, ", SweepBench.empty(emptyJobs, two));
        }
        Path dir = Files.createTempDirectory("reflectlab-bench-sweep");
        SweepBench.Result ref = SweepBench.sweep(() -> SweepJobs.handler(ReflectModels.load(store)), false, 1, s, list,
                dir.resolve("one"), null);
        print(o, "sweep, ", ref);
        List<String> reference = SweepBench.comparable(org.reflectlab.core.scaling.SweepStore.read(dir.resolve("one")).rows());
        print(o, "sweep, ", SweepBench.sweep(() -> SweepJobs.handler(ReflectModels.load(store)), false, 2, s, list, dir.resolve("two"),
                reference));
        print(o, "sweep, ", SweepBench.sweep(() -> SweepJobs.handler(ReflectModels.load(store)), true, 1, s, list, dir.resolve("nodes"),
                reference));
        o.println("# rows compared on every field but wall_ms; lost = expected rows missing, duplicated = lines in results.csv "
                + "beyond one per row; sweep times include loading each worker's models. Stores in " + dir);
        return 0;
    }

    private static void print(PrintWriter o, String prefix, SweepBench.Result r) {
        o.printf(Locale.ROOT, "%-44s %6d %8.2f %9.1f %13s %6d %5d %10d %9s%n", prefix + r.setup(), r.jobs(), r.seconds(), r.jobsPerSecond(),
                Double.isNaN(r.overheadMillis()) ? "-" : String.format(Locale.ROOT, "%.3f ms", r.overheadMillis()), r.rows(), r.lost(),
                r.duplicated(), r.identical() ? "yes" : "NO");
        o.flush();
    }
}
