package org.reflectlab.cli;

import java.io.File;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.OfferedLoad;
import org.reflectlab.core.serving.OfferedLoad.Outcome;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "kill", mixinStandardHelpOptions = true,
        description = {"Kill one of two cluster nodes under load: node A (this JVM: text + image workers) receives text->image requests at a",
            "fixed rate; node B (a second JVM on loopback, 'serve --cluster --roles image') decodes some of them, and is killed with SIGKILL",
            "mid-load. Counts how every request ended, before and after the kill: requests in flight on B must be answered (failed",
            "or timed out, or served elsewhere), none lost."})
final class BenchKillCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rate", defaultValue = "40", description = "text->image requests per second offered to node A (default: ${DEFAULT-VALUE}).")
    double rate;
    @Option(names = "--before", defaultValue = "10", description = "Seconds of load before the kill (default: ${DEFAULT-VALUE}).")
    int before;
    @Option(names = "--after", defaultValue = "20", description = "Seconds of load after the kill (default: ${DEFAULT-VALUE}).")
    int after;
    @Option(names = "--deadline-ms", defaultValue = "2000", description = "Deadline of each request (default: ${DEFAULT-VALUE}).")
    long deadlineMs;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (!(rate > 0) || before < 1 || after < 1 || deadlineMs < 1 || deadlineMs > 60_000) {
            spec.commandLine().getErr().println("error: --rate, --before and --after are positive, --deadline-ms 1 to 60000");
            return Cli.BAD_INPUT;
        }
        Backend.start(1);
        int pa = BenchPipelineCommand.freePort();
        int pb = BenchPipelineCommand.freePort();
        ServingConfig a = ServingConfig.local().withRoles(EnumSet.of(Modality.TEXT, Modality.IMAGE)).clustered("127.0.0.1", pa,
                List.of("127.0.0.1:" + pa));
        o.printf(Locale.ROOT, "# bench kill: node A 127.0.0.1:%d (text, image; this JVM), node B 127.0.0.1:%d (image; its own JVM); "
                + "text->image at %.0f/s, deadline %d ms; CPU: %s; load average %.1f%n", pa, pb, rate, deadlineMs, BenchHttpCommand.cpuName(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Process b = null;
        try (ServingNode na = ServingNode.start(a, RouteEngine.shipped(models.store(), "unified"))) {
            b = nodeB(pa, pb);
            if (!na.awaitWorkers(Map.of(Modality.IMAGE, 2, Modality.TEXT, 1), Duration.ofSeconds(180))) {
                o.println("# node B's image worker did not join within 180 s: no figures");
                return Cli.FAILED;
            }
            Payload caption = new Payload.Text("a small blue square at bottom right");
            AtomicLong onB = new AtomicLong();
            String bName = "@127.0.0.1:" + pb;
            OfferedLoad.Sender sender = i -> na.request(Modality.TEXT, caption, Modality.IMAGE, Duration.ofMillis(deadlineMs))
                    .thenApply(r -> {
                        if (r instanceof Reply.Completed c && c.decodedBy().endsWith(bName)) {
                            onB.incrementAndGet();
                        }
                        return OfferedLoad.of(r);
                    });
            OfferedLoad.capacity(sender, 8, 3_000); // warm-up: both image workers run batches
            onB.set(0);
            header(o);
            OfferedLoad first = new OfferedLoad(sender, deadlineMs);
            first.rate(rate);
            Thread.sleep(before * 1000L);
            first.rate(0);
            long inFlightAtKill = first.snapshot().inFlight();
            long completedOnB = onB.get();
            long killedAt = System.nanoTime();
            b.destroyForcibly(); // SIGKILL: no leaving, no goodbye; the cluster must find out by itself
            OfferedLoad second = new OfferedLoad(sender, deadlineMs);
            second.rate(rate);
            double droppedAfter = Double.NaN;
            while (System.nanoTime() - killedAt < after * 1_000_000_000L) {
                if (Double.isNaN(droppedAfter) && na.reachableWorkers().getOrDefault(Modality.IMAGE, 0) < 2) {
                    droppedAfter = (System.nanoTime() - killedAt) / 1e9;
                }
                Thread.sleep(20);
            }
            long grace = deadlineMs + 5_000;
            row(o, "before kill", first.drain(grace), completedOnB, inFlightAtKill);
            row(o, "after kill", second.drain(grace), onB.get() - completedOnB, -1);
            first.close();
            second.close();
            o.println("# node A's own count: " + na.metrics().totals());
            o.printf(Locale.ROOT, "# node B killed (SIGKILL) after %d s of load, %d requests in flight on A then; A's router dropped B's image worker "
                    + "%s after the kill%n", before, inFlightAtKill, Double.isNaN(droppedAfter) ? "not within " + after + " s"
                    : String.format(Locale.ROOT, "%.1f s", droppedAfter));
            long lost = na.metrics().totals().lost();
            o.println("# target: every request answered (completed, failed, timed out or refused), 0 lost: " + (lost == 0 ? "met" : "MISSED")
                    + " (node A counted " + lost + " lost)");
            return lost == 0 ? 0 : Cli.FAILED;
        } finally {
            if (b != null && b.isAlive()) {
                b.destroyForcibly();
            }
        }
    }

    /** Node B in its own JVM (same Java, same flags, same class path), so that it can be killed outright. */
    private Process nodeB(int pa, int pb) throws java.io.IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.reflectlab.Launcher", "serve", "--cluster", "--host", "127.0.0.1",
                "--port", Integer.toString(pb), "--seed-nodes", "127.0.0.1:" + pa, "--roles", "image", "--models", models.path().toString(),
                "--stats-every", "3600"));
        // stdin stays open (serve reads requests from it until it ends); B's own output is not this report's
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void header(PrintWriter o) {
        o.printf("%-12s %6s %9s %8s %6s %8s %7s %8s %5s %9s %9s%n", "phase", "sent", "completed", "on B", "failed", "timedout", "refused",
                "at kill", "lost", "p50 ms", "p99 ms");
    }

    private static void row(PrintWriter o, String phase, OfferedLoad.Snapshot s, long onB, long atKill) {
        o.printf(Locale.ROOT, "%-12s %6d %9d %8d %6d %8d %7d %8s %5d %9.2f %9.2f%n", phase, s.sent(), s.count(Outcome.COMPLETED), onB,
                s.count(Outcome.FAILED) + s.count(Outcome.ANSWERED_FAILED), s.count(Outcome.TIMED_OUT),
                s.count(Outcome.SHED) + s.count(Outcome.REJECTED), atKill < 0 ? "-" : Long.toString(atKill), s.inFlight(), s.completedP50(),
                s.completedP99());
        o.flush();
    }
}
