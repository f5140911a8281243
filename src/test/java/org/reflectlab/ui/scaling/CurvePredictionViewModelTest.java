package org.reflectlab.ui.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.scaling.CurvePrediction;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.RecordingNotifier;

/** Predict, then reveal, in Scaling: the guessed curve is taken at Run, stored in the sweep's folder, read back with it. */
class CurvePredictionViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static ScalingViewModel vm(Path dir) {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.setup().tttProperty().set(false);
        vm.setup().bestOfNProperty().set(false);
        vm.open();
        return vm;
    }

    @Test
    void scoresPerKAreReadWithReasons() {
        assertEquals("1: 0.40, 20: 0.70", CurvePrediction.parse(Method.REFLECT, " 20=0.7; 1: 0.4 ").text());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurvePrediction.parse(Method.REFLECT, "1: 1.4")).getMessage()
                .contains("between 0 and 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurvePrediction.parse(Method.REFLECT, "0: 0.4")).getMessage()
                .contains("K must be 1 or more"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurvePrediction.parse(Method.REFLECT, "1: 0.4, 1: 0.5"))
                .getMessage().contains("given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurvePrediction.parse(Method.REFLECT, "four: 0.5")).getMessage()
                .contains("is not 'K: score'"));
    }

    @Test
    void aSweepKeepsThePredictionItStartedWithAndRevealsTheMisses(@TempDir Path dir) throws Exception {
        ScalingViewModel vm = vm(dir);
        CurvePredictionViewModel p = vm.setup().prediction();
        p.input().textProperty().set("1: 0.5, 2: 0.5, 3: 0.5, 8: 0.9");
        assertEquals("", p.input().errorProperty().get());
        vm.run();
        StoredSweeps.Run run = vm.stored().currentProperty().get();
        assertNotNull(run);
        Path file = run.store().dir().resolve(CurvePrediction.FILE);
        assertTrue(Files.isRegularFile(file), "stored with the sweep");
        CurvePrediction shown = p.shownProperty().get();
        assertEquals(Method.REFLECT, shown.method());
        ScalingAnalysis.Curve measured = run.analysis().curve(Method.REFLECT);
        StringBuilder expected = new StringBuilder("Your Reflect-DiT curve against the sweep:");
        for (ScalingAnalysis.Point pt : measured.points()) {
            expected.append(String.format(Locale.ROOT, " K=%d 0.50 vs %.2f (%+.2f)", pt.k(), pt.quality(), 0.5 - pt.quality()));
        }
        String reveal = p.revealProperty().get();
        assertTrue(reveal.replace(" inside the 95% interval", "").replace(";", "").startsWith(expected.toString()), reveal + "\n" + expected);
        assertTrue(reveal.endsWith("Not measured: K=8."), reveal);
        // core's phrase, said again in Japanese on a switch (and the sweep's summary line with it), then back
        String doneLine = vm.statusProperty().get();
        I18n.setLocale(I18n.JAPANESE);
        try {
            String ja = p.revealProperty().get();
            assertTrue(ja.startsWith("Reflect-DiT の曲線の予想とスイープの実測：K=1 は予想 0.50 / 実測 "), ja);
            assertTrue(ja.endsWith("測っていない K：8。"), ja);
            assertFalse(vm.statusProperty().get().equals(doneLine), vm.statusProperty().get());
            assertTrue(vm.statusProperty().get().contains("答え "), vm.statusProperty().get());
        } finally {
            I18n.setLocale(I18n.ENGLISH);
        }
        assertEquals(reveal, p.revealProperty().get());
        assertEquals(doneLine, vm.statusProperty().get());

        // a resumed sweep keeps the guess made before it first ran
        p.input().textProperty().set("1: 0.1");
        vm.run();
        assertEquals(shown, CurvePrediction.read(run.store().dir()));
        assertEquals(shown, p.shownProperty().get());

        // a new session finds it with the sweep, whatever is typed there
        ScalingViewModel again = vm(dir);
        assertEquals(shown, again.setup().prediction().shownProperty().get());
    }

    @Test
    void aSweepRunWithoutAPredictionSaysSo(@TempDir Path dir) {
        ScalingViewModel vm = vm(dir);
        vm.setup().prediction().input().textProperty().set("1: 2");
        assertNull(vm.setup().prediction().input().value());
        vm.run();
        assertNull(vm.setup().prediction().shownProperty().get());
        assertEquals("This sweep was run without a prediction.", vm.setup().prediction().revealProperty().get());
        assertTrue(Files.notExists(vm.stored().currentProperty().get().store().dir().resolve(CurvePrediction.FILE)));
    }

    @Test
    void theGuessAndItsMethodAreRemembered(@TempDir Path dir) {
        Settings s = new Settings(dir.resolve("settings.properties"));
        ScalingViewModel first = vm(dir.resolve("a"));
        first.remember(s);
        first.setup().prediction().methodProperty().set(Method.BEST_OF_N);
        first.setup().prediction().input().textProperty().set("4: 0.6");
        ScalingViewModel next = vm(dir.resolve("b"));
        next.remember(s);
        assertEquals(Method.BEST_OF_N, next.setup().prediction().input().value().method());
        assertEquals("4: 0.6", s.snapshot().get("scaling.prediction"));
    }
}
