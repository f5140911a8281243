package org.reflectlab.ui.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Scaling workspace hidden a while lets go of its models, keeps its sweeps and form, and loads them back on return. */
class ScalingReleaseTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void releaseKeepsTheSweepAndReturnLoadsTheModelsOnAWorker(@TempDir Path dir) {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        ScalingViewModel vm = TinyScaling.vm(runner, new RecordingNotifier(), dir);
        vm.open();
        vm.setup().tttProperty().set(false);
        vm.setup().ksProperty().set("1,2");
        vm.run();
        StoredSweeps.Run shown = vm.stored().currentProperty().get();
        String status = vm.statusProperty().get();
        String ks = vm.setup().ksProperty().get();
        assertTrue(vm.modelsHeld());

        vm.release();
        assertFalse(vm.modelsHeld(), "the models are let go while hidden");
        assertFalse(vm.modelsReadyProperty().get(), "Run waits for the models");
        assertSame(shown, vm.stored().currentProperty().get(), "the sweep on screen stays");
        assertEquals(status, vm.statusProperty().get());
        assertEquals(ks, vm.setup().ksProperty().get());
        vm.release();

        int submitted = runner.submittedTitles().size();
        vm.rebuild();
        assertEquals(List.of("Loading scaling models"), runner.submittedTitles().subList(submitted, runner.submittedTitles().size()),
                "loaded back as one background task");
        assertTrue(vm.modelsHeld());
        assertTrue(vm.modelsReadyProperty().get());
        assertEquals(status, vm.statusProperty().get(), "the status line is left as it was");
        vm.rebuild();
        assertEquals(submitted + 1, runner.submittedTitles().size(), "shown again with the models held: nothing loads");

        vm.run(); // the same sweep again: resumes from what is stored, with the models loaded back
        assertTrue(vm.statusProperty().get().startsWith("Sweep '"), vm.statusProperty().get());
        assertEquals(shown.rows(), vm.stored().currentProperty().get().rows());
    }
}
