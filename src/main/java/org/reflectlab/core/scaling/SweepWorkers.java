package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.reflectlab.core.reflect.Reflector;

/**
 * The copies of the models a sweep's workers own (networks are not thread-safe: one copy per
 * worker). Loaded when first needed and kept, so the app's second sweep starts at once, until {@link #release()}.
 */
public final class SweepWorkers {

    /** Loads one copy of the models; a missing or corrupt model is the caller's message to give. */
    public interface Loader {
        Reflector load() throws Exception;
    }

    private final Loader load;
    private final List<Reflector> copies = new ArrayList<>();

    public SweepWorkers(Loader load) {
        this.load = load;
    }

    /** The first copy (the app also draws Compare K with it), loaded if it is not yet. */
    public Reflector first() throws Exception {
        return take(1, message -> { }).get(0);
    }

    /** {@code n} copies, loading the missing ones and saying so through {@code message}. */
    public synchronized List<Reflector> take(int n, Consumer<String> message) throws Exception {
        if (n < 1) {
            throw new IllegalArgumentException("at least one worker, not " + n);
        }
        while (copies.size() < n) {
            if (!copies.isEmpty()) {
                message.accept("loading a copy of the models for worker " + (copies.size() + 1) + " of " + n);
            }
            copies.add(load.load());
        }
        return List.copyOf(copies.subList(0, n));
    }

    /** Lets go of every copy (a sweep that took them keeps its own list until it ends); the next take loads them again. */
    public synchronized void release() {
        copies.clear();
    }

    /** How many copies are held now. */
    public synchronized int held() {
        return copies.size();
    }
}
