package org.reflectlab.ui.aphasia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.Route;
import org.reflectlab.core.aphasia.SampleOutcome;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.ui.kit.Images;

/**
 * The Aphasia workspace's scene browser: the scenes (filtered by a clicked bar, sorted by the
 * chosen attribute's gap) and the selected one through both routes, with overlays that show
 * where each route moved the objects, and the judge's verdicts.
 */
final class ScenesPane extends VBox {

    private static final List<Metric> METRICS = AphasiaView.METRICS;

    private final AphasiaViewModel vm;
    private final ListView<SampleOutcome> list = new ListView<>();
    private final Label filterLabel = new Label();
    private final javafx.scene.layout.FlowPane images = new javafx.scene.layout.FlowPane(12, 8);
    private final Label fine = new Label();
    private final Label readCaption = new Label();
    private final Label trueCaption = new Label();
    private final Label verdicts = new Label();

    ScenesPane(AphasiaViewModel vm) {
        super(6);
        this.vm = vm;
        list.setId("aphasia-browser");
        list.getStyleClass().add("sample-list");
        list.setItems(vm.scenes().browser());
        list.setPrefWidth(390);
        list.setMinWidth(390);
        list.setMinHeight(120);
        list.setCellFactory(v -> new SampleCell(vm.scenes().sortByProperty()));
        vm.scenes().sortByProperty().addListener((o, a, b) -> list.refresh());
        filterLabel.setId("aphasia-filter");
        filterLabel.getStyleClass().add("muted");
        Button clear = new Button("Show all");
        clear.setId("aphasia-clear-filter");
        clear.setOnAction(e -> vm.scenes().setFilter(null));
        clear.disableProperty().bind(vm.scenes().filterProperty().isNull());
        filterLabel.textProperty().bind(vm.scenes().browserTitleProperty());
        Label title = new Label("Scenes");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.ComboBox<Metric> sort = new javafx.scene.control.ComboBox<>();
        sort.setId("aphasia-sort");
        sort.getItems().add(null);
        sort.getItems().addAll(METRICS.stream().filter(Metric::isAttribute).toList());
        sort.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Metric m) {
                return SceneBrowser.sortLabel(m);
            }

