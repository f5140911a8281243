package org.reflectlab.ui.shell;

import org.reflectlab.ui.kit.I18n;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * What a workspace shows while its view is built the first time (a few seconds for the heavier
 * ones): its name, what it is for, and "loading...". Shown at once on a click, so the click is
 * answered before the build takes the FX thread.
 */
final class WorkspaceSkeleton extends VBox {

    static final String ID = "workspace-skeleton";

    WorkspaceSkeleton(Workspace w) {
        super(10);
        setId(ID);
        getStyleClass().add("workspace-skeleton");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));
        Label title = new Label();
        title.textProperty().bind(I18n.text(w.titleKey()));
        title.getStyleClass().add("section-title");
        Label hint = new Label();
        hint.textProperty().bind(I18n.text(w.hintKey()));
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label loading = new Label();
        loading.textProperty().bind(I18n.text("shell.loading"));
        loading.setId("workspace-loading");
        loading.getStyleClass().add("muted");
        getChildren().addAll(title, hint, spinner, loading);
    }

    /**
     * Runs {@code work} once the FX thread has drawn {@code frames} more frames: work that blocks the
     * thread then starts only after the change that announces it is on screen.
     */
    static void afterFrames(int frames, Runnable work) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen > frames) {
                    stop();
                    work.run();
                }
            }
        }.start();
    }
}
