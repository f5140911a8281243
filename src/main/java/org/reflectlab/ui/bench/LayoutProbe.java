package org.reflectlab.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import org.controlsfx.control.SegmentedButton;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.ui.shell.Workspace;

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

    /** System property: only the workspaces with these ids (comma-separated), e.g. the ones a change touched. */
    public static final String ONLY = "reflectlab.layout.only";

    /** What one workspace shows at one size. */
    public record Result(String workspace, Size size, int truncated, int clipped, int sideways, List<String> details, boolean notice) {
    }

    private static final long ACTION_TIMEOUT_MS = 180_000;

    private final HeadlessApp app = new HeadlessApp();

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
        HeadlessApp.startToolkit();
        Backend.start();
        LayoutProbe p = new LayoutProbe();
        try {
            return p.probe(sizes, log);
        } finally {
            p.app.close(() -> { });
        }
    }

    private List<Result> probe(List<Size> sizes, Consumer<String> log) throws Exception {
        app.open(log);
        List<Result> out = new ArrayList<>();
        List<String> only = System.getProperty(ONLY, "").isBlank() ? List.of() : List.of(System.getProperty(ONLY).split(","));
        for (Workspace w : app.shell.workspaces()) {
            if (!only.isEmpty() && !only.contains(w.id())) {
                continue;
            }
            log.accept("# " + w.id() + ": opening and running its main action");
            app.select(w);
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

    /** Waits for a main action's sign of completion, then lets the window settle. */
    private void waitFor(Supplier<Boolean> condition) throws Exception {
        app.waitFor(condition, ACTION_TIMEOUT_MS, "a workspace's main action");
        Thread.sleep(200);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return HeadlessApp.onFx(work);
    }

    /** Lays the window out at one size, in every tab and mode of the workspace, and counts. */
    private Result measure(String workspace, Size size) {
        if (app.scene.getWidth() != size.width() || app.scene.getHeight() != size.height()) {
            throw new IllegalStateException("the window is " + app.scene.getWidth() + "x" + app.scene.getHeight() + ", not " + size);
        }
        LayoutAudit.Findings all = LayoutAudit.audit(app.scene);
        Parent view = (Parent) app.scene.lookup(".workspace-host");
        for (Node n : view.lookupAll(".tab-pane")) {
            TabPane tabs = (TabPane) n;
            Tab before = tabs.getSelectionModel().getSelectedItem();
            for (Tab t : tabs.getTabs()) {
                tabs.getSelectionModel().select(t);
                all.addAll(LayoutAudit.audit(app.scene));
            }
            tabs.getSelectionModel().select(before);
        }
        for (Node n : view.lookupAll(".segmented-button")) {
            SegmentedButton modes = (SegmentedButton) n;
            ToggleButton before = (ToggleButton) modes.getToggleGroup().getSelectedToggle();
            for (ToggleButton b : modes.getButtons()) {
                b.setSelected(true);
                all.addAll(LayoutAudit.audit(app.scene));
            }
            if (before != null) {
                before.setSelected(true);
            }
        }
        all.addAll(LayoutAudit.audit(app.scene));
        // and with the What-to-notice drawer open over it
        ToggleButton notice = (ToggleButton) app.scene.lookup("#notice-button");
        notice.setSelected(true);
        app.scene.getRoot().applyCss();
        app.scene.getRoot().layout();
        boolean hasNotice = app.scene.lookup("#notice-drawer .notice-panel") != null && app.scene.lookup("#notice-drawer .formula") != null
                || "data".equals(workspace) && app.scene.lookup("#notice-drawer .notice-panel") != null;
        all.addAll(LayoutAudit.audit(app.scene));
        notice.setSelected(false);
        return new Result(workspace, size, all.truncated(), all.clipped(), all.sideways(), all.details(), hasNotice);
    }

    /** Resizes the window and waits until the app.scene has taken the new size (the platform does that a pulse later). */
    private void resize(Size s) throws Exception {
        onFx(() -> {
            // hidden while resized: Monocle's headless screen otherwise paints one frame into the old-sized buffer
            app.stage.hide();
            app.stage.setWidth(s.width());
            app.stage.setHeight(s.height());
            app.stage.show();
            return null;
        });
        waitFor(() -> app.scene.getWidth() == s.width() && app.scene.getHeight() == s.height());
        onFx(() -> {
            app.scene.getRoot().applyCss();
            app.scene.getRoot().layout();
            return null;
        });
    }

    // Main actions //

    /** Each workspace's main action, as a user would start it, on settings small enough to be quick. */
    private void mainAction(String id) throws Exception {
        switch (id) {
            case "train" -> {
                app.fire("#quick-preset");
                app.fire("#start");
                waitFor(() -> !((Parent) app.scene.lookup("#sample-panel")).getChildrenUnmodifiable().isEmpty());
                app.fire("#stop");
            }
            case "reflect" -> {
                waitFor(() -> !((ButtonBase) app.scene.lookup("#run")).isDisabled());
                onFx(() -> {
                    ((Spinner<?>) app.scene.lookup("#k")).getEditor().setText("4");
                    ((Spinner<?>) app.scene.lookup("#k")).commitValue();
                    return null;
                });
                app.fire("#run");
                waitFor(() -> !((Parent) app.scene.lookup("#filmstrip")).getChildrenUnmodifiable().isEmpty());
            }
            case "scaling" -> {
                waitFor(() -> !((ButtonBase) app.scene.lookup("#sweep-run")).isDisabled());
                String defaultKs = onFx(() -> ((TextInputControl) app.scene.lookup("#k-list")).getText());
                onFx(() -> {
                    ((TextInputControl) app.scene.lookup("#k-list")).setText("1,2,3,4");
                    Spinner<?> prompts = (Spinner<?>) app.scene.lookup("#prompts-per-category");
                    prompts.getEditor().setText("1");
                    prompts.commitValue();
                    ((TextInputControl) app.scene.lookup("#sweep-name")).setText("layout-probe");
                    ((javafx.scene.control.CheckBox) app.scene.lookup("#method-ttt")).setSelected(false);
                    return null;
                });
                fireWhenIdle("#sweep-run");
                // Compare K with the default K values: as wide as a learner's grid gets
                waitFor(() -> app.runner.tasks().isEmpty());
                onFx(() -> {
                    ((TextInputControl) app.scene.lookup("#k-list")).setText(defaultKs);
                    return null;
                });
                fireWhenIdle("#compare-run");
            }
            case "aphasia" -> {
                onFx(() -> {
                    Spinner<?> samples = (Spinner<?>) app.scene.lookup("#aphasia-samples");
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
        waitFor(() -> app.runner.tasks().isEmpty());
    }

    private void fireWhenIdle(String id) throws Exception {
        waitFor(() -> app.runner.tasks().isEmpty() && !app.button(id).isDisabled());
        app.fire(id);
        Thread.sleep(300);
    }

    /** Ends JavaFX (for the command line; tests leave the toolkit to the test framework). */
    public static void shutdown() {
        Platform.exit();
    }

    /** The printed line for one result. */
    public static String line(Result r) {
        return String.format(Locale.ROOT, "%-8s %-9s truncated: %d  clipped: %d  sideways: %d", r.workspace(), r.size(), r.truncated(),
                r.clipped(), r.sideways());
    }

    /** Paths the probe writes to, for the record. */
    public static Path home() {
        return AppPaths.home();
    }
}
