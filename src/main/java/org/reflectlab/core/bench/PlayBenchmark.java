package org.reflectlab.core.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.PlaySession;
import org.reflectlab.core.world.WorldModels;

/**
 * How many frames per second live play sustains: a session steps as fast as it can (truth step,
 * model prediction, both frames rendered) under random held actions, after a warm-up. The view
 * adds only the conversion to screen images on top.
 */
public final class PlayBenchmark {

    /** Frames per second and per-frame latency percentiles (ms). */
    public record Result(ModelKind kind, int frames, double seconds, double framesPerSecond, double p50, double p99) {
    }

    private PlayBenchmark() {
    }

    public static Result run(WorldModels models, ModelKind kind, double alpha, double seconds, int warmupFrames) {
        PlaySession session = new PlaySession(models, kind, alpha, 3, 5, models.hasImplicit()
                ? models.implicit().config().frameSize() : 32, PhysicsParams.defaults());
        SplittableRandom r = new SplittableRandom(5);
        double ax = 0;
        double ay = 0;
        for (int i = 0; i < warmupFrames; i++) {
            session.step(ax, ay);
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        double[] lat = new double[1 << 20];
        int n = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() < end && n < lat.length) {
            if (n % 15 == 0) {
                ax = r.nextInt(3) - 1;
                ay = r.nextInt(3) - 1;
            }
            long s = System.nanoTime();
            session.step(ax, ay);
            lat[n++] = (System.nanoTime() - s) / 1e6;
            if (n % 300 == 0) {
                session.resync();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        return new Result(kind, n, wall, n / wall, sorted[n / 2], sorted[Math.min(n - 1, (int) (0.99 * n))]);
    }
}
