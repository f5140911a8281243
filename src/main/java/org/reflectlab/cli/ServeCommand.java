package org.reflectlab.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.serving.LatencyHistogram;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingMetrics;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.serving.WorkerBoard;
import org.reflectlab.core.serving.http.ServingHttp;
import org.reflectlab.core.cluster.PekkoSetup;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve any-to-any requests (text, image, audio in and out) from supervised modality workers.",
            "Local by default: one embedded node with every worker. Requests from stdin, one per line:",
            "  text->image a red circle left of a blue square      image->text scene 12      audio->audio scene 3",
            "(scene N = ShapesWorld sample N, rendered or synthesized). With --cluster the node joins a Pekko cluster",
            "and hosts only its --roles; every node routes to workers anywhere in the cluster."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cluster", description = "Join (or found) a Pekko cluster instead of running alone.")
    boolean cluster;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address this node listens on in a cluster (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "25520", description = "Port this node listens on in a cluster (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--seed-nodes", split = ",", description = "host:port of cluster nodes to join through (default: this node).")
    List<String> seeds;
    @Option(names = "--roles", split = ",", description = "Modalities whose workers this node hosts: text, image, audio (default: all).")
    List<String> roles;
    @Option(names = "--workers", defaultValue = "1", description = "Workers per hosted modality, each with its own model copy (default: ${DEFAULT-VALUE}).")
    int workers;
    @Option(names = "--queue", defaultValue = "64", description = "Requests a worker may hold before new ones are rejected (default: ${DEFAULT-VALUE}).")
    int queue;
    @Option(names = "--timeout-ms", defaultValue = "5000", description = "Budget of each request (default: ${DEFAULT-VALUE}, the lecture's 5 s).")
    long timeoutMs;
    @Option(names = "--for", defaultValue = "0", description = "Seconds to keep serving after stdin ends (0: stop at once when local, run until Ctrl+C in a cluster).")
    long forSeconds;
    @Option(names = "--stats-every", defaultValue = "10", description = "Seconds between metric lines while serving (default: ${DEFAULT-VALUE}).")
    long statsEvery;
    @Mixin
    ModelsFolder models;
    @Option(names = "--http", paramLabel = "PORT", description = "Serve the HTTP API on this port (0 = any free port) instead of reading stdin: "
            + "POST /v1/requests, GET /v1/routes, /health, /metrics, /openapi.yaml.")
    Integer httpPort;
    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Interface the HTTP API listens on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;
    @Option(names = "--deadline", paramLabel = "ROUTE=MS", split = ",", description = "Default deadline of a route, e.g. text->audio=2000 "
            + "(default: --timeout-ms for every route). A request can bring its own.")
    Map<String, Long> deadlines;
    @Option(names = "--max-batch", defaultValue = "32", description = "Largest batch a worker runs (default: ${DEFAULT-VALUE}).")
    int maxBatch;
    @Option(names = "--max-queue-delay-ms", defaultValue = "1", description = "How long a worker waits for a batch to fill (default: ${DEFAULT-VALUE}).")
    long maxQueueDelayMs;
    @Option(names = "--compute-threads", defaultValue = "0", description = "Workers that may run their model at once (default: ${DEFAULT-VALUE} = "
            + "one less than the cores, at least 1, so that model work cannot starve the HTTP server and its refusals).")
    int computeThreads;
    @Option(names = "--no-admission", description = "Admit whatever fits the queues, even what cannot finish in time (for comparison).")
    boolean noAdmission;
    @Option(names = "--max-body-kb", defaultValue = "1024", description = "Largest HTTP body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyKb;
    @Option(names = "--body-timeout-ms", defaultValue = "5000", description = "A body still arriving after this gets 408 and its connection "
            + "is closed (default: ${DEFAULT-VALUE}).")
    long bodyTimeoutMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        ServingConfig cfg;
        try {
            Set<Modality> r = EnumSet.allOf(Modality.class);
            if (roles != null) {
                r = EnumSet.noneOf(Modality.class);
                for (String s : roles) {
                    r.add(Modality.parse(s));
                }
            }
            cfg = ServingConfig.local().withRoles(r).withWorkers(workers).withQueueCapacity(queue).withTimeout(Duration.ofMillis(timeoutMs))
                    .withAdmission(admission());
            if (cluster) {
                if (!PekkoSetup.isHost(host)) {
                    throw new IllegalArgumentException("--host is a host name or address, not '" + host + "'");
                }
                cfg = cfg.clustered(host, port, seeds == null || seeds.isEmpty() ? List.of(host + ":" + port)
                        : PekkoSetup.parseSeeds(String.join(",", seeds)));
            }
            if (httpPort != null && (httpPort < 0 || httpPort > 65535 || !PekkoSetup.isHost(bind) || maxBodyKb < 1 || bodyTimeoutMs < 1)) {
                throw new IllegalArgumentException("--http takes a port 0 to 65535 and --bind a host name or address; "
                        + "--max-body-kb and --body-timeout-ms are positive");
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        Backend.start();
        ModelStore store = models.store();
        try (ServingNode node = ServingNode.start(cfg, RouteEngine.shipped(store, "unified"));
             ServingHttp http = httpPort == null ? null : ServingHttp.start(node, ServingHttp.Settings.defaults(httpPort).withHost(bind)
                     .withLimits(maxBodyKb * 1024, Duration.ofMillis(bodyTimeoutMs), Duration.ofSeconds(30)), line -> {
                         spec.commandLine().getErr().println("http " + line);
                         spec.commandLine().getErr().flush();
                     })) {
            o.printf("# serving node %s: workers %s; queue %d per worker; timeout %d ms%n", node.address(),
                    node.board().views().stream().map(WorkerBoard.View::name).toList(), queue, timeoutMs);
            if (http != null) {
                o.printf("# HTTP API on http://%s (POST /v1/requests, GET /v1/routes, /health, /metrics, /openapi.yaml); Ctrl+C stops%n",
                        http.address());
            }
            o.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "reflectlab-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Thread stats = new Thread(() -> {
                try {
                    while (!stop.await(statsEvery, TimeUnit.SECONDS)) {
                        printStats(o, node);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "reflectlab-serve-stats");
            stats.setDaemon(true);
            stats.start();
            if (http == null) {
                serveStdin(o, node);
            }
            if (forSeconds > 0) {
                stop.await(forSeconds, TimeUnit.SECONDS);
            } else if (cluster || http != null) {
                o.println(http != null ? "# serving HTTP until Ctrl+C" : "# stdin ended; serving the cluster until Ctrl+C");
                o.flush();
                stop.await();
            }
            printStats(o, node);
            stop.countDown();
        }
        return 0;
    }

    private ServingConfig.Admission admission() {
        Map<String, Duration> d = new java.util.TreeMap<>();
        if (deadlines != null) {
            deadlines.forEach((route, ms) -> {
                String[] ends = route.split("->");
                if (ends.length != 2 || ms < 1) {
                    throw new IllegalArgumentException("--deadline is ROUTE=MS, e.g. text->audio=2000, not " + route + "=" + ms);
                }
                d.put(org.reflectlab.core.serving.Reply.route(Modality.parse(ends[0]), Modality.parse(ends[1])), Duration.ofMillis(ms));
            });
        }
        return new ServingConfig.Admission(maxBatch, Duration.ofMillis(maxQueueDelayMs), ServingConfig.Admission.defaults().routeQueue(),
                ServingConfig.Admission.defaults().headroom(), d, !noAdmission, computeThreads);
    }

    private void serveStdin(PrintWriter o, ServingNode node) throws Exception {
        SceneInputs inputs = new SceneInputs(1);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                StdinRequest r = StdinRequest.parse(line, inputs);
                long t0 = System.nanoTime();
                Reply reply = node.request(r.from(), r.data(), r.to()).toCompletableFuture().get();
                o.println(describe(reply, (System.nanoTime() - t0) / 1e6));
            } catch (IllegalArgumentException e) {
                o.println("error: " + e.getMessage());
            }
            o.flush();
        }
    }

    /** One stdin line: "text->image a red circle" or "audio->text scene 12". */
    record StdinRequest(Modality from, Modality to, Payload data) {
        static StdinRequest parse(String line, SceneInputs inputs) {
            String[] parts = line.trim().split("\\s+", 2);
            String[] route = parts[0].split("->");
            if (route.length != 2 || parts.length < 2) {
                throw new IllegalArgumentException("write <in>-><out> <data>, e.g. text->image a red circle");
            }
            Modality from = Modality.parse(route[0]);
            Modality to = Modality.parse(route[1]);
            String rest = parts[1].trim();
            if (rest.equals("scene") || rest.startsWith("scene ")) {
                return new StdinRequest(from, to, inputs.scene(from, SceneInputs.sceneNumber(rest.substring(5))));
            }
            if (from != Modality.TEXT) {
                throw new IllegalArgumentException(from.word() + " input is given as 'scene N' (0 to " + (SceneInputs.SCENES - 1) + ")");
            }
            return new StdinRequest(from, to, new Payload.Text(rest));
        }
    }

    static String describe(Reply r, double ms) {
        if (r instanceof Reply.Completed c) {
            String out;
            if (c.output() instanceof Payload.Text t) {
                out = "\"" + t.text() + "\"";
            } else if (c.output() instanceof Payload.Image i) {
                out = i.image().width() + "x" + i.image().height() + " image";
            } else {
                out = String.format(Locale.ROOT, "%.2f s stereo clip", ((Payload.Audio) c.output()).clip().seconds());
            }
            return String.format(Locale.ROOT, "#%d %s completed in %.1f ms by %s then %s: %s  [%s | %s]", c.requestId(), c.route(), ms,
                    c.encodedBy(), c.decodedBy(), out, c.encodeNote(), c.decodeNote());
        }
        String why = r instanceof Reply.TimedOut t ? "timed out: " + t.where()
                : r instanceof Reply.Rejected j ? "rejected: " + j.reason() : "failed: " + ((Reply.Failed) r).reason();
        return String.format(Locale.ROOT, "#%d %s %s", r.requestId(), r.route(), why);
    }

    static void printStats(PrintWriter o, ServingNode node) {
        ServingMetrics.Totals t = node.metrics().totals();
        o.printf("# node %s: sent %d, completed %d, failed %d, timed out %d, rejected %d, lost %d%n", node.address(), t.sent(),
                t.completed(), t.failed(), t.timedOut(), t.rejected(), t.lost());
        for (Map.Entry<String, LatencyHistogram> e : node.metrics().routes().entrySet()) {
            LatencyHistogram h = e.getValue();
            o.printf(Locale.ROOT, "#   %-13s n=%-7d p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms%n", e.getKey(), h.count(),
                    h.percentileMillis(0.5), h.percentileMillis(0.95), h.percentileMillis(0.99));
        }
        for (WorkerBoard.View v : node.board().views()) {
            o.printf("#   worker %-22s %-10s in flight %3d  restarts %d  processed %d in %d batches  cancelled %d%n",
                    v.name(), v.state().name().toLowerCase(Locale.ROOT), v.inFlight(), v.restarts(), v.processed(), v.batches(), v.cancelled());
        }
        o.flush();
    }
}
