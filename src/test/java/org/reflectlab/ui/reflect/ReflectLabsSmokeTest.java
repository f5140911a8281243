package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
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

/** The Reflect labs headless, on tiny models: a run of K=3, then each lab's buttons pressed in turn. */
@ExtendWith(ApplicationExtension.class)
class ReflectLabsSmokeTest {

    private ReflectViewModel vm;

    @BeforeAll
    static void backend() {
        Backend.start(1);
        // The first window of a fork builds slowly on a loaded 2-core machine (seen: over a minute at load 24).
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
    }

    @Start
    void start(Stage stage) {
        vm = new ReflectViewModel(new FxTaskRunner(2), new RecordingNotifier(), () -> TinyReflector.create(100, 1));
        vm.form().samplingStepsProperty().set(2);
        vm.form().compareProperty().set(false);
        vm.form().kProperty().set(3);
        vm.form().promptProperty().set("a red circle");
        stage.setScene(new Scene(new ReflectView(vm), 1024, 700));
        stage.show();
    }

    private void runOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.modelsReadyProperty().get());
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.lastRunProperty().get() != null && !vm.runningProperty().get());
    }

    private static void tab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#reflect-labs").queryAs(TabPane.class);
        Tab t = tabs.getTabs().stream().filter(x -> id.equals(x.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(t));
    }

    @Test
    void beTheCritic(FxRobot robot) throws Exception {
        runOnce(robot);
        robot.interact(() -> vm.steps().select(0));
        tab(robot, "tab-critic");
        robot.clickOn("#preset-wrong");
        assertEquals("the circle should be orange but it is red", robot.lookup("#critic-words").queryAs(TextField.class).getText());
        robot.clickOn("#preset-none");
        robot.clickOn("#preset-other-prompt");
        robot.clickOn("#preset-critic");
        robot.interact(() -> robot.lookup("#critic-words").queryAs(TextField.class).setText("the circle should be bleu"));
        assertTrue(robot.lookup("#critic-words-error").queryAs(Label.class).getText().contains("did you mean 'blue'"));
        assertTrue(robot.lookup("#rerun").queryButton().isDisabled());
        robot.clickOn("#critic-words-fix");
        assertEquals("the circle should be blue", robot.lookup("#critic-words").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#rerun").queryButton().isDisabled());
        robot.clickOn("#rerun");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.critic().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, children(robot, "#critic-after").size(), "iterations 2 and 3 drawn again");
        assertEquals(2, children(robot, "#critic-before").size());
        assertTrue(((Label) children(robot, "#critic-after-reads").get(0)).getText().startsWith("#2 read  #1: the circle should be blue"));
        assertTrue(robot.lookup("#critic-status").queryAs(Label.class).getText().startsWith("With your feedback at iteration 1"));
    }

    @Test
    void predictThenReveal(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.modelsReadyProperty().get());
        tab(robot, "tab-predict");
        robot.clickOn("#predict-fix").write("9");
        assertTrue(robot.lookup("#predict-fix-error").queryAs(Label.class).getText().contains("iterations 1 to 3"));
        robot.interact(() -> robot.lookup("#predict-fix").queryAs(TextField.class).setText("2"));
        runOnce(robot);
        WaitForAsyncUtils.waitForFxEvents();
        // the tiny critic never accepts: three iterations; its judge calls the first image wrong and the rest correct
        assertEquals(3, children(robot, "#predict-cells").size());
        assertEquals(1, robot.lookup("#predict-guess").queryAll().size(), "the guess is outlined");
        assertEquals("You predicted iteration 2; the judge first called the image correct at iteration 2: right.",
                robot.lookup("#predict-reveal").queryAs(Label.class).getText());
    }

    @Test
    void oneBudget(FxRobot robot) throws Exception {
        runOnce(robot);
        tab(robot, "tab-budget");
        javafx.scene.control.Slider slider = robot.lookup("#budget-slider").queryAs(javafx.scene.control.Slider.class);
        assertFalse(slider.isDisabled());
        assertEquals(5 * slider.getMin(), slider.getValue(), 1e-6, "the slider opens on five images' worth, as the model does");
        assertEquals(vm.budget().budgetProperty().get(), slider.getValue(), 1e-9);
        robot.interact(() -> slider.setValue(slider.getMin() * 4));
        assertTrue(robot.lookup("#budget-buys").queryAs(Label.class).getText().contains("best-of-4"));
        robot.clickOn("#budget-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.budget().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, children(robot, "#budget-grid").size());
        assertEquals(vm.budget().resultProperty().get().reflection().iterations().size(), children(robot, "#budget-chain").size());
        assertEquals(1, robot.lookup("#budget-pick").queryAll().size(), "the critic's pick is marked");
        assertTrue(robot.lookup("#budget-status").queryAs(Label.class).getText().startsWith("At "));
    }

    @Test
    void whatEachReaderSaw(FxRobot robot) throws Exception {
        runOnce(robot);
        tab(robot, "tab-readers");
        robot.interact(() -> vm.steps().select(1));
        javafx.scene.control.ListView<?> list = robot.lookup("#readers-list").queryAs(javafx.scene.control.ListView.class);
        assertEquals(3, list.getItems().size());
        assertEquals(1, list.getSelectionModel().getSelectedIndex(), "the list follows the selected iteration");
        assertTrue(children(robot, "#readers-readings").stream().anyMatch(n -> n instanceof Label l && l.getText().startsWith("✗ at center")),
                "iteration 2's disagreement is listed");
        robot.clickOn("#readers-judge");
        assertFalse(vm.readers().showJudgeProperty().get());
        robot.clickOn("#readers-only");
        robot.clickOn("#readers-next");
        assertTrue(vm.readers().selectedProperty().get().disagrees());
        robot.clickOn("#readers-critic");
        robot.clickOn("#readers-pixels");
        assertFalse(vm.readers().showPixelsProperty().get());
    }

    static java.util.List<Node> children(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Pane.class).getChildren();
    }
}