            @Override
            public Metric fromString(String text) {
                return null;
            }
        });
        sort.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Metric m, boolean empty) {
                super.updateItem(m, empty);
                setText(SceneBrowser.sortLabel(m));
            }
        });
        sort.setValue(vm.scenes().sortByProperty().get());
        sort.valueProperty().addListener((o, a, m) -> {
            if (m != vm.scenes().sortByProperty().get()) {
                vm.scenes().setSortBy(m);
            }
        });
        vm.scenes().sortByProperty().addListener((o, a, m) -> sort.setValue(m));
        sort.setTooltip(new Tooltip("Sort the scenes by how much the textual route lost on this attribute"));
        Label sortLabel = new Label("sort by");
        sortLabel.getStyleClass().add("muted");
        sortLabel.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        filterLabel.setWrapText(true);
        filterLabel.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(filterLabel, Priority.ALWAYS);
        HBox head = new HBox(8, title, sortLabel, sort, clear, filterLabel);
        head.setAlignment(Pos.CENTER_LEFT);
        readCaption.setId("aphasia-read-caption");
        readCaption.setWrapText(true);
        readCaption.getStyleClass().add("caption-read");
        readCaption.setMaxWidth(200);
        trueCaption.setWrapText(true);
        trueCaption.getStyleClass().add("muted");
        trueCaption.setMaxWidth(200);
        verdicts.setId("aphasia-verdicts");
        verdicts.getStyleClass().add("verdict");
        org.reflectlab.ui.kit.Fit.wrapped(verdicts);
        images.setAlignment(Pos.TOP_LEFT);
        fine.setId("aphasia-fine");
        fine.setWrapText(true);
        fine.getStyleClass().add("muted");
        fine.setMinHeight(Region.USE_PREF_SIZE);
        VBox detail = new VBox(8, images, fine, verdicts);
        detail.getStyleClass().add("panel-card");
        // the scene's images, overlays and verdicts scroll when the window is short; none is cut
        javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setId("aphasia-detail");
        HBox.setHgrow(detailScroll, Priority.ALWAYS);
        HBox body = new HBox(10, list, detailScroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        vm.scenes().selectedProperty().addListener((o, a, s) -> showSample(s));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.scenes().select(s);
            }
        });
    }

    private void showSample(SampleOutcome s) {
        images.getChildren().clear();
        if (s == null) {
            verdicts.setText("");
            fine.setText("");
            return;
        }
        if (list.getSelectionModel().getSelectedItem() != s) {
            list.getSelectionModel().select(s);
            list.scrollTo(s);
        }
        readCaption.setText("“" + (s.readCaption().isEmpty() ? "(nothing)" : s.readCaption()) + "”"
                + (s.parsed() ? "" : "\n(does not parse: the textual route draws nothing)"));
        trueCaption.setText("true: " + s.trueCaption());
        VBox captionBox = new VBox(6, AphasiaView.imageTitle("Caption the model read"), readCaption, trueCaption);
        captionBox.setPrefWidth(200);
        images.getChildren().addAll(picture("Original #" + s.index(), s.original()),
                picture(String.format(Locale.ROOT, "Visual · %.1f dB", s.psnr()[Route.VISUAL.ordinal()]), s.visual()),
                captionBox,
                picture(String.format(Locale.ROOT, "Textual · %.1f dB", s.psnr()[Route.TEXTUAL.ordinal()]), s.textual()),
                overlay("Original (cyan) vs visual (red)", s, s.visual()),
                overlay("Original (cyan) vs textual (red)", s, s.textual()));
        fine.setText(FineDetail.describe(s));
        verdicts.setText("visual   " + SceneBrowser.verdict(s, Route.VISUAL).replace("\n", "\n         ")
                + "\ntextual  " + SceneBrowser.verdict(s, Route.TEXTUAL).replace("\n", "\n         ")
                + "\noriginal " + SceneBrowser.verdict(s, Route.ORIGINAL).replace("\n", "\n         "));
    }


    /** Where a route moved things: aligned pixels grey-white, what moved fringed in cyan and red. */
    private static Node overlay(String title, SampleOutcome s, RgbImage reconstruction) {
        Label t = AphasiaView.imageTitle(title);
        t.setWrapText(true);
        t.setMaxWidth(160);
        t.setMinHeight(Region.USE_PREF_SIZE);
        ImageView view = new ImageView(Images.toFx(FineDetail.overlay(s.original(), reconstruction), 5));
        view.getStyleClass().add("fine-overlay");
        Tooltip.install(view, new Tooltip("Grey-white: the object is where it was. A cyan edge on one side and a red edge on the other: "
                + "the route moved it (fine position lost). Centroid shifts: " + FineDetail.shifts(s, reconstruction)));
        return new VBox(4, t, view);
    }

    private static Node picture(String title, RgbImage img) {
        return new VBox(4, AphasiaView.imageTitle(title), new ImageView(Images.toFx(img, 5)));
    }

    /** A browser row: original, visual and textual thumbnails and the scene's gap. */
    private static final class SampleCell extends ListCell<SampleOutcome> {
        private final javafx.beans.value.ObservableValue<Metric> sortKey;

        SampleCell(javafx.beans.value.ObservableValue<Metric> sortKey) {
            this.sortKey = sortKey;
        }

        @Override
        protected void updateItem(SampleOutcome s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            List<Node> row = new ArrayList<>();
            for (RgbImage img : List.of(s.original(), s.visual(), s.textual())) {
                row.add(new ImageView(Images.toFx(img, 2)));
            }
            Metric key = sortKey.getValue();
            Label text = new Label(String.format(Locale.ROOT, "#%d  %s %+.2f%n%s", s.index(), key == null ? "gap" : key.label() + " gap",
                    SceneBrowser.sortKey(s, key), s.readCaption()));
            text.setWrapText(true);
            text.setMaxWidth(150);
            text.setMinWidth(150);
            text.getStyleClass().add("muted");
            row.add(text);
            HBox box = new HBox(4);
            box.getChildren().addAll(row);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
            setPrefWidth(0); // wrap inside the list's width instead of scrolling sideways
        }
    }
}
