package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.bench.PlayBenchmark;
import org.reflectlab.core.world.ImplicitModelIO;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.WorldModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "world", mixinStandardHelpOptions = true,
        description = {"Live play speed: frames per second of the true simulator plus each world model predicting the",
            "next frame (3 balls, arrow-key-like held pushes), unpaced. The World workspace aims for >= 24."})
final class BenchWorldCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds per model (default: ${DEFAULT-VALUE}).")
    double seconds;
    @Option(names = "--warmup", defaultValue = "300", description = "Untimed frames first (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--alpha", defaultValue = "0.7", description = "Hybrid blend (default: ${DEFAULT-VALUE}).")
    double alpha;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (!(seconds > 0 && seconds <= 600) || warmup < 0) {
            spec.commandLine().getErr().println("error: --seconds must be in (0, 600] and --warmup >= 0");
            return Cli.BAD_INPUT;
        }
        Backend.start();
        WorldModels wm = WorldModels.load(models.store(),
                ImplicitModelIO.DEFAULT_NAME, PhysicsParams.defaults(), 32);
        if (!wm.hasImplicit()) {
            spec.commandLine().getErr().println("warning: " + wm.implicitProblem().english());
        }
        o.printf("# live play, unpaced, %d warm-up frames, %.0f s per model, %d ND4J thread(s)%n", warmup, seconds,
                Backend.current().computeThreads());
        o.printf("%-10s %8s %12s %10s %10s%n", "model", "frames", "frames/s", "p50 ms", "p99 ms");
        boolean ok = true;
        for (ModelKind k : new ModelKind[] {ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID}) {
            if (k != ModelKind.EXPLICIT && !wm.hasImplicit()) {
                continue;
            }
            PlayBenchmark.Result r = PlayBenchmark.run(wm, k, alpha, seconds, warmup);
            o.printf(Locale.ROOT, "%-10s %8d %12.1f %10.2f %10.2f%n", k.label(), r.frames(), r.framesPerSecond(), r.p50(), r.p99());
            ok &= r.framesPerSecond() >= 24;
        }
        o.println(ok ? "OK: every model sustains >= 24 frames/s" : "SLOW: a model runs under 24 frames/s");
        return ok ? 0 : 1;
    }
}
