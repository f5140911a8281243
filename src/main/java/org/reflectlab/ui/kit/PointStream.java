package org.reflectlab.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A named stream of (x, y) points from a producer thread to a chart: a lock-free queue that a
 * ViewModel fills (e.g. from the training thread) and a {@link LiveSeries} drains on the FX
 * thread. No toolkit needed, so ViewModel tests can read it directly.
 */
public final class PointStream {

    private final String name;
    private final ConcurrentLinkedQueue<double[]> queue = new ConcurrentLinkedQueue<>();

    public PointStream(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Any thread. */
    public void offer(double x, double y) {
        queue.add(new double[] {x, y});
    }

    public double[] poll() {
        return queue.poll();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Everything queued so far (for tests and exports). */
    public List<double[]> drainAll() {
        List<double[]> out = new ArrayList<>();
        for (double[] p; (p = queue.poll()) != null; ) {
            out.add(p);
        }
        return out;
    }

    public void clear() {
        queue.clear();
    }
}
