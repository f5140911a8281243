package org.reflectlab.ui.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.bench.MemoryReport;
import org.reflectlab.ui.shell.Workspace;

/**
 * A tour of the real main window, headless (Monocle): the backend starts in the background as in
 * the app, then every workspace is opened and its heaviest action run for a while, and the gaps
 * between FX pulses are recorded per workspace (opening included). Also reports the process's
 * peak RSS over the tour.
 */
public final class WorkspaceTour {

    /** A frame slower than this is a dropped frame at 30 fps. */
    public static final double SLOW_MS = 33;

    /** A frame whose FX thread used more CPU than this could not have kept 60 fps on any machine. */
    public static final double FRAME_CPU_MS = 16.7;

    /**
     * Pulse gaps in milliseconds while one workspace ran its heaviest action; {@code slow} counts gaps over {@link #SLOW_MS}.
     * {@code cpuP99} / {@code cpuMax}: the FX thread's own CPU time between two pulses (what the app's work on it cost,
     * whatever waited for a core or a GC meanwhile), {@code cpuSlow} the frames over {@link #FRAME_CPU_MS} of it;
     * {@code renderP99} / {@code renderMax} the same for the render thread (JavaFX paints there; the FX thread waits for
     * the previous frame's painting before it hands over the next), NaN where that thread was not found.
     */
    public record Gaps(String workspace, String action, double openMs, int pulses, double p50, double p99, double max, int slow,
                       double seconds, double cpuP99, double cpuMax, int cpuSlow, double renderP99, double renderMax) {
        public String line() {
            return String.format(Locale.ROOT, "%-9s %-46s %8.0f %7d %8.1f %8.1f %8.1f %7d %8.1f %8.1f %7d %8.1f %8.1f", workspace, action,
                    openMs, pulses, p50, p99, max, slow, cpuP99, cpuMax, cpuSlow, renderP99, renderMax);
        }
    }

    /**
     * The tour's figures: memory after start-up (backend up, first workspace shown), right after the tour, and after
     * leaving every workspace but the first for {@code idleSeconds}; each read after a full GC. {@code peakRssMb} is the
     * process's high-water mark from the tour's start (-1 if unknown). {@code histogram} / {@code nativeAreas}: the
     * heap's largest classes and the JVM's native areas right after the tour (empty unless asked for); {@code idleHistogram}
     * the heap's largest classes after the idle wait (what stays; empty unless asked for and waited).
     */
    public record Result(List<Gaps> workspaces, long peakRssMb, MemoryReport.Snapshot startup, MemoryReport.Snapshot afterTour,
                         MemoryReport.Snapshot afterIdle, double idleSeconds, List<String> histogram, List<String> nativeAreas,
                         List<String> idleHistogram) {
    }

    private static final long WAIT_MS = HeadlessApp.WAIT_MS;

    private final HeadlessApp app = new HeadlessApp();
    private MemoryReport.Snapshot startup;
    private final List<Double> gaps = Collections.synchronizedList(new ArrayList<>());
    /** The FX thread's CPU time (ms) spent between consecutive pulses, beside {@link #gaps}. */
    private final List<Double> frameCpu = Collections.synchronizedList(new ArrayList<>());
    /** The render thread's CPU time (ms) between consecutive pulses. */
    private final List<Double> renderCpu = Collections.synchronizedList(new ArrayList<>());
    /** Frames whose FX thread CPU was over {@link #FRAME_CPU_MS}: {cpu ms, when it ended in ms after the action started}. */
    private final List<double[]> heavyFrames = Collections.synchronizedList(new ArrayList<>());
    /** Gaps over {@link #LONG_GAP_MS}: {gap ms, when it ended in ms after the action started}, to find them in a JFR recording (the 5 longest are logged). */
    private final List<double[]> longGaps = Collections.synchronizedList(new ArrayList<>());
    private volatile long actionStart = System.nanoTime();
    private static final double LONG_GAP_MS = 100;
    private AnimationTimer timer;

    private WorkspaceTour() {
    }

    /** Runs the tour without the idle wait or the memory breakdown (as {@code bench all} does). */
    public static Result run(double seconds, Consumer<String> log) throws Exception {
        return run(seconds, 0, false, List.of(), log);
    }

