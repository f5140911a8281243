package org.reflectlab.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.ui.shell.Workspaces;

/**
 * Screenshots of the Reflect labs in the real main window with the shipped models, for looking
 * at (not a test): {@code java ... LabShots OUT_DIR WIDTH HEIGHT} under Xvfb with -Dglass.platform=gtk.
 */
public final class LabShots {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        HeadlessApp app = HeadlessApp.sizedWindow(w, h, "labshots");
        app.select(Workspaces.all().stream().filter(x -> x.id().equals("reflect")).findFirst().orElseThrow());
        app.waitFor(() -> !app.button("#run").isDisabled(), 120_000, "models");
        HeadlessApp.onFx(() -> {
            ((TextField) app.scene.lookup("#prompt")).setText("a yellow triangle above a green square");
            return null;
        });
        app.fire("#run");
        app.waitFor(() -> !app.button("#run").isDisabled(), 300_000, "the run");
        String tag = w + "x" + h;
        shot(app, out.resolve("reflect-" + tag + ".png"));
        tab(app, "tab-critic");
        HeadlessApp.onFx(() -> {
            ((javafx.scene.control.Slider) app.scene.lookup("#scrub")).setValue(1);
            return null;
        });
        Thread.sleep(300);
        shot(app, out.resolve("critic-before-" + tag + ".png"));
        for (String preset : new String[] {"#preset-none", "#preset-other-prompt", "#preset-critic", "#preset-wrong"}) {
            app.fire(preset);
            app.fire("#rerun");
            app.waitFor(() -> !app.button("#rerun").isDisabled(), 300_000, "the re-run");
        }
        shot(app, out.resolve("critic-" + tag + ".png"));
        HeadlessApp.onFx(() -> {
            ((TextField) app.scene.lookup("#critic-words")).setText("the triangle should be yelow");
            return null;
        });
        shot(app, out.resolve("critic-typo-" + tag + ".png"));
        app.fire("#critic-words-fix");
        shot(app, out.resolve("critic-fixed-" + tag + ".png"));
        tab(app, "tab-budget");
        HeadlessApp.onFx(() -> {
            javafx.scene.control.Slider s = (javafx.scene.control.Slider) app.scene.lookup("#budget-slider");
            s.setValue(s.getMin() * 6);
            return null;
        });
        app.fire("#budget-run");
        app.waitFor(() -> !app.button("#budget-run").isDisabled(), 300_000, "the budget run");
        shot(app, out.resolve("budget-" + tag + ".png"));
        tab(app, "tab-readers");
        app.fire("#readers-only");
        app.fire("#readers-next");
        shot(app, out.resolve("readers-" + tag + ".png"));
        app.close(() -> { });
        System.exit(0);
    }

    static void tab(HeadlessApp app, String id) throws Exception {
        HeadlessApp.onFx(() -> {
            TabPane tabs = (TabPane) app.scene.lookup("#reflect-labs");
            for (Tab t : tabs.getTabs()) {
                if (id.equals(t.getId())) {
                    tabs.getSelectionModel().select(t);
                }
            }
            return null;
        });
        Thread.sleep(300);
    }

    static void shot(HeadlessApp app, Path file) throws Exception {
        var img = HeadlessApp.onFx(() -> SwingFXUtils.fromFXImage(app.scene.snapshot(null), null));
        ImageGrid.writePng(img, file);
        System.out.println("wrote " + file);
    }
}
