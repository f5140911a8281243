package org.reflectlab.ui.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.SampleOutcome;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Aphasia workspace headless: run a small experiment, click a bar to filter, open a scene, export. */
@ExtendWith(ApplicationExtension.class)
class AphasiaViewSmokeTest {

    private AphasiaViewModel vm;
    private AphasiaView view;
    private final RecordingNotifier notifier = new RecordingNotifier();

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) {
        AphasiaCache cache = new AphasiaCache();
        ModelStore store = new ModelStore(Path.of("models"));
        // one "variant": the shipped model under another name (the real variants are trained by a command)
        vm = new AphasiaViewModel(new FxTaskRunner(1), notifier, () -> AphasiaModels.load(store, "unified"),
                (s, l) -> List.of(new Ablation.Variant("shipped", org.reflectlab.core.text.Phrase.literal("the shipped model"), "-",
                        AphasiaModels.load(store, "unified").run(s, l))), cache);
        vm.setup().setSamples(20);
        view = new AphasiaView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void runFilterByClickingABarAndOpenAScene(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#aphasia-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, vm.scenes().browser().size());
        assertTrue(robot.lookup("#aphasia-status").queryLabeled().getText().contains("20 scenes"));

        // click the fine-position group of the gap chart: the browser shows only scenes that differ there
        IntervalBarChart gap = robot.lookup("#aphasia-gap-chart").queryAs(IntervalBarChart.class);
        int fine = Metric.FINE.ordinal();
        Point2D p = gap.localToScreen(gap.categoryCenterX(fine), gap.plotCenterY());
        robot.clickOn(p.getX(), p.getY());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Metric.FINE, vm.scenes().filterProperty().get());
        assertTrue(vm.scenes().browser().stream().allMatch(o -> o.gap(Metric.FINE) != 0));
        assertTrue(robot.lookup("#aphasia-filter").queryLabeled().getText().contains("fine position"));

        // open the second scene in the list: the detail shows its caption
        SampleOutcome first = vm.scenes().selectedProperty().get();
        Node cells = robot.lookup("#aphasia-browser .list-cell").nth(1).query();
        robot.clickOn(cells);
        WaitForAsyncUtils.waitForFxEvents();
        SampleOutcome opened = vm.scenes().selectedProperty().get();
        assertNotSame(first, opened);
        Label caption = robot.lookup("#aphasia-read-caption").queryAs(Label.class);
        assertTrue(caption.getText().contains(opened.readCaption()), caption.getText());
        assertTrue(robot.lookup("#aphasia-verdicts").queryLabeled().getText().contains("judge reads:"));

        robot.clickOn("#aphasia-clear-filter");
        assertNull(vm.scenes().filterProperty().get());
        assertEquals(20, vm.scenes().browser().size());

        Path png = dir.resolve("charts.png");
        robot.interact(() -> view.export(2, png));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(png) && !notifier.infos.isEmpty());
        assertTrue(Files.size(png) > 1000);
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());

        robot.clickOn("Ablation variants");
        robot.clickOn("#aphasia-compare");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.variants().variantsProperty().get().size() == 1 && !vm.variants().experiment().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#aphasia-variants-desc").queryLabeled().getText().startsWith("shipped"));

        // describe from memory, tiny: 4 posters (1 with captions), 5 steps
        robot.clickOn("Describe from memory");
        robot.interact(() -> vm.memory().run(new MemoryExperiment.Settings(1, 4, 1, 5, 0.05)));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.memory().resultProperty().get() != null && !vm.memory().experiment().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String table = robot.lookup("#aphasia-memory-ratio").queryLabeled().getText();
        assertTrue(table.contains("image-only names") && table.contains("caption-trained names"), table);
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
    }

    @Test
    void telephoneDrawsACurvePerAttributeAndStepsThroughTheChains(FxRobot robot) throws Exception {
        robot.clickOn("Telephone");
        robot.interact(() -> {
            vm.telephone().setScenes(6);
            vm.telephone().setRounds(2);
        });
        robot.clickOn("#aphasia-telephone-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.telephone().resultProperty().get() != null
                && !vm.telephone().experiment().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        org.reflectlab.ui.kit.BandedLineChart chart = robot.lookup("#aphasia-telephone-chart").queryAs(org.reflectlab.ui.kit.BandedLineChart.class);
        assertEquals(org.reflectlab.core.aphasia.Telephone.ATTRIBUTES.size(), chart.getData().size());
        assertEquals(3, chart.getData().get(0).getData().size(), "round 0 and two rounds");
        javafx.scene.layout.FlowPane frames = robot.lookup("#aphasia-telephone-frames").queryAs(javafx.scene.layout.FlowPane.class);
        assertEquals(3, frames.getChildren().size());
        String first = robot.lookup("#aphasia-telephone-chain").queryLabeled().getText();
        assertTrue(first.startsWith("Scene 1 of 6"), first);
        robot.clickOn("#aphasia-telephone-next");
        assertTrue(robot.lookup("#aphasia-telephone-chain").queryLabeled().getText().startsWith("Scene 2 of 6"));
        assertTrue(robot.lookup("#aphasia-telephone-order").queryLabeled().getText().contains("fine position"));
        robot.interact(() -> vm.telephone().setPath(org.reflectlab.core.aphasia.Telephone.Path.LATENT));
        assertTrue(robot.lookup("#aphasia-telephone-chain").queryLabeled().getText().contains("through the image latent"));
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
    }
}
