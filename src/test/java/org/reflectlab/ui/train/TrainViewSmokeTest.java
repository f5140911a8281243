package org.reflectlab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Train workspace headless: start a short run of a tiny model, watch points arrive, stop it. */
@ExtendWith(ApplicationExtension.class)
class TrainViewSmokeTest {

    private TrainViewModel vm;
    private TrainView view;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) {
        vm = new TrainViewModel(new FxTaskRunner(1), new RecordingNotifier(), hp -> {
            TrainSettings s = hp.toSettings();
            return UnifiedTraining.fresh(UnifiedConfig.tiny(),
                    new TrainSettings(s.learningRate(), 8, s.steps(), s.seed(), 1, 5, 16, 5));
        }, null);
        vm.hyper().set("steps", 100_000);
        view = new TrainView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void startShowsPointsArrivingAndStopEndsTheRun(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.monitor().stepProperty().get() >= 8);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.lossChartSeries().get(0).getData().size() >= 4);
        assertTrue(robot.lookup("#pause").queryAs(Button.class).isDisabled() == false);
        robot.clickOn("#pause");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#resume").queryAs(Button.class).isDisabled());
        robot.clickOn("#stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainViewModel.State.IDLE);
        assertEquals(TrainViewModel.State.IDLE, vm.stateProperty().get());
        assertTrue(!robot.lookup("#start").queryAs(Button.class).isDisabled());
        javafx.scene.layout.Pane panel = robot.lookup("#sample-panel").queryAs(javafx.scene.layout.Pane.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(UnifiedTraining.PANEL_SIZE, panel.getChildren().size(), "one cell per held-out sample");
        long images = panel.lookupAll(".image-view").stream()
                .filter(n -> ((javafx.scene.image.ImageView) n).getImage() != null).count();
        assertEquals(3L * UnifiedTraining.PANEL_SIZE, images, "input, reconstruction and generated image in each cell");

        // issue 27: every held-out evaluation is marked on the loss chart, and says its step and value
        var heldOut = view.heldOutSeries();
        assertTrue(heldOut.getData().size() >= 2, "evaluations every 5 steps: " + heldOut.getData().size());
        for (var d : heldOut.getData()) {
            assertTrue(d.getNode() != null && d.getNode().getStyleClass().contains("eval-mark"), "marked: " + d);
            var tip = (javafx.scene.control.Tooltip) d.getNode().getProperties().get("javafx.scene.control.Tooltip");
            assertTrue(tip.getText().contains(String.format(java.util.Locale.ROOT, "step %,d", d.getXValue().longValue())), tip.getText());
        }
        assertTrue(robot.lookup(".eval-mark").queryAll().stream().anyMatch(javafx.scene.Node::isVisible), "drawn on the chart");
    }
}
