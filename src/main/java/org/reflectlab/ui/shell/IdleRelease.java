package org.reflectlab.ui.shell;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;
import org.reflectlab.ui.kit.Releasable;

/**
 * Releases the heavy state of workspaces that have not been shown for {@link #afterMs} (default 30 s; property
 * {@code reflectlab.release.seconds}, 0 = never) and has it rebuilt when the workspace is shown again; what costs only an
 * allocation to regrow ({@link Releasable#trim()}) goes as soon as a workspace is hidden, so it never sits beside the
 * next workspace's. What a workspace releases is its ViewModels' business ({@link Releasable}); this class only keeps
 * time. FX thread only.
 */
final class IdleRelease {

    static final long DEFAULT_SECONDS = 30;

    private final long afterMs;
    private final LongSupplier clock;
    private final Runnable released;
    private final Runnable trimmed;
    private final Map<Node, Long> hiddenSince = new HashMap<>();
    /** Views asked to release since they were last hidden (the give-back is asked for once per hiding, not every tick). */
    private final Set<Node> asked = new HashSet<>();
    private Node shown;

    IdleRelease(long afterMs, LongSupplier clock) {
        this(afterMs, clock, () -> { });
    }

    /** {@code released}: runs (FX thread) after a tick in which a view hidden past the delay was asked to release the first time. */
    IdleRelease(long afterMs, LongSupplier clock, Runnable released) {
        this(afterMs, clock, released, released);
    }

    /** {@code trimmed}: runs (FX thread) after a workspace being hidden, or a tick, trimmed something. */
    IdleRelease(long afterMs, LongSupplier clock, Runnable released, Runnable trimmed) {
        this.afterMs = afterMs;
        this.clock = clock;
        this.released = released;
        this.trimmed = trimmed;
    }

    /** The app's: the configured delay, checked every few seconds on the FX thread. */
    static IdleRelease start() {
        long seconds = Long.getLong("reflectlab.release.seconds", DEFAULT_SECONDS);
        // what the released parts held is returned to the system right away and again 15 s later (NativeMemory says why);
        // a trim drops its buffers on the FX thread as the next workspace opens: given back at once, before that one's
        // work grows its own (the collection's pause then falls in the opening, not in the new workspace's action)
        IdleRelease r = new IdleRelease(seconds * 1000, System::currentTimeMillis,
                () -> org.reflectlab.core.backend.NativeMemory.giveBackAfter(2_000, 15_000),
                () -> org.reflectlab.core.backend.NativeMemory.giveBackAfter(0));
        if (seconds > 0) {
            Timeline check = new Timeline(new KeyFrame(Duration.seconds(Math.max(1, Math.min(5, seconds / 3.0))), e -> r.tick()));
            check.setCycleCount(Timeline.INDEFINITE);
            check.play();
        }
        return r;
    }

    /** The workspace whose view is {@code view} is now shown (the previous one starts its hidden time and trims). */
    void shown(Node view) {
        Node hidden = shown != null && shown != view ? shown : null;
        if (hidden != null) {
            hiddenSince.put(hidden, clock.getAsLong());
        }
        shown = view;
        hiddenSince.remove(view);
        asked.remove(view);
        Releasable.registered(view).forEach(Releasable::rebuild);
        if (hidden != null && afterMs > 0 && trim(hidden)) {
            trimmed.run();
        }
    }

    /** Trims every part of {@code view}; whether any let go of something. */
    private static boolean trim(Node view) {
        boolean any = false;
        for (Releasable part : Releasable.registered(view)) {
            any |= part.trim();
        }
        return any;
    }

    /** Asks every view hidden longer than the delay to release (again: a part busy last time may be idle now). */
    void tick() {
        if (afterMs <= 0) {
            return;
        }
        long now = clock.getAsLong();
        boolean first = false;
        boolean trim = false;
        for (Map.Entry<Node, Long> e : hiddenSince.entrySet()) {
            // a run still going when the workspace was hidden kept its buffers: they go once it has finished
            trim |= trim(e.getKey());
            if (now - e.getValue() >= afterMs) {
                List<Releasable> parts = Releasable.registered(e.getKey());
                parts.forEach(Releasable::release);
                first |= !parts.isEmpty() && asked.add(e.getKey());
            }
        }
        if (first) {
            released.run();
        } else if (trim) {
            trimmed.run();
        }
    }
}
