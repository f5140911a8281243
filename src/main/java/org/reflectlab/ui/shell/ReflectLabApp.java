package org.reflectlab.ui.shell;

import org.reflectlab.ui.kit.I18n;
import javafx.application.Application;
import javafx.application.Platform;
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
        // written half a second after each change, not only at a clean exit (a killed app kept nothing)
        Settings settings = Settings.load().autosave(500);
        runner = new FxTaskRunner(WORKERS);
        AppServices services = new AppServices(runner, new FxNotifier(primary), new ModelStore(AppPaths.models()), settings);
        shell = new ShellViewModel(Workspaces.all(), runner, settings);
        // A light start-up pane first, so the window appears as soon as the toolkit is up; ND4J starts
        // meanwhile on a worker, and the main window replaces the pane after the first pulse.
        ShellViewModel.WindowState place = WindowPlacement.place(
                Screen.getScreens().stream().sorted((a, b) -> a == Screen.getPrimary() ? -1 : b == Screen.getPrimary() ? 1 : 0)
                        .map(Screen::getVisualBounds).toList(), shell.windowState());
        StartupPane pane = new StartupPane(shell);
        // no style sheet yet: the start-up pane styles itself, and parsing the theme (JavaFX's and ours) waits for the main window
        Scene scene = new Scene(pane, place.width(), place.height());
        primary.setScene(scene);
        primary.titleProperty().bind(I18n.text("shell.window.title"));
        double[] min = WindowPlacement.minimum(Screen.getPrimary().getVisualBounds());
        primary.setMinWidth(min[0]);
        primary.setMinHeight(min[1]);
        primary.setX(place.x());
        primary.setY(place.y());
        primary.setWidth(place.width());
        primary.setHeight(place.height());
        primary.setMaximized(place.maximized());
        primary.show();
        StartupTimes.mark("window shown");
        shell.backendReadyProperty().addListener((o, a, ready) -> StartupTimes.mark("backend ready"));
        // past the start-up pane's first frame: the icon (a PNG to decode)
        WorkspaceSkeleton.afterFrames(1, () -> {
            StartupTimes.mark("first frame");
            StartupPane.applyIcon(primary);
        });
        // after the start-up pane has been drawn (a window left blank while the FX thread builds looks hung)
        WorkspaceSkeleton.afterFrames(3, () -> {
            scene.getStylesheets().add(ReflectLabApp.class.getResource("app.css").toExternalForm());
            MainWindow main = new MainWindow(shell, runner, services);
            main.setOnFirstShown(() -> {
                StartupTimes.mark("main window interactive");
                // ND4J starts once the first workspace is up: its second or more of CPU on a worker would share a 2-core
                // machine with the main window's build. The first workspace (Data) does not use it; a workspace opened
                // sooner starts it itself (Backend.start is idempotent), and the status bar says "Backend starting…".
                if (System.getenv("REFLECTLAB_EXIT_WHEN_READY") != null) {
                    // `bench startup`: one launch timed (the backend's start too), then the next can start
                    shell.backendStatusProperty().addListener((o, a, now) -> Platform.exit());
                }
                shell.startBackend(Backend::start);
            });
            pane.stop();
            scene.setRoot(main);
            StartupTimes.mark("main window built");
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
