package org.reflectlab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.aphasia.AphasiaViewModel;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.reflectlab.ui.serving.ServingViewModel;
import org.reflectlab.ui.world.WorldViewModel;

/**
 * World, Aphasia and Serving after a run: their status lines (and a refusal, a reveal) change language on a switch while
 * the ViewModels keep what they computed. No toolkit.
 */
class LanguageSwitchWorldAphasiaServingTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingNotifier notifier = new RecordingNotifier();

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @AfterEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void worldsRolloutStatusRefusalAndRevealFollowTheLanguage(@TempDir Path empty) {
        I18n.setLocale(I18n.ENGLISH);
        WorldViewModel vm = WorldViewModel.forStore(runner, notifier, new ModelStore(empty)); // explicit physics only
        vm.loadModels();
        var rollout = vm.comparisonProperty().get();
        assertEquals("Seed 1 · 2 balls · random pushes · 60 frames · alpha 0.70", vm.statusProperty().get());
        vm.settings().setHorizon(601);
        vm.prediction().input().textProperty().set("0.5, 0.5");
        vm.prediction().reveal();
        assertTrue(vm.prediction().revealProperty().get().startsWith("You predicted (0.50, 0.50) for frame 60; "),
                vm.prediction().revealProperty().get());

        I18n.setLocale(I18n.JAPANESE);
        assertEquals("シード 1 · ボール 2 個 · 押し方：ランダム · 60 フレーム · alpha 0.70", vm.statusProperty().get());
        assertEquals("予測長は 1〜600 フレームにしてください。", vm.settings().settingsErrorProperty().get());
        assertTrue(vm.prediction().revealProperty().get().startsWith("あなたの予想はフレーム 60 で (0.50, 0.50)。"),
                vm.prediction().revealProperty().get());
        assertTrue(vm.prediction().revealProperty().get().contains("明示的 ("), "the models' names too: " + vm.prediction().revealProperty().get());
        assertSame(rollout, vm.comparisonProperty().get(), "the same rollout: nothing ran again");
        assertEquals(60, vm.settings().horizonProperty().get());
    }

    @Test
    void aphasiasStatusLinesFollowTheLanguageAfterARun() {
        I18n.setLocale(I18n.ENGLISH);
        AphasiaViewModel vm = new AphasiaViewModel(runner, notifier, () -> {
            throw new IllegalStateException("no unified model here");
        }, (s, l) -> List.of(), new AphasiaCache());
        assertEquals("Run the round trip on held-out scenes.", vm.statusProperty().get());
        vm.run();
        vm.compareVariants();
        vm.setup().setSamples(1);
        assertEquals("The round trip failed.", vm.statusProperty().get());
        assertEquals("0 variants on 500 scenes (seed 1).", vm.variants().experiment().statusProperty().get());

        I18n.setLocale(I18n.JAPANESE);
        assertEquals("往復に失敗しました。", vm.statusProperty().get());
        assertEquals("モデル 0 個、場面 500 個（シード 1）。", vm.variants().experiment().statusProperty().get());
        assertEquals("場面数は 2〜5000 にしてください。", vm.setup().settingsErrorProperty().get());
        assertEquals("no unified model here", vm.problemProperty().get(), "the failure's own words stay as they were");
        assertEquals(500, vm.setup().samplesProperty().get());
    }

    @Test
    void servingsStatusLinesFollowTheLanguageAfterAStart() {
        I18n.setLocale(I18n.ENGLISH);
        ServingViewModel vm = new ServingViewModel(runner, notifier, () -> {
            throw new IllegalStateException("port in use");
        });
        vm.start();
        assertEquals("Could not start: port in use", vm.statusProperty().get());
        assertEquals("Measure the capacity first, then offer a multiple of it.", vm.load().statusProperty().get());

        I18n.setLocale(I18n.JAPANESE);
        assertEquals("起動できませんでした：port in use", vm.statusProperty().get());
        assertEquals("まず処理能力を測り、その何倍かの負荷をかけてください。", vm.load().statusProperty().get());
        assertTrue(vm.canStart().get(), "a failed start can be tried again");
    }
}
