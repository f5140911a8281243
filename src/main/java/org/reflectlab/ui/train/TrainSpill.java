package org.reflectlab.ui.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Releasable;
import org.reflectlab.ui.train.TrainViewModel.State;
import org.reflectlab.ui.kit.TextLine;

/**
 * The Train workspace's run while the workspace is hidden: an idle run (weights, Adam state, history; with its
 * activation buffers ~330 MB) is written to a temporary checkpoint on a worker and let go, and read back on a worker when
 * the workspace is shown again, so Start resumes it and Save writes it as before. The charts, tiles and samples stay on
 * screen meanwhile. While it is read back the workspace is STARTING (the commands wait). FX thread only.
 */
final class TrainSpill implements Releasable {

    private static final AtomicInteger SPILLS = new AtomicInteger();
    private static Path root;

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<State> state;
    private final TextLine status;
    private final Supplier<UnifiedTraining> current;
    private final Consumer<UnifiedTraining> replace;
    private final Consumer<I18n.Message> lost;
    /** Bumped by every release and rebuild: a write that finishes after the workspace came back is thrown away. */
    private long generation;
    private boolean writing;
    private Aside aside;

    /** Where the run is, and what the workspace said about it (the status line is restored when it comes back). */
    private record Aside(ModelStore store, String name, double learningRate, I18n.Message status) {
    }

    /**
     * @param current the run now, or null; {@code replace} sets it; {@code lost} gets the reason when a run put aside
     *                cannot be read back (the workspace then has no run)
     */
    TrainSpill(TaskRunner runner, ReadOnlyObjectWrapper<State> state, TextLine status, Supplier<UnifiedTraining> current,
               Consumer<UnifiedTraining> replace, Consumer<I18n.Message> lost) {
        this.runner = runner;
        this.state = state;
        this.status = status;
        this.current = current;
        this.replace = replace;
        this.lost = lost;
    }

    /** Writes an idle run aside and lets go of it; nothing while a run trains, pauses or starts, or when there is none. */
    @Override
    public void release() {
        UnifiedTraining t = current.get();
        if (t == null || writing || aside != null || state.get() != State.IDLE) {
            return;
        }
        long mine = ++generation;
        writing = true;
        String name = "run-" + SPILLS.incrementAndGet();
        I18n.Message shown = status.get();
        ModelStore store;
        try {
            store = new ModelStore(root());
        } catch (IOException e) {
            writing = false;
            return; // no temporary folder: the run stays held
        }
        runner.submit(BackgroundTask.of(I18n.tr("train.task.aside"), ctx -> {
            t.save(store, name, "ReflectLab Train workspace: the run put aside while the workspace was hidden", true);
            return t.learningRate();
        }).hiddenFromTaskList().onSuccess(lr -> {
            if (mine == generation && current.get() == t && state.get() == State.IDLE) {
                aside = new Aside(store, name, lr, shown);
                replace.accept(null);
            } else {
                deleteLater(store.dir(name)); // shown again (or changed) meanwhile: the run in memory is the one
            }
        }).onFailure(e -> deleteLater(store.dir(name))) // e.g. a diverged run cannot be saved: it stays held
                .onFinished(() -> writing = false));
    }

    /** Reads a run put aside back on a worker (the commands wait meanwhile); nothing if none was put aside. */
    @Override
    public void rebuild() {
        generation++;
        Aside a = aside;
        if (a == null) {
            return;
        }
        aside = null;
        state.set(State.STARTING);
        status.set("train.status.reading-back");
        runner.submit(BackgroundTask.of(I18n.tr("train.task.read-back"), ctx -> {
            try {
                UnifiedTraining t = UnifiedTraining.resume(a.store(), a.name());
                double lr = t.learningRate();
                if (lr > 0 && a.learningRate() > 0 && lr != a.learningRate()) {
                    t.scaleLearningRate(a.learningRate() / lr); // a lowered rate after a NaN is not in the checkpoint
                }
                return t;
            } finally {
                delete(a.store().dir(a.name())); // read or not, the copy on disk has served
            }
        }).onSuccess(t -> {
            replace.accept(t);
            status.set(a.status());
        }).onFailure(e -> lost.accept(new I18n.Message("train.problem.read-back", String.valueOf(e.getMessage()))))
                .onFinished(() -> state.set(State.IDLE)));
    }

    /** Whether the run is on disk rather than in memory (for tests). */
    boolean putAside() {
        return aside != null;
    }

    private static synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("reflectlab-train-aside");
            Path r = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(r), "reflectlab-train-aside-cleanup"));
        }
        return root;
    }

    /** Deletes a checkpoint put aside on a worker: its files are tens of MB, not for the FX thread. */
    private void deleteLater(Path dir) {
        runner.submit(BackgroundTask.of(I18n.tr("train.task.delete-aside"), ctx -> {
            delete(dir);
            return dir;
        }).hiddenFromTaskList());
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind; the shutdown hook tries again
        }
    }
}
