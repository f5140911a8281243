package org.reflectlab.ui.kit;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * One AnimationTimer that drains a set of {@link LiveSeries} at most
 * {@value #MAX_DRAINS_PER_SECOND} times a second, whatever the producers' rate. Stop it when
 * the view goes away.
 */
public final class LiveChartFeed {

    public static final int MAX_DRAINS_PER_SECOND = 30;
    private static final long MIN_GAP_NANOS = 1_000_000_000L / MAX_DRAINS_PER_SECOND;

    private final List<LiveSeries> series = new ArrayList<>();
    private final List<Runnable> afterDrain = new ArrayList<>();
    private long lastDrain;
    private long drains;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - lastDrain >= MIN_GAP_NANOS) {
                lastDrain = now;
                drainNow();
            }
        }
    };

    public LiveChartFeed add(LiveSeries s) {
        series.add(s);
        return this;
    }

    /** Runs after each drain (e.g. to refresh an axis range). */
    public LiveChartFeed afterDrain(Runnable r) {
        afterDrain.add(r);
        return this;
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public long drains() {
        return drains;
    }

    public void drainNow() {
        drains++;
        series.forEach(LiveSeries::drain);
        afterDrain.forEach(Runnable::run);
    }
}
