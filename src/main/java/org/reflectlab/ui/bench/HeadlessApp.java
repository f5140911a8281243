package org.reflectlab.ui.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.shell.AppServices;
import org.reflectlab.ui.shell.MainWindow;
import org.reflectlab.ui.shell.ShellViewModel;

/**
 * The real main window, headless (Monocle), driven from the calling thread: what the layout probe
 * and the workspace tour share. Every node is touched on the FX thread ({@link #onFx}); the caller
 * only waits.
 */
final class HeadlessApp {

    /**
     * How long the tour and the probe wait for the FX thread, a workspace or the backend (property
     * reflectlab.bench.wait.seconds, default 300): a 2-core machine loaded by other jobs has kept the FX thread from
     * running for minutes.
     */
    static final long WAIT_MS = Long.getLong("reflectlab.bench.wait.seconds", 300) * 1000;

    final FxTaskRunner runner = new FxTaskRunner(2);
    Stage stage;
    Scene scene;
    ShellViewModel shell;

    /** Starts JavaFX headless unless a toolkit is up already (tests). */
    static void startToolkit() throws InterruptedException {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        requireHeadlessToolkit();
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1600x1000-32"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        up.await();
    }

    /**
     * The app image ships without the headless toolkit (Monocle is a test toolkit; `mvn -Pdist` leaves it out), so the
     * benchmarks that open the window headless say where they run instead of failing inside JavaFX's start-up.
     */
    static void requireHeadlessToolkit() {
        if (!"Monocle".equals(System.getProperty("glass.platform"))) {
            return; // a real display was asked for (e.g. -Dglass.platform=gtk under Xvfb)
        }
        try {
            Class.forName("com.sun.glass.ui.monocle.MonocleApplication", false, HeadlessApp.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this benchmark opens the window headless, and the headless toolkit (Monocle) is not "
                    + "in this runtime: the app image ships without it. Run it from the source build (README: the CLI), "
                    + "or under a display with -Dglass.platform=gtk.");
        }
    }

    /** Builds and shows the main window at 1280x800, as the app does; what the app reports as an error goes to the log. */
    void open(Consumer<String> log) throws Exception {
        onFx(() -> {
            Settings settings = new Settings(AppPaths.home().resolve("settings.properties"));
            Notifier quiet = new Notifier() {
                @Override
                public void info(String message) {
                }

                @Override
                public void error(String title, String message) {
                    log.accept("  (the app said) " + title + ": " + message);
                }
            };
            AppServices services = new AppServices(runner, quiet, new ModelStore(AppPaths.models()), settings);
            shell = new ShellViewModel(org.reflectlab.ui.shell.Workspaces.all(), runner, settings);
            scene = new Scene(new MainWindow(shell, runner, services), 1280, 800);
            scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return null;
        });
    }

    /** Opens a workspace as a click does and waits until its view is built (the skeleton gone). */
    void select(org.reflectlab.ui.shell.Workspace w) throws Exception {
        onFx(() -> {
            shell.selectedProperty().set(w);
            return null;
        });
        waitFor(() -> scene.lookup("#workspace-skeleton") == null, WAIT_MS, "the " + w.id() + " workspace to open");
        onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return null;
        });
    }

    /** The button with this CSS id (call on the FX thread). */
    ButtonBase button(String id) {
        Node n = scene.lookup(id);
        if (n == null) {
            throw new IllegalStateException("no " + id + " in the window");
        }
        return (ButtonBase) n;
    }

    /** Clicks a button and gives the app a moment to react. */
    void fire(String id) throws Exception {
        onFx(() -> {
            button(id).fire();
            return null;
        });
        Thread.sleep(200);
    }

    /** Waits until the condition (read on the FX thread) holds, at most {@code timeoutMs}. */
    void waitFor(Supplier<Boolean> condition, long timeoutMs, String what) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (onFx(condition::get)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    /** Runs on the FX thread and waits for the result. */
    /**
     * The main window opened at w x h with its state in a fresh temporary home (named by {@code homePrefix}), for
     * the screenshot tools that look at one workspace as a user would.
     */
    static HeadlessApp sizedWindow(int w, int h, String homePrefix) throws Exception {
        // a fresh home unless -Dshots.home names one (e.g. with a stored sweep to show)
        String home = System.getProperty("shots.home");
        System.setProperty("reflectlab.home", home != null ? home : java.nio.file.Files.createTempDirectory(homePrefix).toString());
        startToolkit();
        HeadlessApp app = new HeadlessApp();
        app.open(System.out::println);
        onFx(() -> {
            app.stage.setWidth(w);
            app.stage.setHeight(h);
            app.shell.startBackend(org.reflectlab.core.backend.Backend::start); // as the app does: the status bar says when it is up
            return null;
        });
        return app;
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(WAIT_MS, TimeUnit.MILLISECONDS); // generous: a loaded 2-core machine builds a workspace slowly
    }

    /** Hides the window (after {@code beforeHide}, on the FX thread) and stops the app's task runner. */
    void close(Runnable beforeHide) throws Exception {
        onFx(() -> {
            beforeHide.run();
            if (stage != null) {
                stage.hide();
            }
            return null;
        });
        runner.shutdown();
    }
}
