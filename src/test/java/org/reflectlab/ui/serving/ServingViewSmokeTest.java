package org.reflectlab.ui.serving;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Serving workspace headless: the node starts, a request is sent, a worker is crashed and restarts. */
@ExtendWith(ApplicationExtension.class)
class ServingViewSmokeTest {

    private ServingView view;
    private final RecordingNotifier notifier = new RecordingNotifier();

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) {
        view = ServingView.create(new FxTaskRunner(1), notifier, new ModelStore(Path.of("models")));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        view.dispose();
    }

    @Test
    void sendARequestAndCrashAWorker(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#serving-status").queryLabeled().getText().startsWith("Serving"));
        robot.clickOn("#serving-send");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> robot.lookup("#serving-reply").queryLabeled().getText().startsWith("text->image in"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("reply: " + robot.lookup("#serving-reply").queryLabeled().getText() + " / "
                    + robot.lookup("#serving-totals").queryLabeled().getText(), e);
        }
        assertNotNull(robot.lookup(".image-view").queryAll().stream()
                .filter(n -> ((javafx.scene.image.ImageView) n).getImage() != null).findFirst().orElse(null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#serving-worker-image-1").tryQuery().isPresent());

        ComboBox<String> target = robot.lookup("#serving-target").queryComboBox();
        robot.interact(() -> target.setValue("image-1"));
        robot.clickOn("#serving-crash");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#serving-totals").queryLabeled().getText().contains("restarts 1")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> ((Label) robot.lookup("#serving-worker-image-1").query()).getText().contains("restarts 1")));
        // the restarted worker serves the next request
        robot.clickOn("#serving-send");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#serving-reply").queryLabeled().getText()
                .matches("(?s)text->image in .*") && robot.lookup("#serving-totals").queryLabeled().getText().contains("completed 2")));
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
        assertTrue(Reply.class.isInterface());
    }

    /** A condition read on the FX thread: the worker tiles are redrawn there while the test polls. */
    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }
}
