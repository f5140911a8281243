package org.reflectlab.ui.world;

import java.nio.file.Path;
import java.util.Locale;
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
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.world.AlphaSweep;
import org.reflectlab.core.world.WorldExport;
import org.reflectlab.core.world.WorldModels;
import org.reflectlab.ui.kit.FileExport;
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
    private final PointStream error = new PointStream("hybrid error");
    private final PointStream diff = new PointStream("hybrid frame-to-frame difference");
    private TaskHandle task = TaskHandle.DONE;

    // Properties //
    private final ReadOnlyIntegerWrapper rollouts = new ReadOnlyIntegerWrapper(12);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<AlphaSweep.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Sweeps alpha from 0 (implicit) to 1 (explicit) on held-out rollouts with the current balls, pushes and horizon.");
    private final ReadOnlyLongWrapper resets = new ReadOnlyLongWrapper();
    private final BooleanBinding canRun;

    public SweepViewModel(TaskRunner runner, Notifier notifier, WorldViewModel world) {
        this.runner = runner;
        this.notifier = notifier;
        this.files = new FileExport(runner, notifier);
        this.world = world;
        canRun = running.not().and(world.modelsProperty().isNotNull());
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
            status.set("The sweep blends explicit and implicit frames; without the implicit model there is nothing to sweep. "
                    + m.implicitProblem());
            return;
        }
        int n = rollouts.get();
        var spec = world.settings().spec();
        clearStreams();
        running.set(true);
        status.set("Sweeping alpha on " + n + " held-out rollouts of " + spec.horizon() + " frames…");
        AlphaSweep.Result previous = result.get();
        task = runner.submit(BackgroundTask.of("Alpha sweep (" + n + " rollouts)", ctx -> {
            int[] done = {0};
            return AlphaSweep.run(m, spec, n, AlphaSweep.alphas(ALPHAS), ctx::checkCancelled, p -> {
                error.offer(p.alpha(), p.meanError());
                diff.offer(p.alpha(), p.meanDiff());
                ctx.progress(++done[0], ALPHAS);
            });
        }).onSuccess(r -> {
            result.set(r);
            status.set(String.format(Locale.ROOT, "Best alpha %.2f: mean frame error %.5f on %d held-out rollouts "
                    + "(explicit alone %.5f, implicit alone %.5f).", r.best().alpha(), r.best().meanError(), r.rollouts(),
                    r.points().get(r.points().size() - 1).meanError(), r.points().get(0).meanError()));
        }).onCancelled(() -> {
            restore(previous);
            status.set("Sweep cancelled; the previous result is kept.");
        }).onFailure(e -> {
            restore(previous);
            status.set("The sweep failed: " + e.getMessage());
            notifier.error("Alpha sweep failed", String.valueOf(e.getMessage()));
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
        if (!files.nothing(r, "Run the sweep first.")) {
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
