package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.reflect.FixPrediction;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.RecordingNotifier;

/** Predict, then reveal, in Reflect: the guess is taken when a run starts, laid over the judge's verdicts, kept with the run. */
class FixPredictionViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    /** A critic that accepts the 4th image, a judge that calls the first two wrong and the rest correct. */
    private static ReflectViewModel vm() {
        ReflectViewModel vm = new ReflectViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), () -> TinyReflector.create(3, 2));
        vm.form().promptProperty().set("a red circle");
        vm.form().samplingStepsProperty().set(2);
        vm.form().compareProperty().set(false);
        vm.form().kProperty().set(5);
        vm.loadModels();
        return vm;
    }

    @Test
    void theGuessIsCheckedAgainstKAndEmptyMeansNone() {
        FixPredictionViewModel p = vm().form().prediction();
        assertNull(p.input().value());
        assertEquals("", p.input().errorProperty().get(), "no prediction is no error");
        p.input().textProperty().set("7");
        assertNull(p.input().value());
        assertTrue(p.input().errorProperty().get().contains("iterations 1 to 5"), p.input().errorProperty().get());
        p.input().textProperty().set("soon");
        assertTrue(p.input().errorProperty().get().contains("'soon' is not an iteration"));
        p.input().textProperty().set(" Never ");
        assertEquals(new FixPrediction(FixPrediction.NEVER), p.input().value());
    }

    @Test
    void aChangedKReadsTheGuessAgain() {
        ReflectViewModel vm = vm();
        vm.form().prediction().input().textProperty().set("7");
        assertNull(vm.form().prediction().input().value());
        vm.form().kProperty().set(8);
        assertEquals(7, vm.form().prediction().input().value().iteration());
    }

    @Test
    void aRunTakesTheGuessAndRevealsTheJudgesFirstCorrectIteration() {
        ReflectViewModel vm = vm();
        vm.form().prediction().input().textProperty().set("2");
        vm.run();
        FixPredictionViewModel p = vm.form().prediction();
        FixPrediction.Outcome o = p.outcomeProperty().get();
        assertEquals(4, vm.steps().iterations().size(), "the critic stops the run at its 4th image");
        assertEquals(List.of(false, false, true, true), o.judgeCorrect());
        assertEquals(3, o.fixedAt());
        assertFalse(o.hit());
        assertEquals("You predicted iteration 2; the judge first called the image correct at iteration 3 (the critic stopped the run "
                + "at iteration 4): too early by 1.", p.revealProperty().get());
        // the reveal is core's phrase: it follows a language switch and comes back unchanged
        I18n.setLocale(I18n.JAPANESE);
        try {
            assertEquals("あなたの予想は反復 2。判定器が初めて正解としたのは反復 3 でした（クリティックは反復 4 で実行を止めました）。"
                    + "1 回早すぎました。", p.revealProperty().get());
        } finally {
            I18n.setLocale(I18n.ENGLISH);
        }
        assertTrue(p.revealProperty().get().endsWith("too early by 1."), p.revealProperty().get());
        assertEquals(2, p.predictionFor(vm.lastRunProperty().get()).iteration(), "kept with the run it was made for");

        // typing after the run is the next run's guess: this run's reveal is unchanged until the next run starts
        p.input().textProperty().set("3");
        assertEquals(2, p.lockedProperty().get().iteration());
        assertEquals(3, p.outcomeProperty().get().fixedAt());

        ReflectViewModel fresh = vm(); // fresh stand-in readers: they count the images they read
        fresh.form().prediction().input().textProperty().set("3");
        fresh.run();
        assertTrue(fresh.form().prediction().outcomeProperty().get().hit());
        assertTrue(fresh.form().prediction().revealProperty().get().endsWith(": right."), fresh.form().prediction().revealProperty().get());
    }

    @Test
    void aRunWithoutAGuessSaysSoAndExportsNone(@TempDir Path dir) throws Exception {
        ReflectViewModel vm = vm();
        vm.run();
        FixPredictionViewModel p = vm.form().prediction();
        assertNull(p.outcomeProperty().get());
        assertTrue(p.revealProperty().get().startsWith("This run had no prediction"));
        assertNull(p.predictionFor(vm.lastRunProperty().get()));

        p.input().textProperty().set("never");
        vm.run();
        // the stand-in readers have read four images each: now both accept the first one
        assertEquals(1, p.outcomeProperty().get().fixedAt());
        assertFalse(p.outcomeProperty().get().hit());
        Path json = dir.resolve("run.json");
        vm.exportJson(json);
        String text = Files.readString(json).replaceAll("\\s", "");
        assertTrue(text.contains("\"prediction\":{"), text);
        assertTrue(text.contains("\"judgeFirstCorrect\":\"1\""), text);
        assertTrue(text.contains("\"fixedAt\":\"never\""), text);
    }

    @Test
    void theGuessIsRememberedSoAnExperimentFileCarriesIt(@TempDir Path dir) {
        Settings s = new Settings(dir.resolve("settings.properties"));
        ReflectViewModel first = vm();
        first.remember(s);
        first.form().prediction().input().textProperty().set("4");
        assertEquals("4", s.snapshot().get("reflect.prediction"));
        ReflectViewModel next = vm();
        next.remember(s);
        assertEquals(4, next.form().prediction().input().value().iteration());
    }
}
