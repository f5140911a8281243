package org.reflectlab.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.shell.AppServices;
import org.reflectlab.ui.shell.MainWindow;
import org.reflectlab.ui.shell.ShellViewModel;
import org.reflectlab.ui.shell.Workspace;
import org.reflectlab.ui.shell.Workspaces;

/**
 * Opens the real main window headless, runs each workspace's main action once (on small settings:
 * what is measured is the layout, not the models), then at each window size lays it out in every
 * tab and mode and counts what {@link LayoutAudit} finds.
 */
public final class LayoutProbe {

    /** A window size. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    public static final List<Size> SIZES = List.of(new Size(1024, 700), new Size(1280, 800));

    /** What one workspace shows at one size. */
    public record Result(String workspace, Size size, int truncated, int clipped, List<String> details, boolean notice) {
    }

    private static final long ACTION_TIMEOUT_MS = 180_000;

    private final FxTaskRunner runner = new FxTaskRunner(2);
    private Stage stage;
    private Scene scene;
    private ShellViewModel shell;

    private LayoutProbe() {
    }

    /**
     * Runs everything. Starts JavaFX headless (Monocle) unless a toolkit is already up (tests);
     * keeps its state (settings, sweeps, caches) in a temporary folder unless reflectlab.home is set.
     */
    public static List<Result> run(List<Size> sizes, Consumer<String> log) throws Exception {
        if (System.getProperty("reflectlab.home") == null) {
            System.setProperty("reflectlab.home", Files.createTempDirectory("reflectlab-layout").toString());
        }
        startToolkit();
        Backend.start();
        LayoutProbe p = new LayoutProbe();
        try {
            return p.probe(sizes, log);
        } finally {
            p.close();
        }
    }

