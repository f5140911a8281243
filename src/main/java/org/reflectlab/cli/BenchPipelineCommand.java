package org.reflectlab.cli;

import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.bench.PipelineBench;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"The lecture's serving benchmark (section 5.4), measured: per route, one request at a time and 10 sent at once,",
            "on one local node and on a 2-node cluster over loopback (two actor systems in this JVM, TCP between them:",
            "node A hosts text+audio and receives the requests, node B hosts image)."})
final class BenchPipelineCommand implements Callable<Integer> {

    /** The lecture's figures (quoted there, never measured). */
    static final double LECTURE_SINGLE_MS = 5;
    static final double LECTURE_PARALLEL_MS = 20;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--warmup", defaultValue = "300", description = "Untimed requests per route first (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--singles", defaultValue = "200", description = "Timed one-at-a-time requests per route (default: ${DEFAULT-VALUE}).")
    int singles;
    @Option(names = "--bursts", defaultValue = "50", description = "Timed bursts of --parallel requests per route (default: ${DEFAULT-VALUE}).")
    int bursts;
    @Option(names = "--parallel", defaultValue = "10", description = "Requests per burst (default: ${DEFAULT-VALUE}, the lecture's).")
    int parallel;
    @Option(names = "--no-cluster", description = "Skip the 2-node loopback cluster.")
    boolean noCluster;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (warmup < 0 || singles < 1 || bursts < 1 || parallel < 1) {
            spec.commandLine().getErr().println("error: --singles, --bursts and --parallel must be at least 1");
            return Cli.BAD_INPUT;
        }
        Backend.start(1);
        ModelStore store = models.store();
        ServingNode.EngineFactory engines = RouteEngine.shipped(store, "unified");
        o.printf("# %d warm-up, %d single and %d x %d parallel requests per route; 1 worker per modality; timed at the client%n",
                warmup, singles, bursts, parallel);
        header(o);
        try (ServingNode local = ServingNode.start(ServingConfig.local(), engines)) {
            table(o, "1 node", local);
        }
        if (!noCluster) {
            int pa = freePort();
            ServingConfig a = ServingConfig.local().withRoles(EnumSet.of(Modality.TEXT, Modality.AUDIO)).clustered("127.0.0.1", pa,
                    List.of("127.0.0.1:" + pa));
            ServingConfig b = ServingConfig.local().withRoles(EnumSet.of(Modality.IMAGE)).clustered("127.0.0.1", freePort(),
                    List.of("127.0.0.1:" + pa));
            try (ServingNode na = ServingNode.start(a, engines); ServingNode nb = ServingNode.start(b, engines)) {
                if (!na.awaitWorkers(Map.of(Modality.IMAGE, 1), Duration.ofSeconds(30))) {
                    o.println("# the 2-node cluster did not form within 30 s: no cluster figures");
                    return Cli.FAILED;
                }
                table(o, "2 nodes", na);
            }
        }
        o.printf(Locale.ROOT, "# lecture (quoted, not measured there): ~%.0f ms per inference, ~%.0f ms for 10 parallel requests%n",
                LECTURE_SINGLE_MS, LECTURE_PARALLEL_MS);
        o.println("# batch: mean jobs per worker batch on the entry node's workers, over all of the route's requests.");
        o.println("# 'x' marks a route whose request crosses nodes (an image step on node B).");
        return 0;
    }

    private void header(PrintWriter o) {
        o.printf("%-8s %-15s %10s %10s %14s %14s %8s %8s %6s%n", "setup", "route", "1 p50 ms", "1 p95 ms",
                parallel + "-par p50 ms", parallel + "-par p95 ms", "vs 5ms", "vs 20ms", "batch");
    }

    private void table(PrintWriter o, String setup, ServingNode node) throws Exception {
        PipelineBench bench = new PipelineBench(node, 1);
        for (Modality in : Modality.values()) {
            for (Modality out : Modality.values()) {
                long[] before = batches(node);
                PipelineBench.RouteTiming t = bench.measure(in, out, warmup, singles, bursts, parallel);
                long[] after = batches(node);
                double batch = (after[0] - before[0]) / (double) Math.max(1, after[1] - before[1]);
                boolean crosses = setup.startsWith("2") && (in == Modality.IMAGE || out == Modality.IMAGE);
                o.printf(Locale.ROOT, "%-8s %-15s %10.2f %10.2f %14.2f %14.2f %7.1fx %7.1fx %6.2f%s%n", setup,
                        t.route() + (crosses ? " x" : ""), t.singleP50(), t.singleP95(), t.parallelP50(), t.parallelP95(),
                        LECTURE_SINGLE_MS / t.singleP50(), LECTURE_PARALLEL_MS / t.parallelP50(), batch,
                        t.ends().note());
                o.flush();
            }
        }
    }

    /** Jobs and batches run by this node's workers so far: their ratio is the mean batch size. */
    private static long[] batches(ServingNode node) {
        long jobs = 0;
        long runs = 0;
        for (var v : node.board().views()) {
            jobs += v.processed();
            runs += v.batches();
        }
        return new long[] {jobs, runs};
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
