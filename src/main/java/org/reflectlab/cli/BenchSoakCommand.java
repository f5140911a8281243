package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.bench.SoakRun;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Mixed routes on one local node with random injected crashes and slow spells that time requests out.",
            "Prints how every request ended (lost must be 0), restarts, and RSS at start, after warm-up and at the end."})
final class BenchSoakCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--requests", defaultValue = "10000", description = "Requests to send (default: ${DEFAULT-VALUE}).")
    int requests;
    @Option(names = "--in-flight", defaultValue = "32", description = "Requests outstanding at most (default: ${DEFAULT-VALUE}).")
    int inFlight;
    @Option(names = "--timeout-ms", defaultValue = "250", description = "Budget per request (default: ${DEFAULT-VALUE}; short, so slow spells time requests out).")
    long timeoutMs;
    @Option(names = "--crash-rate", defaultValue = "0.002", description = "Chance per request of crashing a random worker (default: ${DEFAULT-VALUE}).")
    double crashRate;
    @Option(names = "--slow-rate", defaultValue = "0.001", description = "Chance per request of a slow spell on a random worker (default: ${DEFAULT-VALUE}).")
    double slowRate;
    @Option(names = "--slow-ms", defaultValue = "400", description = "Delay per batch during a slow spell (default: ${DEFAULT-VALUE}).")
    long slowMs;
    @Option(names = "--warmup", defaultValue = "1000", description = "Requests before faults start and RSS is sampled (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--compute-threads", defaultValue = "0", description = "Workers that may run their model at once (default: ${DEFAULT-VALUE} = "
            + "one less than the cores, at least 1), for comparison.")
    int computeThreads;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of routes, inputs and faults (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (requests < 1 || inFlight < 1 || timeoutMs < 1 || warmup < 0 || warmup >= requests) {
            spec.commandLine().getErr().println("error: --requests, --in-flight, --timeout-ms must be positive and --warmup below --requests");
            return Cli.BAD_INPUT;
        }
        long rssStart = SoakRun.rssKb();
        Backend.start(1);
        ModelStore store = models.store();
        SoakRun.Settings s = new SoakRun.Settings(requests, inFlight, Duration.ofMillis(timeoutMs), crashRate, slowRate, slowMs, warmup, seed);
        o.printf(Locale.ROOT, "# soak: %d requests, mixed routes, %d in flight, timeout %d ms, crash rate %.4f, slow rate %.4f (%d ms), seed %d%n",
                requests, inFlight, timeoutMs, crashRate, slowRate, slowMs, seed);
        SoakRun.Result r;
        try (ServingNode node = ServingNode.start(ServingConfig.local().withAdmission(ServingConfig.Admission.defaults().withComputeThreads(computeThreads)), RouteEngine.shipped(store, "unified"))) {
            r = SoakRun.run(node, s, rssStart, line -> {
                o.println(line);
                o.flush();
            });
            ServeCommand.printStats(o, node);
        }
        var t = r.totals();
        o.printf(Locale.ROOT, "sent %d  completed %d  failed %d  timed out %d  rejected %d  lost %d%n", t.sent(), t.completed(),
                t.failed(), t.timedOut(), t.rejected(), r.lost());
        o.printf(Locale.ROOT, "injected crashes %d, slow spells %d; restarts %d; jobs cancelled at workers %d; %.1f s, %.0f requests/s%n",
                r.crashesInjected(), r.slowSpells(), r.restarts(), r.cancelledAtWorkers(), r.seconds(), t.sent() / r.seconds());
        o.printf(Locale.ROOT, "RSS: start %d MB, after warm-up %d MB, end %d MB (growth after warm-up %+.1f%%)%n", r.rssStartKb() / 1024,
                r.rssAfterWarmupKb() / 1024, r.rssEndKb() / 1024, r.growthPercent());
        return r.lost() == 0 ? 0 : Cli.FAILED;
    }
}
