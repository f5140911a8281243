package org.reflectlab.ui.scaling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.scaling.SweepStore;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.TextLine;

/**
 * The stored sweeps: the list, the current one (charts, fits, answers), the ones overlaid on it,
 * and the prompts behind one measured point of the current one.
 */
public final class StoredSweeps {

    /** A stored sweep as read: its analysis, its row count and the lines of results.csv that could not be read. */
    public record Run(SweepStore store, ScalingAnalysis analysis, int rows, List<String> skipped) {

        static Run of(SweepStore s, SweepStore.Loaded loaded) {
            return new Run(s, ScalingAnalysis.of(loaded.rows(), s.settings().seed()), loaded.rows().size(), loaded.skipped());
        }

        /** " 2 lines of results.csv could not be read (line 3: ...)." or "" (a message: it goes into a status line). */
        I18n.Message skippedNote() {
            return skipped.isEmpty() ? I18n.Message.literal("") : new I18n.Message("scaling.stored.skipped", skipped.size(),
                    SweepStore.RESULTS, skipped.get(0));
        }

        @Override
        public String toString() { // the list's cell text
            return I18n.tr("scaling.stored.run", store.name(), rows);
        }
    }

    private final TaskRunner runner;
    private final Path root;
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Run> current = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Run> overlays = FXCollections.observableArrayList();
    private final ObservableList<SweepRow> pointRows = FXCollections.observableArrayList();
    private final TextLine pointTitle = new TextLine(new I18n.Message("scaling.point.none"));

    StoredSweeps(TaskRunner runner, Path root) {
        this.runner = runner;
        this.root = root;
    }

    /** Reads every stored sweep (off the FX thread). */
    List<Run> read() throws IOException {
        List<Run> out = new ArrayList<>();
        for (SweepStore s : SweepStore.list(root)) {
            out.add(Run.of(s, s.load()));
        }
        return out;
    }

    /** Shows what {@link #read()} returned; the latest becomes current. */
    void setAll(List<Run> list) {
        runs.setAll(list);
        if (!runs.isEmpty()) {
            current.set(runs.get(0));
        }
    }

    /** Shows a sweep that ran (or is running) here, replacing its older reading. */
    void show(Run run) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).store().dir().equals(run.store().dir())) {
                runs.set(i, run);
                overlays.remove(run);
                current.set(run);
                return;
            }
        }
        runs.add(0, run);
        current.set(run);
    }

    /** Reads the stored sweeps again and selects the one named. */
    void reload(String select) {
        runner.submit(BackgroundTask.of(I18n.tr("scaling.task.read-sweeps"), ctx -> read()).hiddenFromTaskList().onSuccess(list -> {
            runs.setAll(list);
            list.stream().filter(r -> r.store().name().equals(select)).findFirst().ifPresent(current::set);
        }));
    }

    /** Shows a stored sweep (its charts, fits and answers); the setup form is left as it is. */
    public void select(Run run) {
        if (run == null) {
            return;
        }
        current.set(run);
        overlays.remove(run);
    }

    public void toggleOverlay(Run run) {
        if (overlays.contains(run)) {
            overlays.remove(run);
        } else if (run != current.get()) {
            overlays.add(run);
        }
    }

    /** Lists the prompts behind one measured point of the current sweep. */
    public void openPoint(Method method, int k) {
        Run run = current.get();
        if (run == null) {
            return;
        }
        runner.submit(BackgroundTask.of(I18n.tr("scaling.task.read-rows"), ctx -> run.store().rows()).hiddenFromTaskList().onSuccess(rows -> {
            pointRows.setAll(rows.stream().filter(r -> r.method() == method && r.k() == k).toList());
            long right = pointRows.stream().filter(r -> r.score() == 1).count();
            pointTitle.set("scaling.point.title", MethodStyle.name(method), k, right, pointRows.size());
        }));
    }

    // Properties //

    public ObservableList<Run> runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<Run> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableList<Run> overlays() {
        return overlays;
    }

    public ObservableList<SweepRow> pointRows() {
        return pointRows;
    }

    public ReadOnlyStringProperty pointTitleProperty() {
        return pointTitle.text();
    }
}
