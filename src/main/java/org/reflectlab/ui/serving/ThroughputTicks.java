package org.reflectlab.ui.serving;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.serving.LatencyHistogram;

/**
 * The Serving chart's samples: one {@link ServingViewModel.Tick} at most every half second, the last
 * 240 kept (two minutes), time counted from the node's first start so that a node started again after
 * a release continues the chart instead of starting it over.
 */
final class ThroughputTicks {

    private static final int KEPT = 240;

    private final ObservableList<ServingViewModel.Tick> ticks = FXCollections.observableArrayList();
    // one read-only view: a wrapper made per call would be collected, and its listeners with it
    private final ObservableList<ServingViewModel.Tick> view = FXCollections.unmodifiableObservableList(ticks);
    private long startNanos;
    private long lastCompleted;
    private double lastSeconds;

    /** A node (re)started; returns whether it is a start again after a release. */
    boolean started() {
        boolean again = startNanos != 0;
        startNanos = again ? startNanos : System.nanoTime();
        lastCompleted = 0;
        return again;
    }

    /** Adds a sample when half a second has passed since the last: completed/s and the route's p50/p95. */
    void sample(long completed, LatencyHistogram route) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        if (s - lastSeconds < 0.5) {
            return;
        }
        double rate = (completed - lastCompleted) / (s - lastSeconds);
        ticks.add(new ServingViewModel.Tick(s, rate, route == null ? Double.NaN : route.percentileMillis(0.5),
                route == null ? Double.NaN : route.percentileMillis(0.95)));
        if (ticks.size() > KEPT) {
            ticks.remove(0, ticks.size() - KEPT);
        }
        lastCompleted = completed;
        lastSeconds = s;
    }

    ObservableList<ServingViewModel.Tick> view() {
        return view;
    }
}
