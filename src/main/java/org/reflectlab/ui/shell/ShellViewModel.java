package org.reflectlab.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Remembered;

/**
 * The main window's state: which workspace shows, whether the compute backend is up, and the
 * window geometry and last workspace, remembered between runs.
 */
public final class ShellViewModel {

    /** Where and how big the window was. */
    public record WindowState(double x, double y, double width, double height, boolean maximized) {
    }

    private static final String LAST_WORKSPACE = "shell.workspace";

    private final List<Workspace> workspaces;
    private final TaskRunner runner;
    private final Settings settings;

    // Properties //
    private final ObjectProperty<Workspace> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<I18n.Message> backendStatus = new SimpleObjectProperty<>(new I18n.Message("shell.backend.starting"));
    private final StringBinding backendStatusText = I18n.textOf(backendStatus);
    /** The app's language: the remembered one, else the system's (Japanese for a Japanese system, else English). */
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(I18n.fromSystem(Locale.getDefault()));
    private final ReadOnlyBooleanWrapper backendReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<BackendInfo> backendInfo = new ReadOnlyObjectWrapper<>();

    public ShellViewModel(List<Workspace> workspaces, TaskRunner runner, Settings settings) {
        if (workspaces.isEmpty()) {
            throw new IllegalArgumentException("at least one workspace");
        }
        this.workspaces = List.copyOf(workspaces);
        this.runner = runner;
        this.settings = settings;
        String last = settings.get(LAST_WORKSPACE).orElse("");
        selected.set(workspaces.stream().filter(w -> w.id().equals(last)).findFirst().orElse(workspaces.get(0)));
        selected.addListener((o, a, b) -> {
            if (b != null) {
                settings.put(LAST_WORKSPACE, b.id());
            }
        });
        new Remembered(settings, "shell").value("language", language, Locale::forLanguageTag, l -> {
            language.set(l);
            return I18n.SUPPORTED.contains(l);
        }, I18n.tr("shell.language.rule"));
        if (!I18n.SUPPORTED.contains(language.get())) {
            language.set(I18n.ENGLISH);
        }
        I18n.setLocale(language.get());
        language.addListener((o, a, l) -> I18n.setLocale(l));
    }

    /** View > Language: setting it switches every bound text at once and is remembered. */
    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public List<Workspace> workspaces() {
        return workspaces;
    }

    public ObjectProperty<Workspace> selectedProperty() {
        return selected;
    }

    /** The status bar's text, in the current language. */
    public StringBinding backendStatusProperty() {
        return backendStatusText;
    }

    public ReadOnlyBooleanProperty backendReadyProperty() {
        return backendReady.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BackendInfo> backendInfoProperty() {
        return backendInfo.getReadOnlyProperty();
    }

    // Commands //

    /** Starts the compute backend in the background; the window is usable meanwhile. */
    public void startBackend(Supplier<BackendInfo> starter) {
        backendStatus.set(new I18n.Message("shell.backend.starting"));
        runner.submit(BackgroundTask.of(I18n.tr("shell.task.backend"), ctx -> starter.get())
                .onSuccess(info -> {
                    backendInfo.set(info);
                    backendReady.set(true);
                    backendStatus.set(new I18n.Message("shell.backend.ready", info.said()));
                })
                .onFailure(e -> backendStatus.set(new I18n.Message("shell.backend.failed", String.valueOf(e.getMessage())))));
    }

    public void select(int index) {
        if (index >= 0 && index < workspaces.size()) {
            selected.set(workspaces.get(index));
        }
    }

    public Optional<WindowState> windowState() {
        double w = settings.getDouble("window.width", -1);
        double h = settings.getDouble("window.height", -1);
        if (w < 200 || h < 150) {
            return Optional.empty();
        }
        return Optional.of(new WindowState(settings.getDouble("window.x", 0), settings.getDouble("window.y", 0),
                w, h, Boolean.parseBoolean(settings.get("window.maximized").orElse("false"))));
    }

    public void saveWindowState(WindowState s) {
        settings.put("window.x", s.x());
        settings.put("window.y", s.y());
        settings.put("window.width", s.width());
        settings.put("window.height", s.height());
        settings.put("window.maximized", Boolean.toString(s.maximized()).toLowerCase(Locale.ROOT));
        settings.save();
    }

    public void saveSettings() {
        settings.save();
    }
}
