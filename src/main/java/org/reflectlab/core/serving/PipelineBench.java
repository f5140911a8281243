package org.reflectlab.core.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The lecture's pipeline benchmark, measured: per route, the latency of one request at a time and
 * the time for 10 requests sent at once to all come back. Timed at the client, so it includes every
 * actor hop (router, handler, two workers) as well as the model work. Inputs cycle through ShapesWorld
 * samples (seeded), not one repeated input.
 */
public final class PipelineBench {

    /** Milliseconds. */
    public record RouteTiming(String route, double singleP50, double singleP95, double parallelP50, double parallelP95,
                              int singles, int parallelReps, int failures) {
    }

    private final ServingNode node;
    private final SceneInputs inputs;

    public PipelineBench(ServingNode node, long seed) {
        this.node = node;
        this.inputs = new SceneInputs(seed);
    }

    /** Input i of this benchmark's stream (cycling through the seeded samples). */
    public Payload input(Modality m, int i) {
        return inputs.input(m, i);
    }

    public RouteTiming measure(Modality in, Modality out, int warmup, int singles, int parallelReps, int parallel) throws Exception {
        int failures = 0;
        for (int i = 0; i < warmup; i++) {
            once(in, out, i);
        }
        double[] single = new double[singles];
        for (int i = 0; i < singles; i++) {
            long t0 = System.nanoTime();
            failures += once(in, out, i) ? 0 : 1;
            single[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] burst = new double[parallelReps];
        for (int r = 0; r < parallelReps; r++) {
            long t0 = System.nanoTime();
            List<CompletableFuture<Reply>> all = new ArrayList<>();
            for (int k = 0; k < parallel; k++) {
                all.add(node.request(in, input(in, r * parallel + k), out).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            burst[r] = (System.nanoTime() - t0) / 1e6;
            for (CompletableFuture<Reply> f : all) {
                failures += f.get() instanceof Reply.Completed ? 0 : 1;
            }
        }
        return new RouteTiming(Reply.route(in, out), percentile(single, 0.5), percentile(single, 0.95),
                percentile(burst, 0.5), percentile(burst, 0.95), singles, parallelReps, failures);
    }

    private boolean once(Modality in, Modality out, int i) throws Exception {
        Reply r = node.request(in, input(in, i), out, Duration.ofSeconds(5)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return r instanceof Reply.Completed;
    }

    static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
