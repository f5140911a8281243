package org.reflectlab.ui.shell;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.FxTaskRunner;

/**
 * The JavaFX application. The window is shown before the compute backend starts (ND4J takes
 * a second or more to load its natives), so the user never waits for a blank screen.
 */
public final class ReflectLabApp extends Application {

    /** Background workers: each runs one ND4J thread; the FX thread keeps the other core. */
    private static final int WORKERS = 2;

    private Stage stage;
    private ShellViewModel shell;
    private FxTaskRunner runner;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Settings settings = Settings.load();
        runner = new FxTaskRunner(WORKERS);
        AppServices services = new AppServices(runner, new FxNotifier(primary), new ModelStore(AppPaths.models()), settings);
        shell = new ShellViewModel(Workspaces.all(), runner, settings);
        MainWindow window = new MainWindow(shell, runner, services);
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(ReflectLabApp.class.getResource("app.css").toExternalForm());
        primary.setScene(scene);
        primary.setTitle("ReflectLab");
        primary.setMinWidth(900);
        primary.setMinHeight(600);
        restoreBounds(primary);
        primary.show();
        shell.startBackend(Backend::start);
        if (System.getenv("REFLECTLAB_TIMING") != null) {
            reportStartupTimes();
        }
    }

    /** For the closing-note measurements: how long after JVM start the window and the backend were ready. */
    private void reportStartupTimes() {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.printf("startup: window shown %d ms after JVM start%n", System.currentTimeMillis() - jvmStart);
        shell.backendReadyProperty().addListener((o, a, ready) -> {
            if (ready) {
                System.err.printf("startup: backend ready %d ms after JVM start%n", System.currentTimeMillis() - jvmStart);
            }
        });
    }

    private void restoreBounds(Stage s) {
        shell.windowState().ifPresent(w -> {
            // Only restore a position that is still on a screen (monitors come and go).
            Rectangle2D r = new Rectangle2D(w.x(), w.y(), w.width(), w.height());
            boolean visible = Screen.getScreens().stream().anyMatch(sc -> sc.getVisualBounds().intersects(r));
            if (visible) {
                s.setX(w.x());
                s.setY(w.y());
            }
            s.setWidth(w.width());
            s.setHeight(w.height());
            s.setMaximized(w.maximized());
        });
    }

    @Override
    public void stop() {
        if (shell != null && stage != null) {
            shell.saveWindowState(new ShellViewModel.WindowState(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        }
        if (runner != null) {
            runner.shutdown();
        }
    }
}
