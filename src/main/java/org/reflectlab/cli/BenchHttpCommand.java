package org.reflectlab.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.bench.ThreadCpu;
import org.reflectlab.core.serving.LatencyHistogram;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.OfferedLoad;
import org.reflectlab.core.serving.OfferedLoad.Outcome;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.serving.http.ServingHttp;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Overload over HTTP, in-process: serve --http on a loopback port, measure capacity (closed loop, mixed routes),",
            "then offer multiples of it open loop (requests go out on schedule, as real traffic does) and count how each ended:",
            "completed within the deadline (goodput), shed at once (503 + Retry-After), timed out after admission (504), lost.",
            "The same mixes as hey/wrk can drive against 'serve --http' (see the Serving docs); this needs neither."})
final class BenchHttpCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60", description = "Seconds per load level (default: ${DEFAULT-VALUE}).")
    int seconds;
    @Option(names = "--multiples", split = ",", defaultValue = "0.5,2", description = "Load levels as multiples of the measured capacity (default: ${DEFAULT-VALUE}).")
    List<Double> multiples;
    @Option(names = "--deadline-ms", defaultValue = "500", description = "Deadline each request carries (default: ${DEFAULT-VALUE}).")
    long deadlineMs;
    @Option(names = "--capacity-seconds", defaultValue = "15", description = "Closed-loop seconds to measure capacity (default: ${DEFAULT-VALUE}).")
    int capacitySeconds;
    // 64 (a route's queue bound), not 16: with 16 outstanding the workers' batches stayed small, the capacity was under-stated
    // and "2x" offered only ~1.3x of what the node could serve (goodput came out at 156 % of it)
    @Option(names = "--outstanding", defaultValue = "64", description = "Requests in flight while measuring capacity (default: ${DEFAULT-VALUE}).")
    int outstanding;
    @Option(names = "--route", description = "One route (e.g. text->image) instead of all nine mixed.")
    String route;
    @Option(names = "--no-admission", description = "Serve without admission control (admit whatever fits the queues), for comparison.")
    boolean noAdmission;
    @Option(names = "--compute-threads", defaultValue = "0", description = "Workers that may run their model at once (default: ${DEFAULT-VALUE} = "
            + "one less than the cores, at least 1), for comparison.")
    int computeThreads;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        List<String> routes;
        try {
            if (seconds < 1 || capacitySeconds < 1 || outstanding < 1 || deadlineMs < 1 || deadlineMs > 60_000
                    || multiples.stream().anyMatch(m -> !(m > 0 && m <= 20))) {
                throw new IllegalArgumentException("--seconds, --capacity-seconds, --outstanding are positive, --deadline-ms 1 to 60000, "
                        + "--multiples in (0, 20]");
            }
            routes = route == null ? allRoutes() : List.of(checkedRoute(route));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        Backend.start(1);
        ModelStore store = models.store();
        ServingConfig cfg = ServingConfig.local().withAdmission(ServingConfig.Admission.defaults().withPredict(!noAdmission)
                .withComputeThreads(computeThreads));
        try (ServingNode node = ServingNode.start(cfg, RouteEngine.shipped(store, "unified"));
             ServingHttp http = ServingHttp.start(node, ServingHttp.Settings.defaults(0), line -> { })) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create("http://" + http.address() + "/v1/requests");
            java.util.concurrent.atomic.AtomicReference<ServerTimes> server = new java.util.concurrent.atomic.AtomicReference<>(new ServerTimes());
            OfferedLoad.Sender sender = i -> send(client, uri, routes.get(i % routes.size()), (i / routes.size()) % SceneInputs.SCENES, deadlineMs,
                    server.get());
            // capacity is measured with a long deadline, so that nothing is shed while measuring it
            OfferedLoad.Sender patient = i -> send(client, uri, routes.get(i % routes.size()), (i / routes.size()) % SceneInputs.SCENES, 5_000,
                    server.get());
            o.printf(Locale.ROOT, "# bench http: %s on %s, %s, deadline %d ms per request, admission %s, %d compute thread(s); CPU: %s%n",
                    routes.size() == 1 ? routes.get(0) : "9 routes mixed", uri, "1 worker per modality", deadlineMs, noAdmission ? "off" : "on",
                    cfg.admission().computeSlots(), cpuName());
            OfferedLoad.capacity(patient, outstanding, 3_000); // warm-up
            double capacity = OfferedLoad.capacity(patient, outstanding, capacitySeconds * 1000L);
            o.printf(Locale.ROOT, "# capacity: %.1f completed/s (closed loop, %d outstanding, %d s, 5 s deadline); load average %.1f%n", capacity,
                    outstanding, capacitySeconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            o.printf("%-5s %9s %7s %9s %9s %6s %6s %6s %8s %6s %6s %5s %9s %9s %9s %9s %9s%n", "load", "offered/s", "sent", "completed", "goodput/s",
                    "%cap", "shed", "other", "timedout", "model", "failed", "lost", "adm p50", "adm p99", "refus p99", "srv adm99", "srv ref99");
            boolean allMet = true;
            for (double m : multiples) {
                OfferedLoad.Snapshot s;
                ServerTimes at = new ServerTimes();
                server.set(at);
                ThreadCpu cpu = new ThreadCpu();
                try (OfferedLoad load = new OfferedLoad(sender, deadlineMs)) {
                    load.rate(m * capacity);
                    Thread.sleep(seconds * 1000L);
                    s = load.drain(deadlineMs + 10_000);
                }
                double pct = 100 * s.goodput() / capacity;
                String cpuLine = cpu.line();
                o.printf(Locale.ROOT, "%-5s %9.1f %7d %9d %9.1f %5.0f%% %6d %6d %8d %6d %6d %5d %9.2f %9.2f %9.2f %9.2f %9.2f%n", fmt(m) + "x",
                        s.sent() / s.seconds(), s.sent(), s.count(Outcome.COMPLETED), s.goodput(), pct, s.count(Outcome.SHED), s.count(Outcome.REJECTED),
                        s.count(Outcome.TIMED_OUT), s.count(Outcome.ANSWERED_FAILED), s.count(Outcome.FAILED), s.inFlight(), s.completedP50(),
                        s.completedP99(), s.refusedP99(), at.admitted.percentileMillis(0.99), at.refused.percentileMillis(0.99));
                o.println("#   CPU of this JVM's threads during the level: " + cpuLine);
                o.flush();
                allMet &= verdict(o, m, s, pct, at);
            }
            o.printf(Locale.ROOT, "# load average at the end %.1f (other work on this machine competes for its cores)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            o.println("# goodput: completed within the deadline per second; adm = admitted and completed, refus = shed or rejected;");
            o.println("# model: answered 500 (a worker answered Failed; no crashes are injected here, so: a decoded caption of which nothing");
            o.println("# parses, the model's output, not the serving); failed: no HTTP answer at all (client or connection errors);");
            o.println("# latencies in ms at the client (HTTP on loopback, the client in the same JVM on the same 2 cores); srv = the same requests'");
            o.println("# time in the server (its Server-Timing total: from the request's arrival at the HTTP layer to its answer).");
            return allMet ? 0 : Cli.FAILED;
        }
    }

    private boolean verdict(PrintWriter o, double m, OfferedLoad.Snapshot s, double pct, ServerTimes at) {
        long refused = s.count(Outcome.SHED) + s.count(Outcome.REJECTED);
        String v;
        boolean met;
        if (m <= 1) {
            met = refused == 0 && s.inFlight() == 0;
            v = String.format(Locale.ROOT, "0 refused at %sx: %s (%d refused)", fmt(m), met ? "met" : "MISSED", refused);
        } else {
            boolean good = pct >= 90;
            boolean p99 = !(s.completedP99() > deadlineMs);
            boolean fast = refused == 0 || s.refusedP99() < 5;
            boolean none = s.inFlight() == 0 && s.count(Outcome.TIMED_OUT) == 0;
            met = good && p99 && fast && none;
            v = String.format(Locale.ROOT, "at %sx: goodput >= 90%% of capacity %s (%.0f%%); admitted p99 within %d ms %s (server %s); "
                    + "refusals < 5 ms %s (server %s); 0 lost and 0 timed out %s", fmt(m), ok(good), pct, deadlineMs, ok(p99),
                    ok(!(at.admitted.percentileMillis(0.99) > deadlineMs)), ok(fast), ok(refused == 0 || at.refused.percentileMillis(0.99) < 5), ok(none));
        }
        o.println("# target " + v);
        return met;
    }

    private static String ok(boolean b) {
        return b ? "met" : "MISSED";
    }

    private static String fmt(double m) {
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }

    /** The server's own time for each answer of one load level (its Server-Timing total), apart from the client's. */
    private static final class ServerTimes {
        final LatencyHistogram admitted = new LatencyHistogram();
        final LatencyHistogram refused = new LatencyHistogram();

        void record(HttpResponse<?> r, Outcome o) {
            r.headers().firstValue("Server-Timing").ifPresent(h -> {
                int at = h.indexOf("total;dur=");
                if (at >= 0) {
                    String v = h.substring(at + "total;dur=".length()).split("[,;\\s]")[0];
                    long nanos = Math.round(Double.parseDouble(v) * 1e6);
                    if (o == Outcome.COMPLETED) {
                        admitted.record(nanos);
                    } else if (o == Outcome.SHED || o == Outcome.REJECTED) {
                        refused.record(nanos);
                    }
                }
            });
        }
    }

    private static CompletableFuture<Outcome> send(HttpClient client, URI uri, String route, int scene, long deadlineMs, ServerTimes times) {
        String[] ends = route.split("->");
        String body = "{\"from\":\"" + ends[0] + "\",\"to\":\"" + ends[1] + "\",\"scene\":" + scene + ",\"deadline_ms\":" + deadlineMs + "}";
        // the route on the request line too, as hey/wrk send it (src/site/resources/load): an overloaded route is refused before its body is read
        URI named = URI.create(uri + "?from=" + ends[0] + "&to=" + ends[1] + "&deadline_ms=" + deadlineMs);
        HttpRequest req = HttpRequest.newBuilder(named).timeout(Duration.ofMillis(deadlineMs + 10_000)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
            if (r == null) {
                return Outcome.FAILED;
            }
            Outcome o = switch (r.statusCode()) {
                case 200 -> Outcome.COMPLETED;
                case 503 -> r.headers().firstValue("Retry-After").isPresent() ? Outcome.SHED : Outcome.REJECTED;
                case 504 -> Outcome.TIMED_OUT;
                case 500 -> Outcome.ANSWERED_FAILED;
                default -> Outcome.FAILED;
            };
            times.record(r, o);
            return o;
        });
    }

    /** "2 x AMD EPYC ..." from /proc/cpuinfo: every speed figure names its CPU. */
    static String cpuName() {
        try {
            List<String> names = java.nio.file.Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).toList();
            return names.isEmpty() ? "unknown" : Runtime.getRuntime().availableProcessors() + " x " + names.get(0);
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static List<String> allRoutes() {
        List<String> all = new java.util.ArrayList<>();
        for (Modality in : Modality.values()) {
            for (Modality out : Modality.values()) {
                all.add(in.word() + "->" + out.word());
            }
        }
        return all;
    }

    private static String checkedRoute(String r) {
        String[] ends = r.split("->");
        if (ends.length != 2) {
            throw new IllegalArgumentException("--route is IN->OUT, e.g. text->image, not '" + r + "'");
        }
        return Modality.parse(ends[0]).word() + "->" + Modality.parse(ends[1]).word();
    }
}
