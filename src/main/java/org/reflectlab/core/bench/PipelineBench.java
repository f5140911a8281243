package org.reflectlab.core.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.ServingNode;

/**
 * The lecture's pipeline benchmark, measured: per route, the latency of one request at a time and
 * the time for 10 requests sent at once to all come back. Timed at the client, so it includes every
 * actor hop (router, handler, two workers) as well as the model work. Inputs cycle through ShapesWorld
 * samples (seeded), not one repeated input.
 */
public final class PipelineBench {

    /** How the timed requests of a route that did not complete ended, and how many completed in part. */
    public record Ends(int failed, int timedOut, int rejected, int partial) {
        public int notCompleted() {
            return failed + timedOut + rejected;
        }

        Ends plus(Reply r) {
            return new Ends(failed + (r instanceof Reply.Failed ? 1 : 0), timedOut + (r instanceof Reply.TimedOut ? 1 : 0),
                    rejected + (r instanceof Reply.Rejected ? 1 : 0),
                    partial + (r instanceof Reply.Completed c && c.notUnderstood() != null ? 1 : 0));
        }

        /** "" when all completed in full, else e.g. "  (2 failed, 1 timed out, 17 partial)". */
        public String note() {
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (failed > 0) {
                parts.add(failed + " failed");
            }
            if (timedOut > 0) {
                parts.add(timedOut + " timed out");
            }
            if (rejected > 0) {
                parts.add(rejected + " rejected");
            }
            if (partial > 0) {
                parts.add(partial + " partial");
            }
            return parts.isEmpty() ? "" : "  (" + String.join(", ", parts) + ")";
        }
    }

    /** Milliseconds. */
    public record RouteTiming(String route, double singleP50, double singleP95, double parallelP50, double parallelP95,
                              int singles, int parallelReps, Ends ends) {
        public int failures() {
            return ends.notCompleted();
        }
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
        for (int i = 0; i < warmup; i++) {
            once(in, out, i);
        }
        Ends ends = new Ends(0, 0, 0, 0);
        double[] single = new double[singles];
        for (int i = 0; i < singles; i++) {
            long t0 = System.nanoTime();
            ends = ends.plus(once(in, out, i));
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
                ends = ends.plus(f.get());
            }
        }
        return new RouteTiming(Reply.route(in, out), percentile(single, 0.5), percentile(single, 0.95),
                percentile(burst, 0.5), percentile(burst, 0.95), singles, parallelReps, ends);
    }

    private Reply once(Modality in, Modality out, int i) throws Exception {
        return node.request(in, input(in, i), out, Duration.ofSeconds(5)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
