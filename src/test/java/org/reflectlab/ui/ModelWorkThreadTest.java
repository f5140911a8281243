package org.reflectlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.TinyModels;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.reflectlab.ui.kit.ThreadRecordingRunner;
import org.reflectlab.ui.reflect.ReflectViewModel;
import org.reflectlab.ui.train.TrainViewModel;

/** Model work runs off the UI thread; what the views bind to changes only on it. */
class ModelWorkThreadTest {

    private final ThreadRecordingRunner runner = new ThreadRecordingRunner();
    /** Threads that did model work (building, training steps, reading images). */
    private final Set<String> modelThreads = ConcurrentHashMap.newKeySet();
    /** Threads on which bound state changed. */
    private final Set<String> stateThreads = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    private void modelWork() {
        modelThreads.add(Thread.currentThread().getName());
    }

    private void stateChange() {
        stateThreads.add(Thread.currentThread().getName());
    }

    @Test
    void trainingRunsOffTheUiThread() throws Exception {
        TrainViewModel vm = new TrainViewModel(runner, new RecordingNotifier(), hp -> {
            modelWork();
            UnifiedTraining t = UnifiedTraining.fresh(UnifiedConfig.tiny(), new TrainSettings(3e-3, 8, 4, 1, 1, 2, 16, 2));
            t.filterBatches(b -> {
                modelWork();
                return b;
            });
            return t;
        }, null);
        vm.monitor().stepProperty().addListener((o, a, b) -> stateChange());
        vm.stateProperty().addListener((o, a, b) -> stateChange());
        vm.monitor().samplesProperty().addListener((o, a, b) -> stateChange());
        runner.onUi(() -> vm.hyper().set("steps", 4));
        runner.onUi(vm::start);
        runner.awaitIdle(120);
        assertEquals(4, vm.monitor().stepProperty().get());
        assertFalse(modelThreads.isEmpty());
        assertFalse(modelThreads.contains(ThreadRecordingRunner.UI_THREAD), "model work on the UI thread: " + modelThreads);
        assertEquals(Set.of(ThreadRecordingRunner.UI_THREAD), stateThreads, "state changed off the UI thread");
    }

    @Test
    void reflectionRunsOffTheUiThread() throws Exception {
        ReflectViewModel vm = new ReflectViewModel(runner, new RecordingNotifier(), () -> {
            modelWork();
            UnifiedModel unified = TinyModels.unified();
            Generator g = TinyModels.generator(unified);
            return TinyModels.reflector(unified, g, recording(TinyModels.wrongFirst(1)), recording(TinyModels.wrongFirst(1)));
        });
        vm.steps().iterations().addListener((ListChangeListener<Object>) c -> stateChange());
        vm.modelsReadyProperty().addListener((o, a, b) -> stateChange());
        runner.onUi(() -> {
            vm.form().promptProperty().set("a red circle");
            vm.form().samplingStepsProperty().set(2);
            vm.form().kProperty().set(3);
            vm.loadModels();
        });
        runner.awaitIdle(120);
        assertTrue(vm.modelsReadyProperty().get());
        runner.onUi(vm::run);
        runner.awaitIdle(120);
        assertEquals(2, vm.steps().iterations().size(), "the critic accepts the second image");
        assertFalse(modelThreads.contains(ThreadRecordingRunner.UI_THREAD), "model work on the UI thread: " + modelThreads);
        assertTrue(modelThreads.size() >= 1);
        assertEquals(Set.of(ThreadRecordingRunner.UI_THREAD), stateThreads, "state changed off the UI thread");
    }

    private SceneReader recording(SceneReader inner) {
        return new SceneReader() {
            @Override
            public List<List<SceneObject>> read(List<RgbImage> images) {
                modelWork();
                return inner.read(images);
            }

            @Override
            public long forwardFlops() {
                return inner.forwardFlops();
            }
        };
    }
}
