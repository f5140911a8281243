package org.reflectlab.ui.aphasia;

import java.util.ArrayList;
import java.util.List;
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
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;
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
        Button clear = AphasiaView.button("aphasia.browser.all-button");
        clear.setId("aphasia-clear-filter");
        clear.setOnAction(e -> vm.scenes().setFilter(null));
        clear.disableProperty().bind(vm.scenes().filterProperty().isNull());
        filterLabel.textProperty().bind(vm.scenes().browserTitleProperty());
        Label title = new Label();
        title.textProperty().bind(I18n.text("aphasia.browser.title"));
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.ComboBox<Metric> sort = new javafx.scene.control.ComboBox<>();
        sort.setId("aphasia-sort");
        sort.getItems().add(null);
        sort.getItems().addAll(METRICS.stream().filter(Metric::isAttribute).toList());
        sort.setConverter(sortNames());
        // a new converter makes the box draw its items again in the new language; the rows and the scene are drawn again too
        I18n.localeProperty().addListener((o, a, l) -> {
            sort.setConverter(sortNames());
            sort.getButtonCell().setText(SceneBrowser.sortLabel(sort.getValue()));
            list.refresh();
            showSample(vm.scenes().selectedProperty().get());
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
        sort.setTooltip(AphasiaView.tooltip("aphasia.browser.sort.tooltip"));
        Label sortLabel = new Label();
        sortLabel.textProperty().bind(I18n.text("aphasia.browser.sort"));
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
        // the caption is the model's own English words, said in the current language (as it is when it does not parse)
        ModelWords.Text said = ModelWords.caption(s.readCaption());
        readCaption.setText(I18n.tr(s.parsed() ? "aphasia.scene.read" : "aphasia.scene.unparsed", s.readCaption().isEmpty()
                ? I18n.tr("aphasia.scene.nothing") : said));
        trueCaption.setText(I18n.tr("aphasia.scene.true", ModelWords.caption(s.trueCaption())));
        ModelWords.originalTooltip(readCaption, said);
        VBox captionBox = new VBox(6, AphasiaView.imageTitle(I18n.tr("aphasia.scene.caption-title")), readCaption, trueCaption);
        captionBox.setPrefWidth(200);
        images.getChildren().addAll(picture(I18n.tr("aphasia.scene.original", s.index()), s.original()),
                picture(I18n.tr("aphasia.scene.visual", s.psnr()[Route.VISUAL.ordinal()]), s.visual()),
                captionBox,
                picture(I18n.tr("aphasia.scene.textual", s.psnr()[Route.TEXTUAL.ordinal()]), s.textual()),
                overlay(I18n.tr("aphasia.scene.overlay.visual"), s, s.visual()),
                overlay(I18n.tr("aphasia.scene.overlay.textual"), s, s.textual()));
        fine.setText(FineDetail.describe(s));
        verdicts.setText(String.join("\n", verdict("aphasia.series.visual", s, Route.VISUAL), verdict("aphasia.series.textual", s, Route.TEXTUAL),
                verdict("aphasia.series.original", s, Route.ORIGINAL)));
    }

    /** One route's verdict, its lines after the first indented under it. */
    private static String verdict(String routeKey, SampleOutcome s, Route route) {
        return I18n.tr("aphasia.verdict.route", I18n.tr(routeKey), SceneBrowser.verdict(s, route).replace("\n", "\n      "));
    }


    /** Where a route moved things: aligned pixels grey-white, what moved fringed in cyan and red. */
    private static Node overlay(String title, SampleOutcome s, RgbImage reconstruction) {
        Label t = AphasiaView.imageTitle(title);
        t.setWrapText(true);
        t.setMaxWidth(160);
        t.setMinHeight(Region.USE_PREF_SIZE);
        ImageView view = new ImageView(Images.toFx(FineDetail.overlay(s.original(), reconstruction), 5));
        view.getStyleClass().add("fine-overlay");
        Tooltip.install(view, new Tooltip(I18n.tr("aphasia.scene.overlay.tooltip", FineDetail.shifts(s, reconstruction))));
        return new VBox(4, t, view);
    }

    private static javafx.util.StringConverter<Metric> sortNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Metric m) {
                return SceneBrowser.sortLabel(m);
            }

            @Override
            public Metric fromString(String text) {
                return null;
            }
        };
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
            Label text = new Label(I18n.tr("aphasia.browser.row", s.index(), key == null ? I18n.tr("aphasia.browser.gap")
                    : SceneBrowser.sortLabel(key), SceneBrowser.sortKey(s, key), ModelWords.caption(s.readCaption())));
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
