package org.reflectlab.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Delivers every value, in order, to a consumer on the UI thread, in batches: at most one
 * hand-over is in flight, and it takes everything queued by then. For streams where each item
 * matters (reflection iterations, sweep results), unlike {@link LatestValue}.
 */
public final class Batcher<T> {

    private final Executor ui;
    private final Consumer<List<T>> consumer;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Batcher(Executor ui, Consumer<List<T>> consumer) {
        this.ui = ui;
        this.consumer = consumer;
    }

    public void add(T value) {
        queue.add(value);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
