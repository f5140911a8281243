package org.reflectlab.core.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest of a stream of values to a consumer on the UI thread, with at most one
 * hand-over in flight: a fast producer can't flood the UI queue, and the latest value wins
 * (the pattern of JavaFX Task.updateValue).
 */
public final class LatestValue<T> {

    private final Executor ui;
    private final Consumer<T> consumer;
    private final AtomicReference<T> pending = new AtomicReference<>();

    public LatestValue(Executor ui, Consumer<T> consumer) {
        this.ui = ui;
        this.consumer = consumer;
    }

    public void offer(T value) {
        if (pending.getAndSet(value) == null) {
            ui.execute(() -> consumer.accept(pending.getAndSet(null)));
        }
    }
}
