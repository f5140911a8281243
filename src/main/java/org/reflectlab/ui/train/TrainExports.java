package org.reflectlab.ui.train;

import java.nio.file.Path;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.FileExport;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/** The Train workspace's files, written in the background: checkpoints, the loss history as CSV, a chart as PNG. */
public final class TrainExports {

    private final TaskRunner runner;
    private final Notifier notifier;
    private final FileExport files;
    private final java.util.function.Supplier<UnifiedTraining> current;
    private final java.util.function.BooleanSupplier canSave;

    /** @param current the run now (or null), @param canSave whether a checkpoint may be written now */
    TrainExports(TaskRunner runner, Notifier notifier, java.util.function.Supplier<UnifiedTraining> current,
                 java.util.function.BooleanSupplier canSave) {
        this.runner = runner;
        this.notifier = notifier;
        this.files = new FileExport(runner, notifier);
        this.current = current;
        this.canSave = canSave;
    }

    /** Every step's losses and every evaluation as CSV. */
    public void csv(Path file) {
        UnifiedTraining t = current.get();
        if (!files.nothing(t, I18n.tr("train.export.nothing"))) {
            files.write(file, () -> t.history().exportCsv(file));
        }
    }

    /** Weights, optimizer state and history as a resumable checkpoint in {@code folder} (when a run can be saved). */
    public void saveCheckpoint(Path folder) {
        UnifiedTraining t = current.get();
        if (t == null || !canSave.getAsBoolean()) {
            return;
        }
        org.reflectlab.core.store.ModelStore store = new org.reflectlab.core.store.ModelStore(folder.toAbsolutePath().getParent());
        String name = folder.getFileName().toString();
        runner.submit(BackgroundTask.of(I18n.tr("train.task.save", name), ctx ->
                t.save(store, name, "ReflectLab Train workspace, step " + t.completedSteps(), true))
                .onSuccess(m -> notifier.info(I18n.tr("train.notify.saved", t.completedSteps(), folder.toString())))
                .onFailure(e -> notifier.error(I18n.tr("train.notify.not-saved"), String.valueOf(e.getMessage()))));
    }

    /** An image captured by the view (e.g. the loss chart), written in the background. */
    public void image(org.reflectlab.core.data.RgbImage image, Path file) {
        files.write(file, () -> ImageGrid.writePng(image, file));
    }
}
