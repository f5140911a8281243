package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Reflect workspace hidden a while lets go of its models, keeps what it shows, and loads them back on a worker on return. */
class ReflectReleaseTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void releaseLetsGoOfTheModelsKeepsTheRunAndReturnLoadsThemOnAWorker() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        AtomicInteger loads = new AtomicInteger();
        ReflectViewModel vm = new ReflectViewModel(runner, new RecordingNotifier(), () -> {
            loads.incrementAndGet();
            return TinyReflector.create(2);
        });
        vm.form().promptProperty().set("a red circle");
        vm.form().samplingStepsProperty().set(2);
        vm.form().kProperty().set(5);
        vm.loadModels();
        vm.run();
        List<Iteration> shown = List.copyOf(vm.steps().iterations());
        int selected = vm.steps().selectedProperty().get();
        String status = vm.statusProperty().get();
        String ready = vm.modelStatusProperty().get();
        assertEquals(3, shown.size());
        assertTrue(vm.modelsHeld());

        vm.releaseModels();
        assertFalse(vm.modelsHeld(), "the models are let go while hidden");
        assertFalse(vm.canRunProperty().get(), "no run without models");
        assertEquals(shown, vm.steps().iterations(), "the iterations stay");
        assertEquals(selected, vm.steps().selectedProperty().get());
        assertEquals(status, vm.statusProperty().get());
        assertEquals(1, loads.get());

        int submitted = runner.submittedTitles().size();
        vm.loadModels(); // what the view registers as the rebuild
        assertEquals("Loading reflection models", runner.submittedTitles().get(submitted), "loaded back as a background task");
        assertEquals(2, loads.get());
        assertTrue(vm.modelsHeld());
        assertEquals(ready, vm.modelStatusProperty().get(), "the same line as before the release");
        assertTrue(vm.canRunProperty().get());
        assertSame(shown.get(selected), vm.steps().currentProperty().get());
        vm.loadModels();
        assertEquals(2, loads.get(), "shown again with the models held: nothing loads");
    }

    @Test
    void aRunningExperimentKeepsItsModels() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        ReflectViewModel[] vm = new ReflectViewModel[1];
        boolean[] heldDuringRun = {false};
        vm[0] = new ReflectViewModel(runner, new RecordingNotifier(), () -> TinyReflector.create(2));
        vm[0].form().promptProperty().set("a red circle");
        vm[0].form().samplingStepsProperty().set(2);
        vm[0].loadModels();
        vm[0].steps().iterations().addListener((javafx.collections.ListChangeListener<Iteration>) c -> {
            vm[0].releaseModels(); // the release tick comes while the run goes on
            heldDuringRun[0] |= vm[0].modelsHeld();
        });
        vm[0].run();
        assertTrue(heldDuringRun[0], "not released while a run uses them");
        vm[0].releaseModels();
        assertFalse(vm[0].modelsHeld(), "released once it is over");
    }
}
