package org.reflectlab.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.reflectlab.ui.shell.Workspaces;

/**
 * Screenshots of one workspace in the real main window with the shipped models, every tab, after an optional
 * action, for looking at (not a test): {@code java ... ShotsOf OUT_DIR WIDTH HEIGHT WORKSPACE [telephone]} under
 * Xvfb with -Dglass.platform=gtk.
 */
public final class ShotsOf {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        String workspace = args[3];
        Files.createDirectories(out);
        System.setProperty("reflectlab.home", Files.createTempDirectory("shots").toString());
        HeadlessApp.startToolkit();
        HeadlessApp app = new HeadlessApp();
        app.open(System.out::println);
        HeadlessApp.onFx(() -> {
            app.stage.setWidth(w);
            app.stage.setHeight(h);
            return null;
        });
        if (HeadlessApp.onFx(() -> app.shell.selectedProperty().get().id().equals(workspace))) {
            // the first workspace is already selected: open another first, so selecting it builds and shows it
            app.select(Workspaces.all().stream().filter(x -> !x.id().equals(workspace)).reduce((x, y) -> y).orElseThrow());
        }
        app.select(Workspaces.all().stream().filter(x -> x.id().equals(workspace)).findFirst().orElseThrow());
        Thread.sleep(3000);
        String tag = w + "x" + h;
        if (args.length > 4 && args[4].equals("telephone")) {
            selectTab(app, "aphasia-tab-telephone");
            HeadlessApp.onFx(() -> {
                ((javafx.scene.control.Spinner<?>) app.scene.lookup("#aphasia-telephone-rounds")).getEditor().setText("6");
                ((javafx.scene.control.Spinner<?>) app.scene.lookup("#aphasia-telephone-rounds")).commitValue();
                return null;
            });
            app.fire("#aphasia-telephone-run");
            app.waitFor(() -> !app.button("#aphasia-telephone-run").isDisabled(), 300_000, "telephone");
            for (int i = 0; i < Integer.parseInt(System.getProperty("chain", "0")); i++) {
                app.fire("#aphasia-telephone-next");
            }
            LabShots.shot(app, out.resolve("telephone-" + tag + ".png"));
            System.exit(0);
        }
        int n = 0;
        java.util.Set<javafx.scene.Node> panes = HeadlessApp.onFx(() -> app.scene.getRoot().lookupAll(".tab-pane"));
        for (javafx.scene.Node node : panes) {
            TabPane tabs = (TabPane) node;
            for (Tab t : tabs.getTabs()) {
                HeadlessApp.onFx(() -> {
                    tabs.getSelectionModel().select(t);
                    return null;
                });
                Thread.sleep(500);
                LabShots.shot(app, out.resolve(workspace + "-" + (n++) + "-" + tag + ".png"));
            }
        }
        LabShots.shot(app, out.resolve(workspace + "-" + tag + ".png"));
        System.exit(0);
    }

    static void selectTab(HeadlessApp app, String id) throws Exception {
        HeadlessApp.onFx(() -> {
            for (javafx.scene.Node node : app.scene.getRoot().lookupAll(".tab-pane")) {
                for (Tab t : ((TabPane) node).getTabs()) {
                    if (id.equals(t.getId())) {
                        ((TabPane) node).getSelectionModel().select(t);
                    }
                }
            }
            return null;
        });
        Thread.sleep(300);
    }
}
