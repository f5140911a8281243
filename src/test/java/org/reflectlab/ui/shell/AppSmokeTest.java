package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the whole app headless (Monocle) and drives it as a user would. */
class AppSmokeTest {

    private static Application app;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ReflectLabApp.class);
        // the start-up pane shows first; the main window replaces it after the first pulse
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof MainWindow);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWindowShowsBeforeTheMainWindowIsBuiltAndHasAnIcon() {
        var marks = StartupTimes.marks();
        assertTrue(marks.containsKey("window shown"), marks.toString());
        assertTrue(marks.get("window shown") <= marks.get("main window built"), marks.toString());
        assertFalse(stage.getIcons().isEmpty(), "the window has the app icon");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertTrue(screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                "the window lies inside the screen: " + stage.getX() + "," + stage.getY() + " " + stage.getWidth() + "x" + stage.getHeight()
                        + " on " + screen);
    }

    @Test
    void theFileMenuSavesAndOpensExperiments() {
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        var items = bar.getMenus().get(0).getItems().stream().map(javafx.scene.control.MenuItem::getId).toList();
        assertTrue(items.contains("save-experiment") && items.contains("open-experiment"), items.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void everySidebarEntryOpensItsWorkspace() throws Exception {
        java.util.Map<String, Class<?>> views = java.util.Map.of("data", org.reflectlab.ui.data.DataView.class,
                "train", org.reflectlab.ui.train.TrainView.class, "reflect", org.reflectlab.ui.reflect.ReflectView.class,
                "world", org.reflectlab.ui.world.WorldView.class, "scaling", org.reflectlab.ui.scaling.ScalingView.class,
                "aphasia", org.reflectlab.ui.aphasia.AphasiaView.class, "serving", org.reflectlab.ui.serving.ServingView.class,
                "concepts", org.reflectlab.ui.concepts.ConceptsView.class);
        int skeletons = 0;
        assertEquals(views.keySet(), Workspaces.all().stream().map(Workspace::id).collect(java.util.stream.Collectors.toSet()));
        for (Workspace w : Workspaces.all()) {
            ToggleButton nav = robot.lookup("#nav-" + w.id()).queryAs(ToggleButton.class);
            boolean[] answered = new boolean[3];
            robot.interact(() -> {
                // the click is answered in the same event: the item selected and, the first time, the skeleton shown
                nav.fire();
                answered[0] = nav.isSelected();
                var host = robot.lookup(".workspace-host").queryParent().getChildrenUnmodifiable();
                answered[2] = host.size() == 1 && "workspace-skeleton".equals(host.get(0).getId());
                answered[1] = host.size() == 1 && (host.get(0).getClass() == views.get(w.id()) || answered[2]);
            });
            skeletons += answered[2] ? 1 : 0;
            assertTrue(answered[0] && answered[1], w.id() + " answered at once");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#workspace-skeleton").tryQuery().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(nav.isSelected(), w.id());
            var shown = robot.lookup(".workspace-host").queryParent().getChildrenUnmodifiable();
            assertEquals(1, shown.size());
            // the workspace's own view, not another one and not the "could not open" message
            assertEquals(views.get(w.id()), shown.get(0).getClass(), w.id());
        }
        assertTrue(skeletons > 0, "a workspace opened the first time shows its skeleton while it builds");
    }

    @Test
    void dataGridFillsAndTheBackendComesUp() throws Exception {
        openData();
        GridView<?> grid = robot.lookup("#sample-grid").queryAs(GridView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 24);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#status-bar").query()
                .lookup(".status-label") != null && statusText().contains("compute thread"));
    }

    @Test
    void typingAnUnknownWordShowsTheMessageAndRendersNothing() throws Exception {
        openData();
        robot.clickOn("#caption-input").write("a purpel circle");
        Label message = robot.lookup("#caption-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> message.getText().contains("purpel"));
        assertEquals("'purpel' is not a known word; did you mean 'purple'?", message.getText());
        assertNull(robot.lookup("#caption-image").queryAs(ImageView.class).getImage());

        robot.clickOn("#caption-fix");
        ImageView image = robot.lookup("#caption-image").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> image.getImage() != null);
        assertNotNull(image.getImage());
        assertFalse(message.isVisible() && !message.getText().isEmpty() && message.getParent().isVisible());
    }

    private void openData() throws Exception {
        robot.clickOn("#nav-data");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#workspace-skeleton").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String statusText() {
        var bar = robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
        return bar.getText() == null ? "" : bar.getText();
    }
}
