package org.reflectlab.ui.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.train.TrainView;
import org.reflectlab.ui.train.TrainViewModel;

/**
 * Is the FX thread free while the model trains at full speed? Starts JavaFX headless (Monocle),
 * opens the real Train workspace, starts a run of the default model, and records the time
 * between consecutive FX pulses (AnimationTimer frames) while it trains.
 */
public final class UiPulseProbe {

    /** Gaps between pulses in milliseconds, and how fast training went meanwhile. */
    public record Result(int pulses, double p50, double p99, double max, long trainingSteps, double seconds) {
    }

    private UiPulseProbe() {
    }

    public static Result run(double seconds) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        HeadlessApp.requireHeadlessToolkit();
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        Backend.start();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<TrainViewModel> vmRef = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            TrainViewModel vm = new TrainViewModel(new FxTaskRunner(1), new Notifier() {
                @Override
                public void info(String message) {
                }

                @Override
                public void error(String title, String message) {
                    System.err.println(title + ": " + message);
                }
            }, TrainViewModel.FRESH, null);
            vm.hyper().set("steps", 1_000_000);
            Stage stage = new Stage();
            stage.setScene(new Scene(new TrainView(vm), 1280, 800));
            stage.show();
            vm.start();
            vmRef.set(vm);
            shown.countDown();
        });
        shown.await();
        TrainViewModel vm = vmRef.get();
        long deadline = System.currentTimeMillis() + 120_000;
        while (vm.monitor().stepProperty().get() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        long startStep = vm.monitor().stepProperty().get();
        List<Double> gaps = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        long[] last = {0};
        long endAt = System.nanoTime() + (long) (seconds * 1e9);
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    gaps.add((now - last[0]) / 1e6);
                }
                last[0] = now;
                if (now > endAt) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        done.await((long) seconds + 30, TimeUnit.SECONDS);
        long steps = vm.monitor().stepProperty().get() - startStep;
        Platform.runLater(vm.controls()::stop);
        List<Double> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        Result r = new Result(sorted.size(), pct(sorted, 0.5), pct(sorted, 0.99),
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), steps, seconds);
        Platform.exit();
        return r;
    }

    private static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * (sorted.size() - 1))));
    }
}
