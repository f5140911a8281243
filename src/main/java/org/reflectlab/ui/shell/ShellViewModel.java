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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.settings.Settings;

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
    private final ReadOnlyStringWrapper backendStatus = new ReadOnlyStringWrapper("Backend starting…");
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
    }

    public List<Workspace> workspaces() {
        return workspaces;
    }

    public ObjectProperty<Workspace> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty backendStatusProperty() {
        return backendStatus.getReadOnlyProperty();
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
        backendStatus.set("Backend starting…");
        runner.submit(BackgroundTask.of("Starting the ND4J backend", ctx -> starter.get())
                .onSuccess(info -> {
                    backendInfo.set(info);
                    backendReady.set(true);
                    backendStatus.set(info.summary());
                })
                .onFailure(e -> backendStatus.set("Backend failed to start: " + e.getMessage()
                        + " (models cannot run; the Data workspace still works)")));
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
