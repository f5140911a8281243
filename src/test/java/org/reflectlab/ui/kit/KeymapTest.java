package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A keymap binds exactly what it lists: accelerators while the view is shown, keys unless the user types. */
@ExtendWith(ApplicationExtension.class)
class KeymapTest {

    private final List<String> log = new ArrayList<>();
    private VBox view;
    private TextField field;
    private Scene scene;

    private final Keymap<KeymapTest> keys = Keymap.<KeymapTest>of("Test")
            .accelerator("Shortcut+R", "run", t -> t.log.add("run"))
            .key("Right", "next", t -> t.log.add("next"))
            .held("Up", "push", (t, down) -> t.log.add(down ? "up pressed" : "up released"));

    @Start
    void start(Stage stage) {
        field = new TextField();
        view = new VBox(field);
        view.setFocusTraversable(true);
        keys.bind(this, view);
        scene = new Scene(new VBox(view, new VBox()), 300, 200);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void listedKeysAreTheBoundKeys(FxRobot robot) {
        assertTrue(scene.getAccelerators().containsKey(KeyCombination.keyCombination("Shortcut+R")));
        robot.interact(view::requestFocus);
        robot.push(KeyCode.RIGHT).press(KeyCode.UP).release(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("next", "up pressed", "up released"), log);
        log.clear();
        robot.clickOn(field).push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), log, "arrows belong to the text field while typing");
        robot.interact(() -> ((VBox) scene.getRoot()).getChildren().remove(view));
        assertTrue(scene.getAccelerators().isEmpty(), "a view that leaves the scene takes its accelerators with it");
        assertEquals("Ctrl+R", keys.entries().get(0).display());
    }
}
