package org.reflectlab.ui.train;

import java.nio.file.Path;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/** Runs that come from disk: a checkpoint to resume, or the shipped model to train further. Loaded off the FX thread. */
final class TrainLoads {

    /** Makes a loaded run the current one, its samples (if any) shown, with a status line. */
    interface Adopter {
        void adopt(UnifiedTraining t, SamplePanel panel, I18n.Message message);
    }

    /** Could not load: {@code why} names what and the reason; {@code startOver} when the status should say to set up a run. */
    interface Failure {
        void failed(I18n.Message why, boolean startOver);
    }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final ContinueFromShipped shipped;
    private final Adopter target;
    private final Failure failure;

    TrainLoads(TaskRunner runner, Notifier notifier, ModelStore shipped, Adopter target, Failure failure) {
        this.runner = runner;
        this.notifier = notifier;
        this.shipped = new ContinueFromShipped(shipped);
        this.target = target;
        this.failure = failure;
    }

    boolean shippedAvailable() {
        return shipped.available();
    }

    /** The shipped model as the start of a new run; the sheet takes its architecture and a gentle learning rate. */
    void shipped(HyperParams hyper) {
        runner.submit(shipped.load(hyper).onSuccess(loaded -> {
            UnifiedTraining t = loaded.getKey();
            hyper.takeModel(t.model().config());
            target.adopt(t, loaded.getValue(), ContinueFromShipped.loaded(t));
        }).onFailure(e -> failure.failed(new I18n.Message("train.problem.load-shipped", String.valueOf(e.getMessage())), true)));
    }

    void checkpoint(Path folder) {
        ModelStore store = new ModelStore(folder.toAbsolutePath().getParent());
        String name = folder.getFileName().toString();
        runner.submit(BackgroundTask.of(I18n.tr("train.task.load", name), ctx -> UnifiedTraining.resume(store, name))
                .onSuccess(t -> target.adopt(t, null, t.finished() ? new I18n.Message("train.status.loaded-finished", t.completedSteps())
                        : new I18n.Message("train.status.loaded", t.completedSteps(), t.settings().steps())))
                .onFailure(e -> {
                    failure.failed(new I18n.Message("train.problem.load", String.valueOf(e.getMessage())), false);
                    notifier.error(I18n.tr("train.notify.not-loaded"), String.valueOf(e.getMessage()));
                }));
    }
}
