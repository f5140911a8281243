package org.reflectlab.ui.scaling;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.SweepWorkers;

/**
 * The Scaling workspace's models: the sweep workers' copies and the one Compare K draws with. Let go while the workspace
 * is hidden (the registry frees them once no workspace holds them) and loaded back on a worker when it is shown again.
 * FX thread only.
 */
final class ScalingModels {

    private final TaskRunner runner;
    private final SweepWorkers workers;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private Reflector reflector;
    private boolean released;

    ScalingModels(TaskRunner runner, SweepWorkers workers) {
        this.runner = runner;
        this.workers = workers;
    }

    SweepWorkers workers() {
        return workers;
    }

    /** The copy Compare K draws with, or null while loading or released. */
    Reflector reflector() {
        return reflector;
    }

    void loaded(Reflector r) {
        reflector = r;
        ready.set(true);
    }

    /** Lets go of the models unless {@code busy} (a sweep or Compare K uses them; then the next release tries again). */
    void release(boolean busy) {
        if (reflector != null && !busy) {
            reflector = null;
            released = true;
            workers.release();
            ready.set(false);
        }
    }

    /** Loads the models back on a worker if they were released; {@code failed} gets the reason if that fails. */
    void rebuild(Consumer<Throwable> failed) {
        if (!released) {
            return;
        }
        released = false;
        runner.submit(BackgroundTask.of(org.reflectlab.ui.kit.I18n.tr("scaling.task.load"), ctx -> workers.first()).onSuccess(this::loaded).onFailure(failed));
    }

    boolean held() {
        return reflector != null;
    }

    ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
