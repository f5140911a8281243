package org.reflectlab.ui.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.ui.kit.RecordingNotifier;

class ScalingViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void aSweepIsStoredAnalysedAndFoundAgainByANewSession(@TempDir Path dir) throws Exception {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.open();
        assertTrue(vm.modelsReadyProperty().get(), vm.statusProperty().get());
        assertTrue(vm.stored().runs().isEmpty());
        vm.setup().tttProperty().set(false);
        vm.run();
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Sweep 'bon+reflect+reflect-pick-k3-p1-seed1' done: 54 answers ("),
                vm.statusProperty().get());
        // what ran, not an upper bound: 6 prompts x (3 best-of-N images + at most 3 of the one reflection run)
        java.util.regex.Matcher drawn = java.util.regex.Pattern.compile("\\((\\d+) images drawn").matcher(vm.statusProperty().get());
        assertTrue(drawn.find(), vm.statusProperty().get());
        assertTrue(Integer.parseInt(drawn.group(1)) <= 6 * 6 && Integer.parseInt(drawn.group(1)) >= 6 * 4, vm.statusProperty().get());
        // issue 30: the status line after the sweep follows a language switch, the session's own summary with it (a phrase)
        String english = vm.statusProperty().get();
        try {
            org.reflectlab.ui.kit.I18n.setLocale(org.reflectlab.ui.kit.I18n.JAPANESE);
            assertTrue(vm.statusProperty().get().startsWith("スイープ「bon+reflect+reflect-pick-k3-p1-seed1」が終わりました（")
                    && vm.statusProperty().get().contains("答え 54 件（生成した画像 "), vm.statusProperty().get());
        } finally {
            org.reflectlab.ui.kit.I18n.setLocale(org.reflectlab.ui.kit.I18n.ENGLISH);
        }
        assertEquals(english, vm.statusProperty().get());
        StoredSweeps.Run run = vm.stored().currentProperty().get();
        assertNotNull(run);
        assertEquals(6 * 3 * 3, run.rows(), "6 prompts x 3 methods (the reflect box brings both answer rules) x 3 K values");
        assertEquals(List.of(Method.BEST_OF_N, Method.REFLECT, Method.REFLECT_PICK), List.copyOf(run.analysis().curves().keySet()));
        assertEquals(1.0, vm.progressProperty().get());

        Path csv = dir.resolve("out.csv");
        vm.exportCsv(csv);
        assertEquals(1 + 54, Files.readAllLines(csv).size());
        Path json = dir.resolve("fits.json");
        vm.exportJson(json);
        assertTrue(Files.readString(json).contains("\"reflect\""));

        vm.stored().openPoint(Method.REFLECT, 2);
        assertEquals(6, vm.stored().pointRows().size());
        assertTrue(vm.stored().pointTitleProperty().get().startsWith("Reflect-DiT at K=2"), vm.stored().pointTitleProperty().get());

