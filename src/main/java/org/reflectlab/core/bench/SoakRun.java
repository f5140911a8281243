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
                         long cancelledAtWorkers, long rssStartKb, long rssAfterWarmupKb, long rssEndKb, double seconds,
                         List<Long> rssEvery1000Kb) {
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
        // the replies are not kept (a soak of 10,000 clips and images would itself grow the heap): the window's
        // permits say which requests have ended, and those still out at the end never did
        Semaphore window = new Semaphore(s.inFlight());
        List<Long> rss = new ArrayList<>();
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
            if ((i + 1) % 1000 == 0) {
                long now = rssKb();
                rss.add(now);
                progress.accept(String.format(java.util.Locale.ROOT, "# %d sent, %s; RSS %d MB", i + 1, node.metrics().totals(),
                        now / 1024));
            }
        }
        long neverEnded = s.inFlight();
        if (window.tryAcquire(s.inFlight(), s.timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            neverEnded = 0;
        } else {
            neverEnded = s.inFlight() - window.availablePermits();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(node.metrics().totals(), neverEnded, crashes, slows, node.board().totalRestarts(),
                node.board().totalCancelled(), rssStartKb, rssWarm, rssKb(), seconds, List.copyOf(rss));
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
