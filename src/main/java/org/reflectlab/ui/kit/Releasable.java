package org.reflectlab.ui.kit;

import javafx.scene.Node;

/**
 * State of a workspace that can be dropped while the workspace is not shown and rebuilt when it is shown again
 * (IntelliJ-style lazy tool windows): loaded models, rendered images, long series. Settings the user chose and results
 * the user produced are never released, so the workspace shows the same thing on return. A view registers its
 * ViewModels with {@link #register}; the main window releases them after the workspace has been hidden a while.
 */
public interface Releasable {

    /**
     * Drops what can be rebuilt; does nothing while work that needs it runs (it then stays held) or when already
     * released. Called again while the workspace stays hidden, so it must be cheap when there is nothing to do.
     */
    void release();

    /** Rebuilds (on a worker, or lazily at the next use) what {@link #release()} dropped; does nothing if nothing was released. Called on every show. */
    void rebuild();

    /**
     * Drops what costs only an allocation to grow again (the working buffers a model grew to the largest batch it ran),
     * as soon as the workspace is hidden and again while it stays hidden; does nothing while work that needs it runs.
     * Waiting the release's delay for these let them sit beside the next workspace's (the tour's peak RSS on a quiet
     * machine: Aphasia's ~110 MB still held while Serving's workers grew theirs). Returns whether it let go of anything
     * now (then the memory is given back to the system); nothing by default.
     */
    default boolean trim() {
        return false;
    }

    /** Registers releasable parts of the workspace whose root is {@code view}. */
    static void register(Node view, Releasable... parts) {
        view.getProperties().put(Releasable.class, java.util.List.of(parts));
    }

    /** A part made of two actions (e.g. a ViewModel's "drop the models" and "load them again"). */
    static Releasable of(Runnable release, Runnable rebuild) {
        return of(release, rebuild, () -> false);
    }

    /** A part that also trims ({@link #trim()}: at once on hiding) besides its release after the delay. */
    static Releasable of(Runnable release, Runnable rebuild, java.util.function.BooleanSupplier trim) {
        return new Releasable() {
            @Override
            public void release() {
                release.run();
            }

            @Override
            public void rebuild() {
                rebuild.run();
            }

            @Override
            public boolean trim() {
                return trim.getAsBoolean();
            }
        };
    }

    /** What {@code view} registered (empty if nothing). */
    @SuppressWarnings("unchecked")
    static java.util.List<Releasable> registered(Node view) {
        Object parts = view.getProperties().get(Releasable.class);
        return parts instanceof java.util.List<?> l ? (java.util.List<Releasable>) l : java.util.List.of();
    }
}
