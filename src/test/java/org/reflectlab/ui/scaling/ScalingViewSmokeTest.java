package org.reflectlab.ui.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Scaling workspace headless: run a tiny sweep, see it charted, and compare K for one prompt. */
@ExtendWith(ApplicationExtension.class)
class ScalingViewSmokeTest {

    private ScalingViewModel vm;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("sweeps");
        vm = TinyScaling.vm(new FxTaskRunner(1), new RecordingNotifier(), dir);
        stage.setScene(new Scene(new ScalingView(vm), 1280, 800));
        stage.show();
    }

    @Test
    void runASweepThenCompareK(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.modelsReadyProperty().get());
        robot.clickOn("#method-ttt");
        robot.interact(() -> vm.setup().ksProperty().set("1,2,3,4")); // a fit (and so optimal stopping) needs 4 K values
        robot.clickOn("#predict-curve").write("1: 0.2, 4: 0.9");
        assertEquals("1: 0.2, 4: 0.9", vm.setup().prediction().input().textProperty().get());
        robot.clickOn("#sweep-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.stored().currentProperty().get() != null && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> chart = robot.lookup("#quality-by-k").queryAs(LineChart.class);
        assertTrue(chart.getData().size() >= 2, "measured series are drawn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.setup().prediction().shownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getData().stream().anyMatch(x -> "your prediction".equals(x.getName()) && x.getData().size() == 2),
                "the prediction is drawn under the measured curve");
        assertTrue(robot.lookup("#predict-curve-reveal").queryLabeled().getText().startsWith("Your Reflect-DiT curve against the sweep: K=1 0.20 vs"),
                robot.lookup("#predict-curve-reveal").queryLabeled().getText());
        assertEquals(1, robot.lookup("#runs").queryListView().getItems().size());
        robot.clickOn("Compare K");
        robot.clickOn("#compare-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.compareK().gridProperty().get() != null && !vm.compareK().comparingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // 3 method names (best-of-N, reflect last, reflect critic's pick), each over its 4 tiles (K 1..4)
        assertEquals(3, robot.lookup("#compare-grid .compare-method").queryAll().size());
        assertEquals(12, robot.lookup("#compare-grid .compare-cell").queryAll().size());
        robot.clickOn("Optimal stopping");
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> stopping = robot.lookup("#stopping-chart").queryAs(LineChart.class);
        assertTrue(stopping.isVisible(), "the tab shows its chart");
        assertFalse(stopping.getData().isEmpty(), "value curves are drawn for the fitted methods");
        assertFalse(robot.lookup("#stopping-table").queryTableView().getItems().isEmpty(), "K* per method");
    }
}
