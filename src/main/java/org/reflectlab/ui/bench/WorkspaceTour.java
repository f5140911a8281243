package org.reflectlab.ui.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.bench.TrainBenchmark;
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
 * A tour of the real main window, headless (Monocle): the backend starts in the background as in
 * the app, then every workspace is opened and its heaviest action run for a while, and the gaps
 * between FX pulses are recorded per workspace (opening included). Also reports the process's
 * peak RSS over the tour.
 */
public final class WorkspaceTour {

    /** Pulse gaps in milliseconds while one workspace opened and ran its heaviest action. */
    public record Gaps(String workspace, String action, double openMs, int pulses, double p50, double p99, double max, double seconds) {
        public String line() {
            return String.format(Locale.ROOT, "%-9s %-46s %8.0f %7d %8.1f %8.1f %8.1f", workspace, action, openMs, pulses, p50, p99, max);
        }
    }

    /** The tour's figures; {@code peakRssMb} is the process's high-water mark from the tour's start (-1 if unknown). */
    public record Result(List<Gaps> workspaces, long peakRssMb) {
    }

    private static final long WAIT_MS = 120_000;

    private final FxTaskRunner runner = new FxTaskRunner(2);
    private final List<Double> gaps = Collections.synchronizedList(new ArrayList<>());
    private Stage stage;
    private Scene scene;
    private ShellViewModel shell;
    private AnimationTimer timer;

    private WorkspaceTour() {
    }

    /** Runs the tour; {@code seconds} bounds each workspace's action (long actions are cancelled then). */
    public static Result run(double seconds, Consumer<String> log) throws Exception {
        if (System.getProperty("reflectlab.home") == null) {
            System.setProperty("reflectlab.home", Files.createTempDirectory("reflectlab-tour").toString());
        }
        resetPeakRss();
        LayoutProbeToolkit.start();
        WorkspaceTour t = new WorkspaceTour();
        try {
            List<Gaps> out = t.tour(seconds, log);
            return new Result(out, TrainBenchmark.peakRssMb());
        } finally {
            t.close();
        }
    }

    /** Ends JavaFX (for the command line). */
    public static void shutdown() {
        Platform.exit();
    }

    /** Header of {@link Gaps#line()}. */
    public static String header() {
        return String.format(Locale.ROOT, "%-9s %-46s %8s %7s %8s %8s %8s", "workspace", "action", "open ms", "pulses", "p50 ms", "p99 ms", "max ms");
    }

