package org.reflectlab.ui.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.world.Episode;
import org.reflectlab.core.world.EndPrediction;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.WorldState;
import org.reflectlab.ui.kit.RecordingNotifier;

/** Predict, then reveal, in World: a guess of where the orange ball ends, against the simulator's own last state. */
class EndPredictionViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static WorldViewModel vm() {
        WorldViewModel vm = new WorldViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), TestModels::withTinyImplicit);
        vm.loadModels();
        return vm;
    }

    /** Where the simulator put ball 0 at the rollout's last frame (not read from pixels). */
    private static WorldState last(WorldViewModel vm) {
        Episode e = Episode.of(vm.comparisonProperty().get().spec());
        return e.state(e.frames() - 1);
    }

    @Test
    void aGuessIsTwoNumbersInsideTheBox() {
        EndPredictionViewModel p = vm().prediction();
        assertFalse(p.canRevealProperty().get(), "nothing typed: nothing to reveal, and no error");
        assertEquals("", p.input().errorProperty().get());
        p.input().textProperty().set("0.3");
        assertTrue(p.input().errorProperty().get().startsWith("give x, y"), p.input().errorProperty().get());
        p.input().textProperty().set("0.3, 1.4");
        assertTrue(p.input().errorProperty().get().contains("inside the box"), p.input().errorProperty().get());
        p.input().textProperty().set("(0.30; 0.70)");
        assertEquals(new EndPrediction(0.3, 0.7), p.input().value());
        assertTrue(p.canRevealProperty().get());
        p.guessAt(1.2, -0.1);
        assertEquals("1.00, 0.00", p.input().textProperty().get(), "a click is clamped into the box");
    }

    @Test
    void theRevealMeasuresTheGuessAgainstTheTrueLastFrame() {
        WorldViewModel vm = vm();
        WorldState end = last(vm);
        EndPredictionViewModel p = vm.prediction();
        p.input().textProperty().set(String.format(Locale.ROOT, "%.3f, %.3f", end.x(0), end.y(0)));
        p.reveal();
        EndPrediction.Outcome right = p.outcomeProperty().get();
        assertNotNull(right);
        assertEquals(vm.comparisonProperty().get().horizon(), right.frame());
        assertTrue(right.miss(ModelKind.TRUTH) < 0.03, "a guess on the ball: the pixels put it within a pixel, " + right.miss(ModelKind.TRUTH));
        assertTrue(right.seen().containsKey(ModelKind.EXPLICIT) && right.seen().containsKey(ModelKind.IMPLICIT));
        assertTrue(p.revealProperty().get().startsWith("You predicted (" + String.format(Locale.ROOT, "%.2f", end.x(0))), p.revealProperty().get());

        double farX = end.x(0) < 0.5 ? 0.95 : 0.05;
        p.input().textProperty().set(String.format(Locale.ROOT, "%.2f, %.3f", farX, end.y(0)));
        assertNull(p.outcomeProperty().get(), "a changed guess hides the old reveal");
        p.reveal();
        assertEquals(Math.abs(farX - end.x(0)), p.outcomeProperty().get().miss(ModelKind.TRUTH), 0.03);
    }

    @Test
    void aReblendKeepsTheRevealANewRolloutClearsItButKeepsTheGuess() {
        WorldViewModel vm = vm();
        EndPredictionViewModel p = vm.prediction();
        p.input().textProperty().set("0.5, 0.5");
        p.reveal();
        assertTrue(vm.settings().setAlpha(0.2));
        assertNotNull(p.outcomeProperty().get(), "the same rollout re-blended");
        assertEquals(0.2, vm.comparisonProperty().get().alpha(), 1e-9);
        assertTrue(vm.settings().setSeed(vm.settings().seedProperty().get() + 1));
        assertNull(p.outcomeProperty().get());
        assertTrue(p.revealProperty().get().startsWith("A new rollout"));
        assertEquals("0.5, 0.5", p.input().textProperty().get());
    }

    @Test
    void theGuessIsRemembered(@TempDir Path dir) {
        Settings s = new Settings(dir.resolve("settings.properties"));
        WorldViewModel first = vm();
        first.remember(s);
        first.prediction().guessAt(0.25, 0.75);
        assertEquals("0.25, 0.75", s.snapshot().get("world.prediction"));
        // File > Save experiment writes the remembered settings: the guess travels with the experiment
        assertEquals("0.25, 0.75", org.reflectlab.core.experiment.Experiment.capture("world", s.snapshot(),
                new org.reflectlab.core.store.ModelStore(dir.resolve("models")), "").settings().get("world.prediction"));
        WorldViewModel next = vm();
        next.remember(s);
        assertEquals(new EndPrediction(0.25, 0.75), next.prediction().input().value());
    }
}
