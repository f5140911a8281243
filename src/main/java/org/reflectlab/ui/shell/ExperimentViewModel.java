package org.reflectlab.ui.shell;

import org.reflectlab.ui.kit.I18n;
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
            say(I18n.tr("shell.experiment.saved", file.toString(), e.settings().size(), e.models().size()));
        } catch (IOException | RuntimeException ex) {
            message.set(I18n.tr("shell.experiment.save.failed", file.toString(), String.valueOf(ex.getMessage())));
            notifier.error(I18n.tr("shell.experiment.save.failed.title"), message.get());
        }
    }

    public void open(Path file) {
        Experiment e;
        try {
            e = Experiment.read(file);
        } catch (IOException ex) {
            message.set(ex.getMessage());
            notifier.error(I18n.tr("shell.experiment.open.failed.title"), ex.getMessage());
            return;
        }
        e.settings().forEach(settings::put);
        settings.save();
        reopen.accept(e.workspace());
        List<String> diff = e.modelDifferences(store);
        String notes = e.notes().isBlank() ? "" : I18n.tr("shell.experiment.notes", e.notes());
        String titleKey = "shell.workspace." + e.workspace();
        String workspaceName = I18n.pattern(I18n.locale(), titleKey) == null ? e.workspace() : I18n.tr(titleKey);
        if (diff.isEmpty()) {
            say(I18n.tr("shell.experiment.opened", file.getFileName().toString(), workspaceName, notes));
        } else {
            message.set(I18n.tr("shell.experiment.opened.differs", file.getFileName().toString(),
                    String.join(I18n.tr("shell.list.separator"), diff), notes));
            notifier.error(I18n.tr("shell.experiment.differs.title"), message.get());
        }
    }

    private void say(String text) {
        message.set(text);
        notifier.info(text);
    }
}
