package org.reflectlab.ui.world;

import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.world.AlphaSweep;
import org.reflectlab.core.world.WorldExport;
import org.reflectlab.core.world.WorldModels;
import org.reflectlab.ui.kit.FileExport;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.PointStream;

/**
 * The alpha sweep: hybrid error and frame-to-frame difference against alpha on held-out
 * rollouts, streamed point by point to the charts, and the best alpha, which can be applied to
 * the scrubber's hybrid. A cancelled sweep leaves the previous result on screen.
 */
public final class SweepViewModel {

    public static final int ALPHAS = 21;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final FileExport files;
    private final WorldViewModel world;
    private final PointStream error = new PointStream("hybrid-error");
    private final PointStream diff = new PointStream("hybrid-diff");
    private TaskHandle task = TaskHandle.DONE;

    // Properties //
    private final ReadOnlyIntegerWrapper rollouts = new ReadOnlyIntegerWrapper(12);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<AlphaSweep.Result> result = new ReadOnlyObjectWrapper<>();
    // a message, so the status line follows a language switch
    private final SimpleObjectProperty<I18n.Message> statusMessage = new SimpleObjectProperty<>(new I18n.Message("world.sweep.status.idle"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyLongWrapper resets = new ReadOnlyLongWrapper();
    private final BooleanBinding canRun;

    public SweepViewModel(TaskRunner runner, Notifier notifier, WorldViewModel world) {
        this.runner = runner;
        this.notifier = notifier;
        this.files = new FileExport(runner, notifier);
        this.world = world;
        canRun = running.not().and(world.modelsProperty().isNotNull());
        status.bind(I18n.textOf(statusMessage));
    }

    public PointStream errorStream() {
        return error;
    }

    public PointStream diffStream() {
        return diff;
    }

    public ReadOnlyIntegerProperty rolloutsProperty() {
        return rollouts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AlphaSweep.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Increments whenever the streams restart, so views clear their series. */
    public ReadOnlyLongProperty resetsProperty() {
        return resets.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    // Commands //

    public boolean setRollouts(int n) {
        if (n < 1 || n > 64 || running.get()) {
            return false;
        }
        rollouts.set(n);
        return true;
    }

    public void run() {
        WorldModels m = world.modelsProperty().get();
        if (running.get() || m == null) {
            return;
        }
        if (!m.hasImplicit()) {
            statusMessage.set(new I18n.Message("world.sweep.status.no-implicit", m.implicitProblem()));
            return;
        }
        int n = rollouts.get();
        var spec = world.settings().spec();
        clearStreams();
        running.set(true);
        statusMessage.set(new I18n.Message("world.sweep.status.running", n, spec.horizon()));
        AlphaSweep.Result previous = result.get();
        task = runner.submit(BackgroundTask.of(I18n.tr("world.task.sweep", n), ctx -> {
            int[] done = {0};
            return AlphaSweep.run(m, spec, n, AlphaSweep.alphas(ALPHAS), ctx::checkCancelled, p -> {
                error.offer(p.alpha(), p.meanError());
                diff.offer(p.alpha(), p.meanDiff());
                ctx.progress(++done[0], ALPHAS);
            });
        }).onSuccess(r -> {
            result.set(r);
            statusMessage.set(new I18n.Message("world.sweep.status.done", r.best().alpha(), r.best().meanError(), r.rollouts(),
                    r.points().get(r.points().size() - 1).meanError(), r.points().get(0).meanError()));
        }).onCancelled(() -> {
            restore(previous);
            statusMessage.set(new I18n.Message("world.sweep.status.cancelled"));
        }).onFailure(e -> {
            restore(previous);
            statusMessage.set(new I18n.Message("world.sweep.status.failed", String.valueOf(e.getMessage())));
            notifier.error(I18n.tr("world.sweep.failed.title"), String.valueOf(e.getMessage()));
        }).onFinished(() -> running.set(false)));
    }

    public void cancel() {
        task.cancel();
    }

    /** Uses the best alpha for the scrubber's hybrid and for play. */
    public void applyBest() {
        AlphaSweep.Result r = result.get();
        if (r != null) {
            world.settings().setAlpha(r.best().alpha());
        }
    }

    public void exportCsv(Path file) {
        AlphaSweep.Result r = result.get();
        if (!files.nothing(r, I18n.tr("world.sweep.nothing"))) {
            files.write(file, () -> WorldExport.writeSweepCsv(r, file));
        }
    }

    private void clearStreams() {
        error.clear();
        diff.clear();
        resets.set(resets.get() + 1);
    }

    private void restore(AlphaSweep.Result previous) {
        clearStreams();
        if (previous != null) {
            previous.points().forEach(p -> {
                error.offer(p.alpha(), p.meanError());
                diff.offer(p.alpha(), p.meanDiff());
            });
        }
    }
}
