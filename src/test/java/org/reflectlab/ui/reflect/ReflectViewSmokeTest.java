package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.PixelView;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Reflect workspace headless: run K=3 on a prompt and step through the iterations. The judge
 * finds only the first image wrong, so iteration 2 is a fix on which critic and judge disagree.
 */
@ExtendWith(ApplicationExtension.class)
class ReflectViewSmokeTest {

    private ReflectViewModel vm;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) {
        vm = new ReflectViewModel(new FxTaskRunner(1), new RecordingNotifier(), () -> TinyReflector.create(100, 1));
        vm.form().samplingStepsProperty().set(2);
        vm.form().compareProperty().set(false);
        stage.setScene(new Scene(new ReflectView(vm), 1280, 800));
        stage.show();
    }

    @Test
    void runThreeIterationsAndStepThrough(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.modelsReadyProperty().get());
        robot.interact(() -> vm.form().kProperty().set(3));
        robot.doubleClickOn("#prompt").eraseText(40).write("a red circle");
        robot.clickOn("#run");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.steps().iterations().size() == 3 && !vm.runningProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("prompt '" + vm.form().promptProperty().get() + "', " + vm.steps().iterations().size() + " iterations, status '"
                    + vm.statusProperty().get() + "', models '" + vm.modelStatusProperty().get() + "'", e);
        }
        assertEquals(2, vm.steps().selectedProperty().get());
        PixelView shown = robot.lookup("#iteration-image").queryAs(PixelView.class);
        double width = shown.getWidth();
        double height = shown.getHeight();
        robot.clickOn("#previous");
        assertEquals(1, vm.steps().selectedProperty().get());
        robot.clickOn("#first");
        assertEquals(0, vm.steps().selectedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, shown.getWidth(), "the image panel keeps its size from iteration to iteration");
        assertEquals(height, shown.getHeight());
        Label title = robot.lookup("#iteration-title").queryAs(Label.class);
        assertEquals("Iteration 1 of 3", title.getText());
        robot.clickOn("#iteration-image");
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.steps().selectedProperty().get(), "the right arrow steps forward");
        Label critic = robot.lookup("#critic-feedback").queryAs(Label.class);
        assertTrue(critic.getText().contains("the circle should be red but it is blue"), critic.getText());
        assertSame(title, robot.lookup("#iteration-title").queryAs(Label.class), "stepping sets the details' texts, it makes no new labels");
        assertEquals("Iteration 2 of 3", title.getText());
        assertEquals(3, robot.lookup("#filmstrip").queryAs(javafx.scene.layout.HBox.class).getChildren().size());

        // Iteration 2 answers iteration 1's feedback, and the judge now accepts it: a fix.
        assertEquals("answering: the circle should be red but it is blue", text(robot, "#answering"));
        assertTrue(text(robot, "#change-summary").matches("changed .+ of pixels since iteration 1 \\(mean change 0\\.\\d{3}\\)"),
                text(robot, "#change-summary"));
        assertTrue(text(robot, "#judge-flip").startsWith("Fix: the judge found iteration 1 wrong"), text(robot, "#judge-flip"));
        Label disagree = robot.lookup("#critic-judge").queryAs(Label.class);
        assertEquals("Critic and judge disagree: the judge accepts this image; the critic does not. "
                + "The critic sees a large blue circle at center; the judge sees a large red circle at center instead.", disagree.getText());
        assertNotTruncated(disagree);
        Label why = robot.lookup("#critic-judge-why").queryAs(Label.class);
        assertTrue(why.isVisible() && why.getText().startsWith("Why they can disagree"), why.getText());
        assertNotTruncated(why);
        Label badge = robot.lookup("#badge-2").queryAs(Label.class);
        assertEquals("FIX", badge.getText());
        assertNotTruncated(badge);
        assertTrue(robot.lookup("#badge-1").tryQuery().isEmpty(), "the first iteration has no mark");
        assertTrue(robot.lookup("#badge-3").tryQuery().isEmpty(), "correct to correct is no fix");

        // The change outline is off by default (a fill once hid the objects); C shows it and hides it again.
        PixelView image = robot.lookup("#iteration-image").queryAs(PixelView.class);
        assertNull(image.overlayView().getImage());
        assertFalse(robot.lookup("#show-changes").queryAs(ToggleButton.class).isSelected());
        robot.push(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.changes().showChangesProperty().get());
        assertNotNull(image.overlayView().getImage());
        assertEquals(image.imageView().getImage().getWidth(), image.overlayView().getImage().getWidth(), "aligned with the image");
        robot.clickOn("#first");
        assertNull(image.overlayView().getImage(), "nothing before the first iteration to compare with");
        assertFalse(robot.lookup("#answering").queryAs(Label.class).isVisible());

        // Zoom is per run: a new run starts at the default zoom again.
        javafx.scene.control.Slider zoom = robot.lookup("#zoom").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> zoom.setValue(14));
        assertEquals(14, image.zoomProperty().get());
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertEquals(7, image.zoomProperty().get(), "zoom resets when a run starts");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    // What the skin draws ends in an ellipsis when a label is cut short.
    private static void assertNotTruncated(Label label) {
        Text shown = (Text) label.lookup(".text");
        assertEquals(label.getText(), shown.getText(), "shown in full");
    }
}