        ScalingViewModel again = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        again.open();
        assertEquals(1, again.stored().runs().size());
        assertEquals(54, again.stored().currentProperty().get().rows());
    }

    @Test
    void badSetupIsRefusedWithAMessageAndRunsNothing(@TempDir Path dir) {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.open();
        vm.setup().ksProperty().set("1,two");
        vm.run();
        assertTrue(vm.statusProperty().get().contains("'two' is not a whole number"), vm.statusProperty().get());
        vm.setup().ksProperty().set("1,2");
        vm.setup().bestOfNProperty().set(false);
        vm.setup().reflectProperty().set(false);
        vm.setup().tttProperty().set(false);
        vm.run();
        assertEquals("Choose at least one method.", vm.statusProperty().get());
        vm.setup().bestOfNProperty().set(true);
        vm.setup().nameProperty().set("../escape");
        vm.run();
        assertTrue(vm.statusProperty().get().contains("is not a plain name"), vm.statusProperty().get());
        vm.setup().nameProperty().set("..");
        vm.run();
        assertTrue(vm.statusProperty().get().contains("is not a plain name"), vm.statusProperty().get());
        assertTrue(vm.stored().runs().isEmpty());
    }

    @Test
    void compareKFillsOneRowPerMethodAndOneCellPerK(@TempDir Path dir) {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.open();
        vm.compareK().promptTextProperty().set(vm.compareK().prompts().get(2).text());
        vm.runCompare();
        var grid = vm.compareK().gridProperty().get();
        assertNotNull(grid);
        assertEquals(vm.compareK().prompts().get(2), grid.prompt());
        assertEquals(4, grid.rows().size(), "best-of-N, reflect (last), reflect (critic's pick), test-time training");
        grid.rows().values().forEach(cells -> assertEquals(3, cells.size()));
        assertEquals(2, vm.compareK().kProperty().get(), "the slider starts at the largest K");
    }

    @Test
    void clickingAStoredSweepShowsItWithoutTouchingTheForm(@TempDir Path dir) {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.open();
        vm.setup().tttProperty().set(false);
        vm.setup().reflectProperty().set(false);
        vm.run();
        StoredSweeps.Run stored = vm.stored().currentProperty().get();
        vm.setup().ksProperty().set("1,2,4,8");
        vm.setup().seedProperty().set(7);
        vm.stored().select(stored);
        assertEquals("1,2,4,8", vm.setup().ksProperty().get(), "showing a sweep leaves the form alone");
        assertEquals(7, vm.setup().seedProperty().get());
        vm.useSettingsOf(stored);
        assertEquals("1,2,3", vm.setup().ksProperty().get(), "asked for, the form takes the sweep's settings");
        assertEquals(1, vm.setup().seedProperty().get());
        assertEquals(stored.store().name(), vm.setup().nameProperty().get());
        assertTrue(vm.statusProperty().get().contains("Run resumes it"), vm.statusProperty().get());
    }

    @Test
    void compareKListsEachPromptOnceAcceptsATypedOneAndShowsEveryCandidate(@TempDir Path dir) {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.open();
        var ck = vm.compareK();
        assertEquals(ck.prompts().size(), ck.prompts().stream().map(p -> p.text()).distinct().count(), "no repeats");
        assertEquals(org.reflectlab.core.data.Category.COLOR_ATTRIBUTION, ck.resolve(ck.promptTextProperty().get()).category(),
                "opens on a prompt where the methods part, not on one every method gets right");
        ck.promptTextProperty().set("two purpel squares");
        assertTrue(ck.promptErrorProperty().get().contains("purpel"), ck.promptErrorProperty().get());
        vm.runCompare();
        assertNull(ck.gridProperty().get(), "a prompt that does not parse runs nothing");
        ck.promptTextProperty().set("two green triangles");
        assertEquals("", ck.promptErrorProperty().get());
        ck.seedProperty().set(5L);
        vm.setup().bestOfNProperty().set(true);
        vm.setup().reflectProperty().set(false);
        vm.setup().tttProperty().set(false);
        vm.runCompare();
        var grid = ck.gridProperty().get();
        assertEquals("two green triangles", grid.prompt().text());
        assertEquals(5, grid.seed(), "the grid's seed is the seed box's");
        var atK3 = grid.rows().get(Method.BEST_OF_N).get(2);
        assertEquals(3, atK3.drawn().size(), "best-of-3 drew three candidates, all shown");
        assertSame(atK3.answer(), atK3.drawn().get(atK3.answerIndex()), "the pick is one of them");
    }

    @Test
    void aSweepRowOpensInCompareKWithTheSeedBoxShowingItsSeed(@TempDir Path dir) {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.open();
        vm.setup().tttProperty().set(false);
        vm.setup().reflectProperty().set(false);
        vm.run();
        vm.stored().openPoint(Method.BEST_OF_N, 2);
        var row = vm.stored().pointRows().get(3);
        vm.compareRow(row);
        assertEquals(row.seed(), vm.compareK().seedProperty().get());
        assertEquals(row.seed(), vm.compareK().gridProperty().get().seed());
        assertEquals(row.prompt(), vm.compareK().gridProperty().get().prompt().text());
    }

    @Test
    void optimalStoppingFollowsLambda(@TempDir Path dir) {
        ScalingViewModel vm = TinyScaling.vm(new SynchronousTaskRunner(), new RecordingNotifier(), dir);
        vm.open();
        vm.setup().ksProperty().set("1,2,3,4");
        vm.setup().tttProperty().set(false);
        vm.setup().reflectProperty().set(false);
        vm.run();
        assertFalse(vm.analysis().answers().isEmpty());
        var curve = vm.stored().currentProperty().get().analysis().curve(Method.BEST_OF_N);
        assertNotNull(curve.fit(), String.valueOf(curve.fitProblem()));
        assertEquals(1, vm.analysis().stopping().size());
        double before = vm.analysis().stopping().get(0).closedForm();
        double lambda = vm.analysis().lambdaProperty().get() * 100;
        vm.analysis().lambdaProperty().set(lambda);
        // what the tiny readers let the fit find varies with how two workers share the prompts;
        // the wiring must still give the closed form at the new lambda, which never rises with it
        AnalysisViewModel.Stopping s = vm.analysis().stopping().get(0);
        double after = s.closedForm();
        assertTrue(after <= before, "a dearer step never stops later");
        if (curve.fit().a() * curve.fit().gamma() > 0) {
            assertTrue(after < before, "a dearer step stops earlier");
            // K* by its definition, not by the formula under test: there one more step of the fitted curve
            // gains exactly what it costs, d/dK fit(K) = lambda * c
            double h = 1e-4 * after;
            double slope = (curve.fit().at(after + h) - curve.fit().at(after - h)) / (2 * h);
            assertEquals(lambda * s.costPerK(), slope, 1e-3 * lambda * s.costPerK(), "the marginal gain at K* equals its cost");
        }
        assertTrue(org.reflectlab.core.scaling.SweepSession.duration(3725).english().equals("1h 02m")
                && org.reflectlab.core.scaling.SweepSession.duration(65).english().equals("1m 05s"));
    }
}
