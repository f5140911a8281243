package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;

class ReflectViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static ReflectViewModel vm(SynchronousTaskRunner runner, RecordingNotifier notifier, int wrongBeforeRight) {
        ReflectViewModel vm = new ReflectViewModel(runner, notifier, () -> TinyReflector.create(wrongBeforeRight));
        vm.form().promptProperty().set("a red circle");
        vm.form().samplingStepsProperty().set(2);
        vm.loadModels();
        return vm;
    }

    @Test
    void runDeliversIterationsAndStepsThroughThemWithinBounds() {
        ReflectViewModel vm = vm(new SynchronousTaskRunner(), new RecordingNotifier(), 2);
        assertTrue(vm.modelsReadyProperty().get());
        assertTrue(vm.modelsStateProperty().get() instanceof org.reflectlab.ui.kit.ModelsState.Ready);
        vm.form().kProperty().set(5);
        vm.run();
        assertEquals(3, vm.steps().iterations().size(), "early stop at the third, the first the critic finds correct");
        assertEquals(2, vm.steps().selectedProperty().get(), "the newest iteration is shown");
        assertEquals(3, vm.steps().currentProperty().get().k());
        vm.steps().next();
        assertEquals(2, vm.steps().selectedProperty().get(), "no step past the last");
        vm.steps().first();
        vm.steps().previous();
        assertEquals(0, vm.steps().selectedProperty().get(), "no step before the first");
        assertNull(vm.steps().previousOfCurrent());
        vm.steps().next();
        assertEquals(1, vm.steps().previousOfCurrent().k());
        assertEquals("answering: the circle should be red but it is blue", vm.changes().answeringProperty().get());
        assertTrue(vm.changes().summaryProperty().get().startsWith("changed "), vm.changes().summaryProperty().get());
        assertTrue(vm.changes().summaryProperty().get().contains("of pixels since iteration 1 (mean change "));
        vm.steps().last();
        assertTrue(vm.steps().atEnd());
        // The judge of TinyReflector finds every image wrong: no fix or break, but at 3 the critic is satisfied.
        assertEquals("the critic accepts this image; the judge does not", vm.changes().markProperty().get().disagreement());
        for (int i = 0; i < 3; i++) {
            assertEquals(IterationMark.Transition.NONE, vm.steps().mark(i).transition());
        }
        assertEquals(5, vm.steps().bestOfK().size(), "best-of-K with the same K");
        assertTrue(vm.statusProperty().get().startsWith("Done: the critic said correct at iteration 3"), vm.statusProperty().get());
        // issue 30: the run's status line and the selected iteration's lines follow a language switch; the run stays
        try {
            org.reflectlab.ui.kit.I18n.setLocale(org.reflectlab.ui.kit.I18n.JAPANESE);
            assertTrue(vm.statusProperty().get().startsWith("完了：反復 3 でクリティックが正しいと判断しました。"), vm.statusProperty().get());
            assertEquals("クリティックはこの画像を正しいとし、判定器は正しくないとしています", vm.changes().markProperty().get().disagreement());
            assertEquals(5, vm.steps().bestOfK().size());
        } finally {
            org.reflectlab.ui.kit.I18n.setLocale(org.reflectlab.ui.kit.I18n.ENGLISH);
        }
        assertTrue(vm.statusProperty().get().startsWith("Done: the critic said correct at iteration 3"), vm.statusProperty().get());
        assertNotNull(vm.lastRunProperty().get());
    }

    @Test
    void invalidPromptsCannotRun() {
        ReflectViewModel vm = vm(new SynchronousTaskRunner(), new RecordingNotifier(), 0);
        vm.form().promptProperty().set("five circles");
        assertNotNull(vm.form().promptErrorProperty().get());
        assertTrue(vm.form().promptErrorProperty().get().message().contains("beyond ShapesWorld"));
        assertFalse(vm.canRunProperty().get());
        vm.run();
        assertTrue(vm.steps().iterations().isEmpty(), "nothing was run");
        vm.form().promptProperty().set("");
        assertFalse(vm.canRunProperty().get());
        vm.form().promptProperty().set("a purpel circle");
        assertTrue(vm.form().promptErrorProperty().get().message().contains("did you mean 'purple'"));
    }

    @Test
    void cancellingKeepsWhatIsDone() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        ReflectViewModel vm = vm(runner, new RecordingNotifier(), 100);
        runner.cancelNextTask();
        vm.run();
        assertTrue(vm.steps().iterations().isEmpty());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"), vm.statusProperty().get());
        assertTrue(vm.canRunProperty().get(), "can run again");
    }

    @Test
    void missingModelsAreExplainedNotThrown() {
        ReflectViewModel vm = new ReflectViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), () -> {
            throw new IllegalStateException("The generator model is missing from models. Train it with: reflectlab train generator");
        });
        vm.loadModels();
        assertFalse(vm.modelsReadyProperty().get());
        assertTrue(vm.modelStatusProperty().get().contains("Train it with: reflectlab train generator"));
        assertTrue(vm.modelsStateProperty().get() instanceof org.reflectlab.ui.kit.ModelsState.Unavailable,
                "the view styles the line by this type, not by its words");
        assertFalse(vm.canRunProperty().get());
    }

    @Test
    void exportsWriteThePngStripAndTheJson(@TempDir Path dir) throws Exception {
        RecordingNotifier notifier = new RecordingNotifier();
        ReflectViewModel vm = vm(new SynchronousTaskRunner(), notifier, 1);
        vm.form().kProperty().set(3);
        vm.run();
        vm.exportStrip(dir.resolve("strip.png"));
        vm.exportJson(dir.resolve("run.json"));
        assertTrue(Files.size(dir.resolve("strip.png")) > 500);
        String json = Files.readString(dir.resolve("run.json"));
        assertTrue(json.contains("\"iterations\"") && json.contains("\"feedback\"") && json.contains("\"nfe\"")
                && json.contains("\"seed\"") && json.contains("\"judge\""), json);
        assertEquals(2, notifier.infos.size(), notifier.errors.toString());
    }
}