    /**
     * Runs the tour; {@code seconds} bounds each workspace's action (long actions are cancelled then); then, if
     * {@code idleSeconds > 0}, shows the first workspace that long and reads memory again (the others release their
     * heavy state meanwhile). {@code breakdown}: also the heap histogram and native areas after the tour. {@code only}: the
     * workspace ids to visit (empty: all), to iterate on one workspace without the whole tour.
     */
    public static Result run(double seconds, double idleSeconds, boolean breakdown, List<String> only, Consumer<String> log)
            throws Exception {
        if (System.getProperty("reflectlab.home") == null) {
            System.setProperty("reflectlab.home", Files.createTempDirectory("reflectlab-tour").toString());
        }
        MemoryReport.resetPeak();
        if (breakdown) {
            org.reflectlab.core.nn.fast.SlotCensus.start();
        }
        HeadlessApp.startToolkit();
        WorkspaceTour t = new WorkspaceTour();
        try {
            List<Gaps> out = t.tour(seconds, only, log);
            long peak = MemoryReport.now(false).peakRssMb();
            MemoryReport.Snapshot after = MemoryReport.now(true);
            log.accept("after the tour: " + after.line());
            logNative(breakdown, "after the tour", log);
            logSlots(breakdown, "after the tour", log);
            List<String> histogram = breakdown ? MemoryReport.histogram(15) : List.of();
            List<String> nativeAreas = breakdown ? MemoryReport.nativeSummary() : List.of();
            MemoryReport.Snapshot idle = null;
            List<String> idleHistogram = List.of();
            if (idleSeconds > 0) {
                t.app.select(t.app.shell.workspaces().get(0));
                Thread.sleep((long) (idleSeconds * 1000));
                idle = MemoryReport.now(true);
                log.accept("after " + (long) idleSeconds + " s on the first workspace: " + idle.line());
                logNative(breakdown, "after the wait", log);
                logSlots(breakdown, "after the wait", log);
                idleHistogram = breakdown ? MemoryReport.histogram(15) : List.of();
            }
            return new Result(out, peak, t.startup, after, idle, idleSeconds, histogram, nativeAreas, idleHistogram);
        } finally {
            t.app.close(() -> {
                if (t.timer != null) {
                    t.timer.stop();
                }
            });
        }
    }

    private static void logNative(boolean breakdown, String when, Consumer<String> log) {
        String areas = breakdown ? MemoryReport.nativeLine() : "";
        if (!areas.isEmpty()) {
            log.accept("  " + when + ": " + areas);
        }
    }

    /** The fast path's direct buffers still held, by the calls that made them (with {@code breakdown} only). */
    private static void logSlots(boolean breakdown, String when, Consumer<String> log) {
        if (breakdown) {
            log.accept("  direct buffers held " + when + ", by the calls that made them:");
            org.reflectlab.core.nn.fast.SlotCensus.live(12).forEach(l -> log.accept("    " + l));
        }
    }

    /** Ends JavaFX (for the command line). */
    public static void shutdown() {
        Platform.exit();
    }

    /** Header of {@link Gaps#line()}. */
    public static String header() {
        return String.format(Locale.ROOT, "%-9s %-46s %8s %7s %8s %8s %8s %7s %8s %8s %7s %8s %8s", "workspace", "action", "open ms", "pulses",
                "p50 ms", "p99 ms", "max ms", ">33 ms", "cpu p99", "cpu max", ">16.7", "rdr p99", "rdr max");
    }