    private static void startToolkit() throws InterruptedException {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
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

    private List<Result> probe(List<Size> sizes, Consumer<String> log) throws Exception {
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
            shell = new ShellViewModel(Workspaces.all(), runner, settings);
            MainWindow window = new MainWindow(shell, runner, services);
            scene = new Scene(window, 1280, 800);
            scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return null;
        });
        List<Result> out = new ArrayList<>();
        for (Workspace w : shell.workspaces()) {
            log.accept("# " + w.id() + ": opening and running its main action");
            onFx(() -> {
                shell.selectedProperty().set(w);
                return null;
            });
            resize(new Size(1280, 800));
            long t0 = System.nanoTime();
            mainAction(w.id());
            log.accept(String.format(Locale.ROOT, "#   done in %.1f s", (System.nanoTime() - t0) / 1e9));
            for (Size size : sizes) {
                resize(size);
                out.add(onFx(() -> measure(w.id(), size)));
            }
        }
        return out;
    }

    /** Lays the window out at one size, in every tab and mode of the workspace, and counts. */
    private Result measure(String workspace, Size size) {
        if (scene.getWidth() != size.width() || scene.getHeight() != size.height()) {
            throw new IllegalStateException("the window is " + scene.getWidth() + "x" + scene.getHeight() + ", not " + size);
        }
        LayoutAudit.Findings all = LayoutAudit.audit(scene);
        Parent view = (Parent) scene.lookup(".workspace-host");
        for (Node n : view.lookupAll(".tab-pane")) {
            TabPane tabs = (TabPane) n;
            Tab before = tabs.getSelectionModel().getSelectedItem();
            for (Tab t : tabs.getTabs()) {
                tabs.getSelectionModel().select(t);
                all.addAll(LayoutAudit.audit(scene));
            }
            tabs.getSelectionModel().select(before);
        }
        for (Node n : view.lookupAll(".segmented-button")) {
            SegmentedButton modes = (SegmentedButton) n;
            ToggleButton before = (ToggleButton) modes.getToggleGroup().getSelectedToggle();
            for (ToggleButton b : modes.getButtons()) {
                b.setSelected(true);
                all.addAll(LayoutAudit.audit(scene));
            }
            if (before != null) {
                before.setSelected(true);
            }
        }
        all.addAll(LayoutAudit.audit(scene));
        // and with the What-to-notice drawer open over it
        ToggleButton notice = (ToggleButton) scene.lookup("#notice-button");
        notice.setSelected(true);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        boolean hasNotice = scene.lookup("#notice-drawer .notice-panel") != null && scene.lookup("#notice-drawer .formula") != null
                || "data".equals(workspace) && scene.lookup("#notice-drawer .notice-panel") != null;
        all.addAll(LayoutAudit.audit(scene));
        notice.setSelected(false);
        return new Result(workspace, size, all.truncated(), all.clipped(), all.details(), hasNotice);
    }

    /** Resizes the window and waits until the scene has taken the new size (the platform does that a pulse later). */
    private void resize(Size s) throws Exception {
        onFx(() -> {
            // hidden while resized: Monocle's headless screen otherwise paints one frame into the old-sized buffer
            stage.hide();
            stage.setWidth(s.width());
            stage.setHeight(s.height());
            stage.show();
            return null;
        });
        waitFor(() -> scene.getWidth() == s.width() && scene.getHeight() == s.height());
        onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return null;
        });
    }

    // Main actions //

    /** Each workspace's main action, as a user would start it, on settings small enough to be quick. */
    private void mainAction(String id) throws Exception {
        switch (id) {
            case "train" -> {
                fire("#quick-preset");
                fire("#start");
                waitFor(() -> !((Parent) scene.lookup("#sample-panel")).getChildrenUnmodifiable().isEmpty());
                fire("#stop");
            }
            case "reflect" -> {
                waitFor(() -> !((ButtonBase) scene.lookup("#run")).isDisabled());
                onFx(() -> {
                    ((Spinner<?>) scene.lookup("#k")).getEditor().setText("4");
                    ((Spinner<?>) scene.lookup("#k")).commitValue();
                    return null;
                });
                fire("#run");
                waitFor(() -> !((Parent) scene.lookup("#filmstrip")).getChildrenUnmodifiable().isEmpty());
            }
            case "scaling" -> {
                waitFor(() -> !((ButtonBase) scene.lookup("#sweep-run")).isDisabled());
                onFx(() -> {
                    ((TextInputControl) scene.lookup("#k-list")).setText("1,2,3,4");
                    Spinner<?> prompts = (Spinner<?>) scene.lookup("#prompts-per-category");
                    prompts.getEditor().setText("1");
                    prompts.commitValue();
                    ((TextInputControl) scene.lookup("#sweep-name")).setText("layout-probe");
                    ((javafx.scene.control.CheckBox) scene.lookup("#method-ttt")).setSelected(false);
                    return null;
                });
                fireWhenIdle("#sweep-run");
                fireWhenIdle("#compare-run");
            }
            case "aphasia" -> {
                onFx(() -> {
                    Spinner<?> samples = (Spinner<?>) scene.lookup("#aphasia-samples");
                    samples.getEditor().setText("24");
                    samples.commitValue();
                    return null;
                });
                fireWhenIdle("#aphasia-run");
            }
            default -> {
                // data and world start their work on opening
            }
        }
        waitFor(() -> runner.tasks().isEmpty());
    }

    private void fireWhenIdle(String id) throws Exception {
        waitFor(() -> runner.tasks().isEmpty() && !((ButtonBase) scene.lookup(id)).isDisabled());
        fire(id);
        Thread.sleep(300);
    }

    private void fire(String id) throws Exception {
        onFx(() -> {
            Node n = scene.lookup(id);
            if (n == null) {
                throw new IllegalStateException("no " + id + " in the window");
            }
            ((ButtonBase) n).fire();
            return null;
        });
        Thread.sleep(200);
    }

    private void waitFor(Supplier<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + ACTION_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (onFx(condition::get)) {
                Thread.sleep(200);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for a workspace's main action");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private void close() throws Exception {
        onFx(() -> {
            if (stage != null) {
                stage.hide();
            }
            return null;
        });
        runner.shutdown();
    }

    /** Ends JavaFX (for the command line; tests leave the toolkit to the test framework). */
    public static void shutdown() {
        Platform.exit();
    }

    /** The printed line for one result. */
    public static String line(Result r) {
        return String.format(Locale.ROOT, "%-8s %-9s truncated: %d  clipped: %d", r.workspace(), r.size(), r.truncated(), r.clipped());
    }

    /** Paths the probe writes to, for the record. */
    public static Path home() {
        return AppPaths.home();
    }
}
