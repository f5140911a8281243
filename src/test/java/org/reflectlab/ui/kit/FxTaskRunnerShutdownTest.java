package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A task submitted after the runner shut down (a timer's late tick while the app closes) is dropped, not thrown. */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerShutdownTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 10, 10));
    }

    @Test
    void aTaskAfterShutdownNeitherRunsNorThrows() throws Exception {
        FxTaskRunner runner = new FxTaskRunner(1);
        runner.shutdown();
        AtomicBoolean ran = new AtomicBoolean();
        runner.through(Runnable::run).submit(BackgroundTask.of("late", p -> {
            ran.set(true);
            return 1;
        }));
        runner.submit(BackgroundTask.of("late too", p -> {
            ran.set(true);
            return 2;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ran.get());
    }
}
