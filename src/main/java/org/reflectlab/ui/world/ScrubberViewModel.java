package org.reflectlab.ui.world;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A frame scrubber's state: the current frame in 0..last, playing or paused, playback speed and
 * looping. Playback is driven from outside by {@link #advance(double)} with the seconds since the
 * last call (the view's animation timer), so the logic is testable without a toolkit.
 */
public final class ScrubberViewModel {

    /** Frames per second at speed 1. */
    public static final double BASE_FPS = 24;
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0);

    // Properties //
    private final ReadOnlyIntegerWrapper frame = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper last = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(1.0);
    private final BooleanProperty loop = new SimpleBooleanProperty(true);
    private double pending;

    public ReadOnlyIntegerProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public int frame() {
        return frame.get();
    }

    public ReadOnlyIntegerProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    // Commands //

    /** New bounds (a new rollout): the frame stays where it was if it still exists. */
    public void setLast(int newLast) {
        if (newLast < 0) {
            throw new IllegalArgumentException("the last frame cannot be negative");
        }
        last.set(newLast);
        seek(frame.get());
    }

    /** Jumps to a frame, clamped into 0..last. */
    public void seek(int k) {
        frame.set(Math.max(0, Math.min(last.get(), k)));
        pending = 0;
    }

    public void stepForward() {
        pause();
        seek(frame.get() + 1);
    }

    public void stepBack() {
        pause();
        seek(frame.get() - 1);
    }

    public void home() {
        seek(0);
    }

    public void end() {
        seek(last.get());
    }

    public void play() {
        if (last.get() == 0) {
            return;
        }
        if (frame.get() == last.get() && !loop.get()) {
            seek(0); // play from the start again, as media players do
        }
        pending = 0;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Refuses speeds that are not offered; returns whether it was accepted. */
    public boolean setSpeed(double s) {
        if (!SPEEDS.contains(s)) {
            return false;
        }
        speed.set(s);
        return true;
    }

    /** Moves playback on by the frames due after {@code seconds}; stops at the end unless looping. */
    public void advance(double seconds) {
        if (!playing.get() || !(seconds > 0)) {
            return;
        }
        pending += seconds * BASE_FPS * speed.get();
        int steps = (int) pending;
        if (steps == 0) {
            return;
        }
        pending -= steps;
        int next = frame.get() + steps;
        if (next > last.get()) {
            if (loop.get()) {
                next = next % (last.get() + 1);
            } else {
                next = last.get();
                playing.set(false);
            }
        }
        frame.set(next);
    }
}
