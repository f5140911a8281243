package org.reflectlab.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.ServingMetrics;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.serving.WorkerBoard;

/**
 * Mixed routes under injected faults: random worker crashes and random slow spells long enough to
 * time requests out, with a bounded number of requests in flight. Counts how every request ended;
 * a request that never ended is lost (must be 0). Samples RSS after warm-up and at the end.
 */
public final class SoakRun {

    public record Settings(int requests, int inFlight, Duration timeout, double crashRate, double slowRate,
                           long slowMillis, int warmup, long seed) {
    }

    public record Result(ServingMetrics.Totals totals, long neverEnded, int crashesInjected, int slowSpells, int restarts,
                         long cancelledAtWorkers, long rssStartKb, long rssAfterWarmupKb, long rssEndKb, double seconds) {
        public long lost() {
            return totals.lost() + neverEnded;
        }

        /** RSS growth from the end of warm-up to the end, in percent. */
        public double growthPercent() {
            return rssAfterWarmupKb <= 0 ? Double.NaN : 100.0 * (rssEndKb - rssAfterWarmupKb) / rssAfterWarmupKb;
        }
    }

    private SoakRun() {
    }

    public static Result run(ServingNode node, Settings s, long rssStartKb, Consumer<String> progress) throws Exception {
        PipelineBench inputs = new PipelineBench(node, s.seed());
        SplittableRandom r = new SplittableRandom(s.seed());
        Modality[] ms = Modality.values();
        List<String> workers = node.board().views().stream().map(WorkerBoard.View::name).toList();
        Semaphore window = new Semaphore(s.inFlight());
        List<CompletableFuture<Reply>> all = new ArrayList<>(s.requests());
        int crashes = 0;
        int slows = 0;
        long rssWarm = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < s.requests(); i++) {
            if (i == s.warmup()) {
                rssWarm = rssKb();
            }
            if (i >= s.warmup() && r.nextDouble() < s.crashRate()) {
                node.crash(workers.get(r.nextInt(workers.size())));
                crashes++;
            }
            if (i >= s.warmup() && r.nextDouble() < s.slowRate()) {
                String w = workers.get(r.nextInt(workers.size()));
                node.slow(w, s.slowMillis());
                CompletableFuture.delayedExecutor(s.slowMillis() * 2, TimeUnit.MILLISECONDS).execute(() -> node.slow(w, 0));
                slows++;
            }
            Modality in = ms[r.nextInt(ms.length)];
            Modality out = ms[r.nextInt(ms.length)];
            window.acquire();
            CompletableFuture<Reply> f = node.request(in, inputs.input(in, i), out, s.timeout()).toCompletableFuture();
            f.whenComplete((x, e) -> window.release());
            all.add(f);
            if ((i + 1) % 1000 == 0) {
                progress.accept(String.format(java.util.Locale.ROOT, "# %d sent, %s", i + 1, node.metrics().totals()));
            }
        }
        long neverEnded = 0;
        for (CompletableFuture<Reply> f : all) {
            try {
                f.get(s.timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                neverEnded++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        return new Result(node.metrics().totals(), neverEnded, crashes, slows, node.board().totalRestarts(),
                node.board().totalCancelled(), rssStartKb, rssWarm, rssKb(), seconds);
    }

    /** Resident set size of this process in kB (Linux), 0 where unknown. */
    public static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