    private List<Gaps> tour(double seconds, List<String> only, Consumer<String> log) throws Exception {
        app.open(log);
        onFx(() -> {
            long[] last = {0, 0, 0};
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(Thread::getId).findFirst().orElse(-1);
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long painted = renderer < 0 ? -1 : threads.getThreadCpuTime(renderer);
                    if (last[0] != 0) {
                        if (painted >= 0 && last[2] >= 0) {
                            renderCpu.add((painted - last[2]) / 1e6);
                        }
                        double gap = (now - last[0]) / 1e6;
                        double used = (cpu - last[1]) / 1e6;
                        double into = (System.nanoTime() - actionStart) / 1e6;
                        gaps.add(gap);
                        frameCpu.add(used);
                        if (gap > LONG_GAP_MS) {
                            longGaps.add(new double[] {gap, into});
                        }
                        if (used > FRAME_CPU_MS) {
                            heavyFrames.add(new double[] {used, into});
                        }
                    }
                    last[0] = now;
                    last[1] = cpu;
                    last[2] = painted;
                }
            };
            timer.start();
            traceSlowWork(log);
            // as in the app: the backend starts in the background while the window is in use
            app.shell.startBackend(Backend::start);
            return null;
        });
        app.waitFor(() -> app.shell.backendReadyProperty().get(), WAIT_MS, "the backend");
        startup = MemoryReport.now(true);
        log.accept("after start-up: " + startup.line());
        String areas = MemoryReport.nativeLine();
        if (!areas.isEmpty()) {
            log.accept("  after start-up: " + areas);
        }
        List<Gaps> out = new ArrayList<>();
        for (Workspace w : app.shell.workspaces()) {
            if (!only.isEmpty() && !only.contains(w.id())) {
                continue;
            }
            log.accept("# " + w.id());
            long t0 = System.nanoTime();
            // opening (building the view the first time) is timed on its own; the gaps are those of the action
            app.select(w);
            double openMs = (System.nanoTime() - t0) / 1e6;
            onFx(() -> null);
            gaps.clear();
            longGaps.clear();
            frameCpu.clear();
            renderCpu.clear();
            heavyFrames.clear();
            actionStart = System.nanoTime();
            String action = heaviest(w.id(), seconds);
            List<Double> sorted;
            synchronized (gaps) {
                sorted = new ArrayList<>(gaps);
            }
            Collections.sort(sorted);
            List<Double> cpu;
            synchronized (frameCpu) {
                cpu = new ArrayList<>(frameCpu);
            }
            Collections.sort(cpu);
            List<Double> paint;
            synchronized (renderCpu) {
                paint = new ArrayList<>(renderCpu);
            }
            Collections.sort(paint);
            out.add(new Gaps(w.id(), action, openMs, sorted.size(), pct(sorted, 0.5), pct(sorted, 0.99),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), (int) sorted.stream().filter(g -> g > SLOW_MS).count(),
                    (System.nanoTime() - t0) / 1e9, pct(cpu, 0.99), cpu.isEmpty() ? Double.NaN : cpu.get(cpu.size() - 1),
                    (int) cpu.stream().filter(c -> c > FRAME_CPU_MS).count(), pct(paint, 0.99),
                    paint.isEmpty() ? Double.NaN : paint.get(paint.size() - 1)));
            log.accept(out.get(out.size() - 1).line());
            List<double[]> longest;
            synchronized (longGaps) {
                longest = longGaps.stream().sorted((a, b) -> Double.compare(b[0], a[0])).limit(5).toList();
            }
            longest.forEach(g -> log.accept(String.format(Locale.ROOT, "  gap of %.0f ms ending %.2f s into the action", g[0], g[1] / 1000)));
            List<double[]> heaviest;
            synchronized (heavyFrames) {
                heaviest = heavyFrames.stream().sorted((a, b) -> Double.compare(b[0], a[0])).limit(5).toList();
            }
            heaviest.forEach(g -> log.accept(String.format(Locale.ROOT, "  frame of %.1f ms FX-thread CPU ending %.2f s into the action",
                    g[0], g[1] / 1000)));
            log.accept("  memory after " + w.id() + ": " + MemoryReport.now(false).line());
        }
        return out;
    }

    /**
     * With {@code -Dreflectlab.bench.trace=MS}: logs every hand-over to the FX thread (a task's result, a batch of
     * updates) and every pulse's CSS and layout passes that cost the FX thread more than MS of CPU, with the time into
     * the action, to say what a heavy frame ran.
     */
    private void traceSlowWork(Consumer<String> log) {
        String over = System.getProperty("reflectlab.bench.trace");
        if (over == null) {
            return;
        }
        double ms = Double.parseDouble(over);
        Consumer<String> at = line -> log.accept(String.format(Locale.ROOT, "  trace %.2f s: %s", (System.nanoTime() - actionStart) / 1e9, line));
        org.reflectlab.ui.kit.PulseFeed.trace(ms, at);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] before = {0};
        app.scene.addPreLayoutPulseListener(() -> before[0] = threads.getCurrentThreadCpuTime());
        app.scene.addPostLayoutPulseListener(() -> {
            double used = (threads.getCurrentThreadCpuTime() - before[0]) / 1e6;
            if (used > ms) {
                at.accept(String.format(Locale.ROOT, "%.1f ms FX-thread CPU in the pulse's CSS and layout passes", used));
            }
        });
    }

    /** Starts the workspace's heaviest action, lets it run up to {@code seconds}, then stops what still runs. */
    private String heaviest(String id, double seconds) throws Exception {
        long end = System.currentTimeMillis() + (long) (seconds * 1000);
        String action;
        switch (id) {
            case "data" -> {
                action = "new seed x 5 (24 scenes + sounds each)";
                for (int i = 0; i < 5; i++) {
                    app.fire("#reseed");
                    Thread.sleep(400);
                }
            }
            case "train" -> {
                action = "train the default model at full speed";
                waitFor(() -> !app.button("#start").isDisabled());
                app.fire("#start");
                sleepUntil(end);
                app.fire("#stop");
            }
            case "reflect" -> {
                action = "Reflect-DiT run, default K";
                waitFor(() -> !app.button("#run").isDisabled());
                app.fire("#run");
            }
            case "world" -> {
                action = "rollouts on opening, then live play";
                waitFor(() -> app.runner.tasks().isEmpty());
                onFx(() -> {
                    ((ToggleButton) app.scene.lookup("#mode-play")).setSelected(true);
                    return null;
                });
                app.fire("#play-start");
                sleepUntil(end);
                app.fire("#play-start");
            }
            case "scaling" -> {
                action = "sweep K 1,2,4,8, 1 prompt per category";
                waitFor(() -> !app.button("#sweep-run").isDisabled());
                onFx(() -> {
                    ((TextInputControl) app.scene.lookup("#k-list")).setText("1,2,4,8");
                    Spinner<?> prompts = (Spinner<?>) app.scene.lookup("#prompts-per-category");
                    prompts.getEditor().setText("1");
                    prompts.commitValue();
                    ((TextInputControl) app.scene.lookup("#sweep-name")).setText("tour");
                    return null;
                });
                app.fire("#sweep-run");
            }
            case "aphasia" -> {
                action = "aphasia experiment, default samples";
                waitFor(() -> !app.button("#aphasia-run").isDisabled());
                app.fire("#aphasia-run");
            }
            case "serving" -> {
                action = "start workers, then flood requests";
                app.fire("#serving-start");
                waitFor(() -> !app.button("#serving-flood").isDisabled());
                for (int i = 0; i < 3 && System.currentTimeMillis() < end; i++) {
                    app.fire("#serving-flood");
                    Thread.sleep(1000);
                }
            }
            case "concepts" -> {
                action = "every experiment tab's Run, in turn";
                for (String tab : List.of("tokens", "vq", "attention", "losses", "ttt", "derivation", "tradeoff")) {
                    Node run = onFx(() -> app.scene.lookup("#concepts-run-" + tab));
                    if (run instanceof ButtonBase b && System.currentTimeMillis() < end) {
                        waitFor(() -> !b.isDisabled());
                        app.fire("#concepts-run-" + tab);
                        waitUntilIdleOr(end);
                    }
                }
            }
            default -> action = "open";
        }
        waitUntilIdleOr(end);
        onFx(() -> {
            List.copyOf(app.runner.tasks()).forEach(t -> t.cancel());
            return null;
        });
        waitFor(() -> app.runner.tasks().isEmpty());
        return action;
    }

    private void waitFor(Supplier<Boolean> condition) throws Exception {
        app.waitFor(condition, WAIT_MS, "the workspace tour");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return HeadlessApp.onFx(work);
    }

    private static void sleepUntil(long end) throws InterruptedException {
        long left = end - System.currentTimeMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private void waitUntilIdleOr(long end) throws Exception {
        while (System.currentTimeMillis() < end && !onFx(() -> app.runner.tasks().isEmpty())) {
            Thread.sleep(100);
        }
    }

    static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * (sorted.size() - 1))));
    }
}