    private List<Gaps> tour(double seconds, Consumer<String> log) throws Exception {
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
            shell = new ShellViewModel(Workspaces.all(), runner, settings);
            scene = new Scene(new MainWindow(shell, runner, new AppServices(runner, quiet, new ModelStore(AppPaths.models()), settings)),
                    1280, 800);
            scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            long[] last = {0};
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] != 0) {
                        gaps.add((now - last[0]) / 1e6);
                    }
                    last[0] = now;
                }
            };
            timer.start();
            // as in the app: the backend starts in the background while the window is in use
            shell.startBackend(Backend::start);
            return null;
        });
        List<Gaps> out = new ArrayList<>();
        for (Workspace w : shell.workspaces()) {
            log.accept("# " + w.id());
            long t0 = System.nanoTime();
            // opening (building the view the first time) is timed on its own; the gaps are those of the action
            onFx(() -> {
                shell.selectedProperty().set(w);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return null;
            });
            double openMs = (System.nanoTime() - t0) / 1e6;
            onFx(() -> null);
            gaps.clear();
            String action = heaviest(w.id(), seconds);
            List<Double> sorted;
            synchronized (gaps) {
                sorted = new ArrayList<>(gaps);
            }
            Collections.sort(sorted);
            out.add(new Gaps(w.id(), action, openMs, sorted.size(), pct(sorted, 0.5), pct(sorted, 0.99),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), (System.nanoTime() - t0) / 1e9));
            log.accept(out.get(out.size() - 1).line());
        }
        return out;
    }

    /** Starts the workspace's heaviest action, lets it run up to {@code seconds}, then stops what still runs. */
    private String heaviest(String id, double seconds) throws Exception {
        long end = System.currentTimeMillis() + (long) (seconds * 1000);
        String action;
        switch (id) {
            case "data" -> {
                action = "new seed x 5 (24 scenes + sounds each)";
                for (int i = 0; i < 5; i++) {
                    fire("#reseed");
                    Thread.sleep(400);
                }
            }
            case "train" -> {
                action = "train the default model at full speed";
                waitFor(() -> !button("#start").isDisabled());
                fire("#start");
                sleepUntil(end);
                fire("#stop");
            }
            case "reflect" -> {
                action = "Reflect-DiT run, default K";
                waitFor(() -> !button("#run").isDisabled());
                fire("#run");
            }
            case "world" -> {
                action = "rollouts on opening, then live play";
                waitFor(() -> runner.tasks().isEmpty());
                onFx(() -> {
                    ((ToggleButton) scene.lookup("#mode-play")).setSelected(true);
                    return null;
                });
                fire("#play-start");
                sleepUntil(end);
                fire("#play-start");
            }
            case "scaling" -> {
                action = "sweep K 1,2,4,8, 1 prompt per category";
                waitFor(() -> !button("#sweep-run").isDisabled());
                onFx(() -> {
                    ((TextInputControl) scene.lookup("#k-list")).setText("1,2,4,8");
                    Spinner<?> prompts = (Spinner<?>) scene.lookup("#prompts-per-category");
                    prompts.getEditor().setText("1");
                    prompts.commitValue();
                    ((TextInputControl) scene.lookup("#sweep-name")).setText("tour");
                    return null;
                });
                fire("#sweep-run");
            }
            case "aphasia" -> {
                action = "aphasia experiment, default samples";
                waitFor(() -> !button("#aphasia-run").isDisabled());
                fire("#aphasia-run");
            }
            case "serving" -> {
                action = "start workers, then flood requests";
                fire("#serving-start");
                waitFor(() -> !button("#serving-flood").isDisabled());
                for (int i = 0; i < 3 && System.currentTimeMillis() < end; i++) {
                    fire("#serving-flood");
                    Thread.sleep(1000);
                }
            }
            case "concepts" -> {
                action = "every experiment tab's Run, in turn";
                for (String tab : List.of("tokens", "vq", "attention", "losses", "ttt", "derivation", "tradeoff")) {
                    Node run = onFx(() -> scene.lookup("#concepts-run-" + tab));
                    if (run instanceof ButtonBase b && System.currentTimeMillis() < end) {
                        waitFor(() -> !b.isDisabled());
                        fire("#concepts-run-" + tab);
                        waitUntilIdleOr(end);
                    }
                }
            }
            default -> action = "open";
        }
        waitUntilIdleOr(end);
        onFx(() -> {
            List.copyOf(runner.tasks()).forEach(t -> t.cancel());
            return null;
        });
        waitFor(() -> runner.tasks().isEmpty());
        return action;
    }

    private ButtonBase button(String id) {
        Node n = scene.lookup(id);
        if (n == null) {
            throw new IllegalStateException("no " + id + " in the window");
        }
        return (ButtonBase) n;
    }

    private void fire(String id) throws Exception {
        onFx(() -> {
            button(id).fire();
            return null;
        });
        Thread.sleep(200);
    }

    private static void sleepUntil(long end) throws InterruptedException {
        long left = end - System.currentTimeMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private void waitUntilIdleOr(long end) throws Exception {
        while (System.currentTimeMillis() < end && !onFx(() -> runner.tasks().isEmpty())) {
            Thread.sleep(100);
        }
    }

    private void waitFor(Supplier<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (onFx(condition::get)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting in the workspace tour");
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

    static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * (sorted.size() - 1))));
    }

    /** Resets the kernel's peak-RSS mark (VmHWM) of this process, so the tour's own peak is read (Linux; ignored elsewhere). */
    static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or not allowed: the peak is then the process's since its start
        }
    }

    private void close() throws Exception {
        onFx(() -> {
            if (timer != null) {
                timer.stop();
            }
            if (stage != null) {
                stage.hide();
            }
            return null;
        });
        runner.shutdown();
    }

    /** Starts JavaFX headless unless a toolkit is up already (tests). */
    static final class LayoutProbeToolkit {
        private LayoutProbeToolkit() {
        }

        static void start() throws InterruptedException {
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
    }
}
