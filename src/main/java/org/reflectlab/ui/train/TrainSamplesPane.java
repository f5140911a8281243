package org.reflectlab.ui.train;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Images;

/** The held-out samples of a run: input, reconstruction and the image drawn from the true caption, with what the model read. */
final class TrainSamplesPane extends ScrollPane {

    TrainSamplesPane(ObservableValue<SamplePanel> samples) {
        // cells flow into as many columns as fit: on a narrow window they wrap instead of needing a sideways scroll
        FlowPane grid = new FlowPane(8, 4);
        grid.setId("sample-panel");
        Label title = new Label();
        title.textProperty().bind(I18n.text("train.samples.title"));
        title.getStyleClass().add("section-title");
        title.setWrapText(true); // a narrow window wraps the title rather than cutting it
        Label empty = new Label();
        empty.textProperty().bind(I18n.text("train.samples.empty"));
        empty.getStyleClass().add("muted");
        VBox box = new VBox(6, title, empty, grid);
        samples.addListener((o, a, p) -> {
            grid.getChildren().clear();
            empty.setVisible(p == null);
            empty.setManaged(p == null);
            if (p != null) {
                fill(grid, p);
            }
        });
        setContent(box);
        setId("sample-scroll");
        setFitToWidth(true);
        setPrefHeight(230);
        setMinHeight(150);
    }

    private static void fill(FlowPane grid, SamplePanel p) {
        for (int i = 0; i < p.inputs().size(); i++) {
            HBox images = new HBox(3, crisp(p.inputs().get(i)), crisp(p.reconstructions().get(i)), crisp(p.generated().get(i)));
            String read = p.readCaptions().get(i);
            boolean right = read.equals(p.trueCaptions().get(i));
            // what the model read is its own English vocabulary: shown as written, only the frame is translated
            Label caption = new Label();
            caption.textProperty().bind(I18n.text(right ? "train.samples.right" : "train.samples.wrong",
                    read.isEmpty() ? new I18n.Message("train.samples.nothing") : read));
            caption.setWrapText(true);
            caption.setMaxWidth(3 * 66);
            caption.getStyleClass().add(right ? "caption-right" : "caption-wrong");
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(I18n.text("train.samples.tooltip", read, p.trueCaptions().get(i)));
            caption.setTooltip(tip);
            VBox cell = new VBox(2, images, caption);
            grid.getChildren().add(cell);
        }
    }

    private static ImageView crisp(RgbImage img) {
        return new ImageView(Images.toFx(img, Math.max(1, 64 / img.width())));
    }
}
