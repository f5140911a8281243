package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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

/** The Reflect workspace headless: run K=3 on a prompt and step through the iterations. */
@ExtendWith(ApplicationExtension.class)
class ReflectViewSmokeTest {

    private ReflectViewModel vm;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) {
        vm = new ReflectViewModel(new FxTaskRunner(1), new RecordingNotifier(), () -> TinyReflector.create(100));
        vm.samplingStepsProperty().set(2);
        vm.compareProperty().set(false);
        stage.setScene(new Scene(new ReflectView(vm), 1280, 800));
        stage.show();
    }

    @Test
    void runThreeIterationsAndStepThrough(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.modelsReadyProperty().get());
        robot.interact(() -> vm.kProperty().set(3));
        robot.doubleClickOn("#prompt").eraseText(40).write("a red circle");
        robot.clickOn("#run");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.iterations().size() == 3 && !vm.runningProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("prompt '" + vm.promptProperty().get() + "', " + vm.iterations().size() + " iterations, status '"
                    + vm.statusProperty().get() + "', models '" + vm.modelStatusProperty().get() + "'", e);
        }
        assertEquals(2, vm.selectedProperty().get());
        robot.clickOn("#previous");
        assertEquals(1, vm.selectedProperty().get());
        robot.clickOn("#first");
        assertEquals(0, vm.selectedProperty().get());
        Label title = robot.lookup("#iteration-title").queryAs(Label.class);
        assertEquals("Iteration 1 of 3", title.getText());
        robot.clickOn("#iteration-image");
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.selectedProperty().get(), "the right arrow steps forward");
        Label critic = robot.lookup("#critic-feedback").queryAs(Label.class);
        assertTrue(critic.getText().contains("the circle should be red but it is blue"), critic.getText());
        assertEquals(3, robot.lookup("#filmstrip").queryAs(javafx.scene.layout.HBox.class).getChildren().size());
    }
}
