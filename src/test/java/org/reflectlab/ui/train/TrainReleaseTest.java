package org.reflectlab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.RecordingNotifier;

/**
 * The Train workspace hidden a while puts its idle run aside on disk and lets go of it; shown again, it reads it back on a
 * worker: the same weights and optimizer state, the same charts, samples and status.
 */
class TrainReleaseTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static UnifiedTraining tiny(HyperParams hp) {
        TrainSettings s = hp.toSettings();
        return UnifiedTraining.fresh(UnifiedConfig.tiny(),
                new TrainSettings(s.learningRate(), 8, s.steps(), s.seed(), 1, s.evalEvery(), 16, s.sampleEvery()));
    }

    @Test
    void anIdleRunIsPutAsideAndReadBackUnchanged(@TempDir Path dir) throws Exception {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        TrainViewModel vm = new TrainViewModel(runner, new RecordingNotifier(), TrainReleaseTest::tiny, null);
        assertTrue(vm.hyper().set("steps", 6));
        assertTrue(vm.hyper().set("evalEvery", 3));
        vm.start();
        Map<String, String> before = saved(vm, dir, "before");
        String status = vm.statusProperty().get();
        SamplePanel samples = vm.monitor().samplesProperty().get();
        long resets = vm.monitor().resetsProperty().get();
        TrainSpill spill = (TrainSpill) vm.spill();

        spill.release();
        assertTrue(spill.putAside(), "the idle run went to disk");
        assertTrue(vm.hasModelProperty().get(), "the workspace still has its run");
        assertEquals(6, vm.monitor().stepProperty().get());
        assertSame(samples, vm.monitor().samplesProperty().get(), "the samples stay on screen");
        assertEquals(resets, vm.monitor().resetsProperty().get(), "the charts are not cleared");
        assertEquals(status, vm.statusProperty().get());
        spill.release(); // ticks go on while hidden: nothing more happens

        int submitted = runner.submittedTitles().size();
        spill.rebuild();
        assertEquals(List.of("Reading the training run back"), runner.submittedTitles().subList(submitted, runner.submittedTitles().size()),
                "read back as one background task");
        assertFalse(spill.putAside());
        assertEquals(TrainViewModel.State.IDLE, vm.stateProperty().get());
        assertEquals(status, vm.statusProperty().get(), "the status line as before");
        assertEquals("", vm.problemProperty().get());
        assertEquals(before, saved(vm, dir, "after"), "the same weights and optimizer state");
        submitted = runner.submittedTitles().size();
        spill.rebuild();
        assertEquals(submitted, runner.submittedTitles().size(), "shown again with the run in memory: nothing is read");
    }

    @Test
    void aRunThatIsNotIdleIsKept() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        TrainViewModel vm = new TrainViewModel(runner, new RecordingNotifier(), TrainReleaseTest::tiny, null);
        TrainSpill spill = (TrainSpill) vm.spill();
        spill.release();
        assertFalse(spill.putAside(), "no run, nothing to put aside");
        assertTrue(vm.hyper().set("steps", 2));
        boolean[] putAsideWhileTraining = {false};
        vm.monitor().stepProperty().addListener((o, a, b) -> {
            spill.release(); // the release tick comes while the run trains
            putAsideWhileTraining[0] |= spill.putAside();
        });
        vm.start();
        assertFalse(putAsideWhileTraining[0], "a training run stays in memory");
        assertNotEquals(0, vm.monitor().stepProperty().get());
    }

    /** The run's files as a checkpoint written through the workspace's own Save: file role -> SHA-256. */
    private static Map<String, String> saved(TrainViewModel vm, Path dir, String name) throws Exception {
        vm.exports().saveCheckpoint(dir.resolve(name));
        Manifest m = new ModelStore(dir).verify(name);
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String role : List.of("weights", "optimizer")) {
            out.put(role, m.files().get(m.fileFor(role).orElseThrow()).sha256());
        }
        return out;
    }
}
