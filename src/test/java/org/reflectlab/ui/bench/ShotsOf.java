package org.reflectlab.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.reflectlab.ui.shell.Workspaces;

/**
 * Screenshots of one workspace in the real main window with the shipped models, every tab, after an optional
 * action, for looking at (not a test): {@code java ... ShotsOf OUT_DIR WIDTH HEIGHT WORKSPACE [telephone|predict|after-predict]} under
 * Xvfb with -Dglass.platform=gtk.
 */
public final class ShotsOf {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        String workspace = args[3];
        Files.createDirectories(out);
        HeadlessApp app = HeadlessApp.sizedWindow(w, h, "shots");
        if (HeadlessApp.onFx(() -> app.shell.selectedProperty().get().id().equals(workspace))) {
            // the first workspace is already selected: open another first, so selecting it builds and shows it
            app.select(Workspaces.all().stream().filter(x -> !x.id().equals(workspace)).reduce((x, y) -> y).orElseThrow());
        }
        app.select(Workspaces.all().stream().filter(x -> x.id().equals(workspace)).findFirst().orElseThrow());
        Thread.sleep(1000);
        app.waitFor(() -> app.runner.tasks().isEmpty(), 600_000, "the workspace's loading"); // models load slowly on a busy machine
        Thread.sleep(2000);
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
        if (args.length > 4 && args[4].equals("predict")) {
            predict(app, workspace);
            LabShots.shot(app, out.resolve(workspace + "-predict-" + tag + ".png"));
            System.exit(0);
        }
        if (args.length > 4 && args[4].equals("compare")) {
            // Scaling's Compare K for its first prompt, then every tab
            app.fire("#compare-run");
            Thread.sleep(1000);
            app.waitFor(() -> app.runner.tasks().isEmpty(), 1_800_000, "Compare K");
        }
        if (args.length > 4 && args[4].equals("after-predict")) {
            predict(app, workspace); // then every tab, as the run left them
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

    /** Predict, then reveal, as a learner would: a guess typed, the run (or Reveal) pressed. */
    private static void predict(HeadlessApp app, String workspace) throws Exception {
        long wait = 1_800_000;
        switch (workspace) {
            case "reflect" -> {
                app.waitFor(() -> !app.button("#run").isDisabled(), wait, "the models");
                HeadlessApp.onFx(() -> {
                    ((javafx.scene.control.Spinner<?>) app.scene.lookup("#k")).getEditor().setText("6");
                    ((javafx.scene.control.Spinner<?>) app.scene.lookup("#k")).commitValue();
                    ((javafx.scene.control.TextInputControl) app.scene.lookup("#prompt")).setText(System.getProperty("prompt",
                            "a yellow triangle above a green square"));
                    return null;
                });
                selectTab(app, "tab-predict");
                HeadlessApp.onFx(() -> {
                    ((javafx.scene.control.TextInputControl) app.scene.lookup("#predict-fix")).setText(System.getProperty("guess", "2"));
                    return null;
                });
                app.fire("#run");
                app.waitFor(() -> !app.button("#run").isDisabled(), wait, "the run");
            }
            case "world" -> {
                app.waitFor(() -> !app.button("#world-export-png").isDisabled(), wait, "the rollout");
                HeadlessApp.onFx(() -> {
                    ((javafx.scene.control.TextInputControl) app.scene.lookup("#world-predict-xy")).setText(System.getProperty("guess",
                            "0.30, 0.70"));
                    return null;
                });
                app.fire("#world-predict-reveal");
            }
            case "scaling" -> {
                app.waitFor(() -> !app.button("#sweep-run").isDisabled(), wait, "the models");
                HeadlessApp.onFx(() -> {
                    ((javafx.scene.control.TextInputControl) app.scene.lookup("#k-list")).setText("1,2,4,8");
                    javafx.scene.control.Spinner<?> prompts = (javafx.scene.control.Spinner<?>) app.scene.lookup("#prompts-per-category");
                    prompts.getEditor().setText("1");
                    prompts.commitValue();
                    ((javafx.scene.control.CheckBox) app.scene.lookup("#method-ttt")).setSelected(false);
                    ((javafx.scene.control.TextInputControl) app.scene.lookup("#sweep-name")).setText("predicted");
                    ((javafx.scene.control.TextInputControl) app.scene.lookup("#predict-curve")).setText(System.getProperty("guess",
                            "1: 0.40, 2: 0.50, 4: 0.60, 8: 0.70"));
                    return null;
                });
                app.fire("#sweep-run");
                Thread.sleep(1000);
                app.waitFor(() -> !app.button("#sweep-run").isDisabled(), wait, "the sweep");
            }
            case "aphasia" -> {
                app.waitFor(() -> app.runner.tasks().isEmpty() && !app.button("#aphasia-run").isDisabled(), wait, "the models");
                HeadlessApp.onFx(() -> {
                    javafx.scene.control.Spinner<?> samples = (javafx.scene.control.Spinner<?>) app.scene.lookup("#aphasia-samples");
                    samples.getEditor().setText(System.getProperty("samples", "60"));
                    samples.commitValue();
                    return null;
                });
                app.fire("#aphasia-run");
                Thread.sleep(1000);
                app.waitFor(() -> app.runner.tasks().isEmpty(), wait, "the run");
            }
            case "concepts" -> {
                // every panel's Run, one after another (the last result of each stays on its tab)
                for (String panel : System.getProperty("panels", "tokens,vq,attention,losses,quiz").split(",")) {
                    app.waitFor(() -> app.runner.tasks().isEmpty(), wait, "the panel before");
                    app.fire("#concepts-run-" + panel);
                    Thread.sleep(500);
                }
                app.waitFor(() -> app.runner.tasks().isEmpty(), wait, "the last panel");
            }
            case "train" -> { // no prediction: a run of the default (quick) preset, paused after -DtrainSeconds
                app.fire("#start");
                Thread.sleep(1000L * Integer.getInteger("trainSeconds", 90));
                app.fire("#pause");
            }
            case "serving" -> { // no prediction: a flood of requests on the embedded node, the charts as it leaves them
                app.waitFor(() -> !app.button("#serving-flood").isDisabled(), wait, "the serving node");
                app.fire("#serving-flood");
                Thread.sleep(3000);
            }
            default -> throw new IllegalArgumentException("no prediction in " + workspace);
        }
        Thread.sleep(1500);
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
