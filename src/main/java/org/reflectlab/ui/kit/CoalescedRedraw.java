package org.reflectlab.ui.kit;

import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * A chart's redraw asked for by several listeners at once runs once. A running sweep's update changes the sweep shown,
 * then its analysis, then the prediction read back with it: each listener redrew the whole chart (series, points,
 * tooltips, and the CSS and layout of all those nodes), two to three times per update on the FX thread. A request
 * only marks the chart due; it is drawn once, after the event that asked, however many asked meanwhile. The scheduling
 * is injected, so the coalescing is tested without a toolkit. FX thread only.
 */
public final class CoalescedRedraw {

    private final Runnable draw;
    private final Consumer<Runnable> later;
    private boolean due;
    private long draws;

    /** {@code draw} runs on the FX thread once per burst of {@link #request()}s ({@link Platform#runLater} in the app). */
    public CoalescedRedraw(Runnable draw) {
        this(draw, Platform::runLater);
    }

    public CoalescedRedraw(Runnable draw, Consumer<Runnable> later) {
        this.draw = draw;
        this.later = later;
    }

    /** Marks the chart due; the first request of a burst schedules the one draw. */
    public void request() {
        if (!due) {
            due = true;
            later.accept(() -> {
                due = false;
                draws++;
                draw.run();
            });
        }
    }

    /** How many times it has drawn. */
    public long draws() {
        return draws;
    }
}
