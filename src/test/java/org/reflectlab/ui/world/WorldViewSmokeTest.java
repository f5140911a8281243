package org.reflectlab.ui.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The World workspace headless: scrub with keys, buttons, the slider and the chart; play live for a moment. */
@ExtendWith(ApplicationExtension.class)
class WorldViewSmokeTest {

    private WorldViewModel vm;
    private PlayViewModel play;
    private WorldView view;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) {
        FxTaskRunner runner = new FxTaskRunner(1);
        RecordingNotifier notifier = new RecordingNotifier();
        vm = new WorldViewModel(runner, notifier, TestModels::withTinyImplicit);
        play = new PlayViewModel(runner, notifier, vm);
        view = new WorldView(vm, play, new SweepViewModel(runner, notifier, vm));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        vm.loadModels();
    }

    @Test
    void scrubbingMovesEveryPanelAndTheChartCursor(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ScrubberViewModel s = vm.scrubber();
        assertEquals(60, s.lastProperty().get());
        for (ModelKind k : ModelKind.values()) {
            assertNotNull(view.panel(k).imageView().getImage(), k + " shows a frame");
        }
        robot.clickOn("#world-frames");
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(3, s.frame());
        assertTrue(view.panel(ModelKind.EXPLICIT).captionText().startsWith("error "), view.panel(ModelKind.EXPLICIT).captionText());
        robot.type(KeyCode.END);
        assertEquals(60, s.frame());
        robot.type(KeyCode.LEFT);
        assertEquals(59, s.frame());
        robot.type(KeyCode.HOME);
        assertEquals(0, s.frame());
        double cursorAtZero = view.errorChart().cursorX();

        robot.clickOn("#scrub-forward").clickOn("#scrub-forward");
        assertEquals(2, s.frame());
        robot.clickOn("#scrub-end");
        assertEquals(60, s.frame());
        robot.clickOn("#scrub-home");

        robot.type(KeyCode.SPACE);
        assertTrue(s.playingProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> s.frame() >= 5);
        robot.type(KeyCode.SPACE);
        assertFalse(s.playingProperty().get());

        // click the middle of the chart's plot area: the scrubber jumps near the middle frame
        Node plot = view.errorChart().chart().lookup(".chart-plot-background");
        Bounds b = plot.localToScreen(plot.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        assertTrue(Math.abs(s.frame() - 30) <= 1, "clicked frame " + s.frame());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(cursorAtZero, view.errorChart().cursorX(), 1.0, "the cursor follows the frame");
        assertEquals("frame " + s.frame() + " / 60", robot.lookup("#scrub-position").queryLabeled().getText());
    }

    @Test
    void predictByClickingTheTruthThenReveal(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#world-predict-reveal").queryButton().isDisabled(), "nothing to reveal before a guess");
        Node truth = view.panel(ModelKind.TRUTH).imageView();
        Bounds b = truth.localToScreen(truth.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.25, b.getMinY() + b.getHeight() * 0.75);
        String typed = robot.lookup("#world-predict-xy").queryAs(javafx.scene.control.TextField.class).getText();
        assertTrue(typed.matches("0\\.2\\d, 0\\.7\\d"), "the click became the guess: " + typed);
        assertEquals(1, view.panel(ModelKind.TRUTH).markCount(), "the guess is ringed on the truth while choosing");
        robot.clickOn("#world-predict-reveal");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(60, vm.scrubber().frame(), "Reveal shows the last frame");
        for (ModelKind k : ModelKind.values()) {
            assertTrue(view.panel(k).markCount() >= 1, k + " has the guess laid over its last frame");
        }
        assertEquals(2, view.panel(ModelKind.TRUTH).markCount(), "and a line to where the true ball is");
        assertTrue(robot.lookup("#world-predict-reveal-text").queryLabeled().getText().startsWith("You predicted (0.2"));
        robot.clickOn("#scrub-home");
        assertEquals(0, view.panel(ModelKind.EXPLICIT).markCount(), "marks belong to the last frame");
    }

    @Test
    void playStepsTheModelBesideTheTruth(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.modelsProperty().get() != null);
        robot.clickOn("#mode-play");
        robot.clickOn("#play-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> play.tickProperty().get() != null
                && play.tickProperty().get().frame().step() > 10);
        robot.clickOn("#play-stage");
        robot.press(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> play.action()[0] == 1.0);
        robot.release(KeyCode.RIGHT);
        assertEquals(0.0, play.action()[0]);
        assertTrue(play.fpsProperty().get() > 5, "frames/s " + play.fpsProperty().get());
        robot.clickOn("#play-start");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !play.runningProperty().get());
    }
}
