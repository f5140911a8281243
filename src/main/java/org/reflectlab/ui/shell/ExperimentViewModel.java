package org.reflectlab.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.experiment.Experiment;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.Notifier;

/**
 * File > Save experiment / Open experiment: the state as one small file, and back. Opening puts
 * the file's settings in place, has the workspaces built again from them, shows the file's
 * workspace, and says which model differs from the file's.
 */
public final class ExperimentViewModel {

    private final Settings settings;
    private final ModelStore store;
    private final Supplier<String> workspace;
    private final Consumer<String> reopen;
    private final Notifier notifier;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** {@code reopen}: rebuild the workspaces from the settings and show the one with this id. */
    public ExperimentViewModel(Settings settings, ModelStore store, Supplier<String> workspace, Consumer<String> reopen, Notifier notifier) {
        this.settings = settings;
        this.store = store;
        this.workspace = workspace;
        this.reopen = reopen;
        this.notifier = notifier;
    }

    /** What the last save or open said. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void save(Path file, String notes) {
        try {
            Experiment e = Experiment.capture(workspace.get(), settings.snapshot(), store, notes);
            e.write(file);
            say("Saved the experiment to " + file + " (" + e.settings().size() + " settings, " + e.models().size() + " models' SHA-256).");
        } catch (IOException | RuntimeException ex) {
            message.set("Could not save " + file + ": " + ex.getMessage());
            notifier.error("Could not save the experiment", message.get());
        }
    }

    public void open(Path file) {
        Experiment e;
        try {
            e = Experiment.read(file);
        } catch (IOException ex) {
            message.set(ex.getMessage());
            notifier.error("Could not open the experiment", ex.getMessage());
            return;
        }
        e.settings().forEach(settings::put);
        settings.save();
        reopen.accept(e.workspace());
        List<String> diff = e.modelDifferences(store);
        String notes = e.notes().isBlank() ? "" : " Notes: " + e.notes();
        if (diff.isEmpty()) {
            say("Opened " + file.getFileName() + ": the " + e.workspace() + " workspace and its settings are restored; every model matches."
                    + notes);
        } else {
            message.set("Opened " + file.getFileName() + ", but " + String.join("; ", diff) + "." + notes);
            notifier.error("A model differs from the experiment's", message.get());
        }
    }

    private void say(String text) {
        message.set(text);
        notifier.info(text);
    }
}
