package org.reflectlab.ui.scaling;

import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.scaling.SweepSession;
import org.reflectlab.core.scaling.SweepStore;
import org.reflectlab.core.text.Phrase;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.TextLine;

/**
 * A running sweep as the Scaling workspace shows it: the store's notes as notifications, progress
 * and its line into the bar, the status and the task list, and the rows so far into the charts.
 * Called on the sweep's thread; every property changes on the UI thread.
 */
final class SweepFeed implements SweepSession.Observer {

    private final TaskContext ctx;
    private final Notifier notifier;
    private final SweepStore store;
    private final DoubleProperty progress;
    private final TextLine status;
    private final Consumer<StoredSweeps.Run> show;

    SweepFeed(TaskContext ctx, Notifier notifier, SweepStore store, DoubleProperty progress, TextLine status,
              Consumer<StoredSweeps.Run> show) {
        this.ctx = ctx;
        this.notifier = notifier;
        this.store = store;
        this.progress = progress;
        this.status = status;
        this.show = show;
    }

    @Override
    public void note(Phrase note) {
        ctx.onUiThread(() -> notifier.info(I18n.Message.of(note).text()));
    }

    @Override
    public void progress(SweepSession.Progress p) {
        ctx.progress(p.imagesDone(), p.imagesAtMost());
        ctx.message(I18n.Message.of(p.what()).text());
        ctx.onUiThread(() -> {
            progress.set(p.fraction());
            status.set("scaling.status.progress", p.summary(), p.what());
        });
    }

    @Override
    public void rowsSoFar(SweepStore.Loaded rows) {
        StoredSweeps.Run partial = StoredSweeps.Run.of(store, rows);
        ctx.onUiThread(() -> show.accept(partial));
    }

    @Override
    public void rowsUnreadable(IOException e) {
        ctx.message(I18n.tr("scaling.task.charts-wait", String.valueOf(e.getMessage())));
    }
}
