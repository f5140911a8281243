package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window headless with Japanese remembered: the shell, the Data workspace and the drawer read Japanese;
 * View > English switches back at run time and the workspace keeps its view and its state.
 */
class JapaneseSmokeTest {

    @TempDir
    static Path home;

    private static final FxTaskRunner RUNNER = new FxTaskRunner(1);
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        Settings settings = new Settings(home.resolve("settings.properties"));
        settings.put("shell.language", "ja");
        settings.put("shell.workspace", "data");
        stage = FxToolkit.setupStage(s -> {
            AppServices services = new AppServices(RUNNER, new RecordingNotifier(), new ModelStore(Path.of("models")), settings);
            ShellViewModel shell = new ShellViewModel(Workspaces.all(), RUNNER, settings);
            Scene scene = new Scene(new MainWindow(shell, RUNNER, services), 1280, 800);
            scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
            s.setScene(scene);
            s.show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getScene().lookup("#reseed") != null);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, RUNNER.tasks()::isEmpty);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws Exception {
        robotInteract(() -> I18n.setLocale(I18n.ENGLISH));
        FxToolkit.cleanupStages();
        RUNNER.shutdown();
    }

    private static void robotInteract(Runnable r) {
        new FxRobot().interact(r);
    }

    @Test
    void japaneseIsShownAndEnglishReturnsWithoutLosingTheWorkspace() throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertEquals("表示", bar.getMenus().get(1).getText());
        assertEquals("データ", robot.lookup("#nav-data").queryAs(ToggleButton.class).getText());
        assertEquals("新しいシード", robot.lookup("#reseed").queryAs(Button.class).getText());
        assertEquals("注目ポイント", robot.lookup("#notice-button").queryAs(ToggleButton.class).getText());
        robot.interact(() -> robot.lookup("#notice-button").queryAs(ToggleButton.class).setSelected(true));
        assertEquals("注目ポイント：データ", robot.lookup("#notice-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#notice-claim").queryAs(Label.class).getText().contains("ShapesWorld"));

        Node view = robot.lookup(".data-view").query();
        robot.interact(() -> robot.lookup("#reseed").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, RUNNER.tasks()::isEmpty);
        String seedText = robot.lookup("#seed .text-field").queryAs(javafx.scene.control.TextField.class).getText();

        RadioMenuItem english = (RadioMenuItem) bar.getMenus().get(1).getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.Menu m && "menu-language".equals(m.getId())).findFirst()
                .map(m -> ((javafx.scene.control.Menu) m).getItems().stream().filter(i -> "language-en".equals(i.getId())).findFirst()
                        .orElseThrow()).orElseThrow();
        robot.interact(english::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("View", bar.getMenus().get(1).getText());
        assertEquals("Data", robot.lookup("#nav-data").queryAs(ToggleButton.class).getText());
        assertEquals("New seed", robot.lookup("#reseed").queryAs(Button.class).getText());
        assertEquals("What to notice: Data", robot.lookup("#notice-title").queryAs(Label.class).getText(), "the open drawer follows");
        assertSame(view, robot.lookup(".data-view").query(), "the same view: nothing was rebuilt");
        assertEquals(seedText, robot.lookup("#seed .text-field").queryAs(javafx.scene.control.TextField.class).getText(),
                "the seed drawn in Japanese is still there");
        assertTrue(english.isSelected());
    }
}
