package org.reflectlab.ui.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concepts.ConceptsModels;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Concepts workspace headless: every panel opens with its formula drawn; tokens and attention run. */
@ExtendWith(ApplicationExtension.class)
class ConceptsViewSmokeTest {

    private ConceptsViewModel vm;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Start
    void start(Stage stage) throws Exception {
        vm = new ConceptsViewModel(new FxTaskRunner(1), new RecordingNotifier(),
                new ConceptsModels(new ModelStore(Path.of("models")), Files.createTempDirectory("concepts-sweeps")));
        stage.setScene(new Scene(new ConceptsView(vm), 1280, 800));
        stage.show();
    }

    @Test
    void everyPanelOpensAndTokensAndAttentionRun(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#concepts-tabs").queryAs(TabPane.class);
        assertEquals(8, tabs.getTabs().size());
        for (Tab t : tabs.getTabs()) {
            robot.interact(() -> tabs.getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            String id = t.getId().substring("concepts-tab-".length());
            assertNotNull(robot.lookup("#concepts-run-" + id).query(), id);
            assertFalse(robot.lookup("#concepts-panel-" + id + " .formula").queryAll().isEmpty(), "formula drawn in " + id);
        }
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.clickOn("#concepts-run-tokens");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.tokens.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#concepts-table-tokens").queryAs(TextArea.class).getText().contains("image"));

        robot.interact(() -> tabs.getSelectionModel().select(2));
        robot.clickOn("#concepts-run-attention");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.attention.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String info = robot.lookup("#concepts-attn-causal-info").queryLabeled().getText();
        assertTrue(info.contains("max above diagonal 0.0000"), info);

        // the quiz's answers each carry a formula; every one is drawn (one failing to parse once blanked the tab)
        robot.interact(() -> tabs.getSelectionModel().select(7));
        robot.clickOn("#concepts-run-quiz");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.quiz.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vm.quiz.resultProperty().get().size(), robot.lookup("#concepts-quiz-answers .formula").queryAll().size());
        assertTrue(robot.lookup("#concepts-quiz-answers .formula-error").queryAll().isEmpty(), "no formula shown as an error");
    }
}
