package org.reflectlab.ui.data;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.reflectlab.core.data.ParseError;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Localized;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.Keymap;
import org.reflectlab.ui.kit.WaveformView;

/** The Data workspace: bindings to {@link DataViewModel} and nothing else. */
public final class DataView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    /** Every key of the workspace, bound in the constructor and listed by F1. */
    public static final Keymap<DataView> KEYS = Keymap.<DataView>of("data.keys.title")
            .accelerator("Shortcut+R", "data.keys.reseed", v -> v.vm.reseed())
            .accelerator("Shortcut+L", "data.keys.caption", v -> v.captionField.requestFocus())
            .accelerator("Shortcut+E", "data.keys.export", DataView::export);

    private static final double CELL = SampleCard.THUMB_BOX + 16;
    private static final int LONG_CAPTION = 54;

    private final DataViewModel vm;
    private final TextField captionField = new TextField();
    private final ObjectProperty<Integer> seedObject;

    public DataView(DataViewModel vm) {
        this.vm = vm;
        getStyleClass().add("data-view");
        getStylesheets().add(DataView.class.getResource("data.css").toExternalForm());
        seedObject = vm.seedProperty().asObject();
        setTop(toolbar());
        SplitPane split = new SplitPane(grid(), sidePanel());
        split.setDividerPositions(0.64);
        setCenter(split);
        KEYS.bind(this, this);
        if (vm.samples().isEmpty()) {
            vm.refresh();
        }
    }

    private javafx.scene.layout.FlowPane toolbar() {
        Spinner<Integer> seed = new Spinner<>();
        seed.setId("seed");
        seed.setEditable(true);
        seed.setPrefWidth(110);
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, DataViewModel.MAX_SEED, vm.seedProperty().get());
        seed.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(seedObject);
        seed.setTooltip(tooltip("data.seed.tooltip"));

        Button reseed = new Button();
        reseed.textProperty().bind(I18n.text("data.reseed"));
        reseed.setId("reseed");
        reseed.setOnAction(e -> vm.reseed());
        reseed.setTooltip(tooltip("data.reseed.tooltip", Keymap.display("Shortcut+R")));

        ComboBox<Integer> count = new ComboBox<>();
        count.setId("count");
        count.getItems().setAll(DataViewModel.COUNTS);
        count.setValue(vm.countProperty().get());
        count.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.countProperty().set(b);
            }
        });

        ComboBox<CategoryFilter> category = new ComboBox<>();
        category.setId("category");
        category.getItems().setAll(CategoryFilter.choices());
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        category.setConverter(CategoryFilter.names());
        // a new converter makes the box draw its items and its value again, in the new language
        I18n.localeProperty().addListener((o, a, l) -> category.setConverter(CategoryFilter.names()));

        ComboBox<Integer> size = new ComboBox<>();
        size.setId("image-size");
        size.getItems().setAll(DataViewModel.SIZES);
        size.setValue(vm.imageSizeProperty().get());
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.imageSizeProperty().set(b);
            }
        });
        size.setTooltip(tooltip("data.pixels.tooltip"));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());

        Button export = new Button();
        export.textProperty().bind(I18n.text("data.export"));
        export.setId("export-grid");
        export.disableProperty().bind(vm.exportingProperty().or(Bindings.isEmpty(vm.samples())));
        export.setOnAction(e -> export());
        export.setTooltip(tooltip("data.export.tooltip", Keymap.display("Shortcut+E")));

        return Fit.toolbar(label("data.seed"), seed, reseed, gap(), label("data.count"), count, gap(),
                label("data.category"), category, gap(), label("data.pixels"), size, busy, gap(), export);
    }

    private GridView<SampleCard> grid() {
        GridView<SampleCard> grid = new GridView<>();
        grid.setId("sample-grid");
        grid.setCellWidth(CELL);
        grid.setCellHeight(CELL + 70);
        grid.setHorizontalCellSpacing(8);
        grid.setVerticalCellSpacing(8);
        grid.setCellFactory(g -> new SampleCell());
        grid.setItems(vm.samples());
        return grid;
    }

    /** One card: the image, pixel-crisp, and its caption. */
    private final class SampleCell extends GridCell<SampleCard> {
        private final ImageView image = new ImageView();
        private final Label caption = new Label();
        private final VBox box = new VBox(4, image, caption);
        /** One tooltip per cell, its text made when it shows: a new Tooltip (a popup window) and its formatted text per
         *  update cost the FX thread more than the rest of the cell's update, 24 cells per reseed. */
        private final Tooltip tip = new Tooltip();

        SampleCell() {
            getStyleClass().add("sample-card");
            caption.setWrapText(true);
            caption.getStyleClass().add("sample-caption");
            caption.setMaxWidth(CELL);
            box.setAlignment(Pos.TOP_CENTER);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    vm.selectedProperty().set(getItem());
                }
            });
            vm.selectedProperty().addListener((o, a, b) -> pseudoClassStateChanged(SELECTED, b != null && b == getItem()));
            tip.setOnShowing(e -> {
                SampleCard item = getItem();
                if (item != null) {
                    tip.setText(I18n.tr("data.card.tooltip", CategoryFilter.label(item.sample().category()),
                            item.sample().description().text()));
                }
            });
            // the card stays in the cell, hidden while the cell is empty: a new seed empties and fills every cell, and a
            // graphic taken out of the scene and put back has its CSS looked up again from scratch (24 cards per reseed)
            box.setVisible(false);
            setGraphic(box);
        }

        @Override
        protected void updateItem(SampleCard item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                box.setVisible(false);
                setTooltip(null);
                return;
            }
            image.setImage(item.thumbnail());
            String text = item.sample().caption().text();
            caption.setText(text);
            // three-object descriptions run to 100 characters: a smaller size keeps all of it on the card (a pseudo-class: set
            // unchanged, it costs no CSS look-up, where a style class removed and added again did)
            caption.pseudoClassStateChanged(LONG, text.length() > LONG_CAPTION);
            tip.setText(text); // never empty; the full text replaces it as the tooltip shows
            setTooltip(tip);
            pseudoClassStateChanged(SELECTED, item == vm.selectedProperty().get());
            box.setVisible(true);
        }
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("chosen");
    private static final javafx.css.PseudoClass LONG = javafx.css.PseudoClass.getPseudoClass("long-caption");

    private ScrollPane sidePanel() {
        VBox panel = new VBox(10, captionSection(), sampleSection());
        panel.getStyleClass().add("side-panel");
        panel.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(300);
        return scroll;
    }

    private VBox captionSection() {
        Label title = new Label();
        title.textProperty().bind(I18n.text("data.caption.title"));
        title.getStyleClass().add("section-title");
        captionField.setId("caption-input");
        captionField.promptTextProperty().bind(I18n.text("data.caption.prompt"));
        captionField.textProperty().bindBidirectional(vm.caption().textProperty());

        Label message = new Label();
        message.setId("caption-message");
        message.setWrapText(true);
        message.getStyleClass().add("error-text");
        message.textProperty().bind(Bindings.createStringBinding(
                () -> org.reflectlab.ui.kit.ModelWords.parseError(vm.caption().errorProperty().get()),
                vm.caption().errorProperty(), I18n.localeProperty()));
        Hyperlink fix = new Hyperlink();
        fix.setId("caption-fix");
        fix.textProperty().bind(Bindings.createStringBinding(() -> {
            ParseError e = vm.caption().errorProperty().get();
            return e == null || e.suggestion() == null ? "" : I18n.tr("data.caption.use", e.suggestion());
        }, vm.caption().errorProperty(), I18n.localeProperty()));
        fix.visibleProperty().bind(fix.textProperty().isNotEmpty());
        fix.managedProperty().bind(fix.visibleProperty());
        fix.setOnAction(e -> {
            vm.caption().applySuggestion();
            captionField.requestFocus();
            captionField.end();
        });
        VBox messageBox = new VBox(0, message, fix);
        messageBox.visibleProperty().bind(vm.caption().errorProperty().isNotNull());
        messageBox.managedProperty().bind(messageBox.visibleProperty());

        Label summary = new Label();
        summary.setId("caption-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.caption().summaryProperty());

        ImageView preview = new ImageView();
        preview.setId("caption-image");
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(I18n.text(() -> I18n.tr(vm.caption().errorProperty().get() != null
                ? "data.caption.fix-first" : "data.caption.empty"), vm.caption().errorProperty()));
        placeholder.visibleProperty().bind(vm.caption().imageProperty().isNull());
        vm.caption().imageProperty().addListener((o, a, img) -> preview.setImage(img == null ? null : Images.toFx(img, Images.scaleToFit(img, 224))));
        StackPane frame = new StackPane(preview, placeholder);
        frame.getStyleClass().add("image-frame");
        frame.setPrefSize(232, 232);
        frame.setMaxSize(232, 232);

        VBox box = new VBox(6, title, captionField, messageBox, summary, frame);
        box.getStyleClass().add("card");
        return box;
    }

    private VBox sampleSection() {
        Label title = new Label();
        title.textProperty().bind(I18n.text("data.selected.title"));
        title.getStyleClass().add("section-title");
        ImageView image = new ImageView();
        image.setId("selected-image");
        Label caption = new Label();
        caption.setId("selected-caption");
        caption.getStyleClass().add("strong");
        caption.setWrapText(true);
        Label category = new Label();
        category.getStyleClass().add("chip");
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add("muted");
        GridPane objects = new GridPane();
        objects.getStyleClass().add("object-table");
        objects.setHgap(10);
        objects.setVgap(2);
        WaveformView wave = new WaveformView();
        Button play = new Button();
        play.textProperty().bind(I18n.text("data.sound.play"));
        play.setId("play-sound");
        play.setOnAction(e -> vm.playSelected());
        play.disableProperty().bind(vm.selectedAudioProperty().isNull());
        Label soundNote = new Label();
        soundNote.textProperty().bind(I18n.text("data.sound.note"));
        soundNote.setWrapText(true);
        soundNote.getStyleClass().add("muted");
        Label soundProblem = new Label();
        soundProblem.setId("sound-problem");
        soundProblem.getStyleClass().add("error-text");
        soundProblem.setWrapText(true);
        soundProblem.setMinHeight(Region.USE_PREF_SIZE);
        soundProblem.textProperty().bind(vm.soundProblemProperty());
        soundProblem.visibleProperty().bind(soundProblem.textProperty().isNotEmpty());
        soundProblem.managedProperty().bind(soundProblem.visibleProperty());

        vm.selectedProperty().addListener((o, a, card) -> showSample(card, image, caption, category, description, objects));
        I18n.localeProperty().addListener((o, a, l) -> showSample(vm.selectedProperty().get(), image, caption, category, description,
                objects));
        vm.selectedAudioProperty().addListener((o, a, clip) -> wave.setClip(clip));
        Label fine = new Label();
        fine.textProperty().bind(I18n.text("data.selected.fine"));
        fine.setWrapText(true);
        fine.getStyleClass().add("muted");

        StackPane frame = new StackPane(image);
        frame.getStyleClass().add("image-frame");
        frame.setMaxWidth(200);
        VBox box = new VBox(6, title, frame, caption, category, description, objects, fine, wave,
                new HBox(8, play), soundProblem, soundNote);
        box.getStyleClass().add("card");
        return box;
    }

    /** The selected sample in the side panel (again after a language switch: the headings and category are words). */
    private static void showSample(SampleCard card, ImageView image, Label caption, Label category, Label description, GridPane objects) {
        objects.getChildren().clear();
        {
            if (card == null) {
                image.setImage(null);
                caption.setText("");
                category.setText("");
                description.setText("");
                return;
            }
            RgbImage img = card.image();
            image.setImage(Images.toFx(img, Images.scaleToFit(img, 192)));
            caption.setText(I18n.tr("data.selected.caption", card.sample().caption().text()));
            category.setText(CategoryFilter.label(card.sample().category()));
            description.setText(I18n.tr("data.selected.description", card.sample().description().text()));
            String[] head = {"data.table.object", "data.table.place", "data.table.offset", "data.table.hue", "data.table.rotation"};
            for (int c = 0; c < head.length; c++) {
                Label h = new Label(I18n.tr(head[c]));
                h.getStyleClass().add("table-head");
                objects.add(h, c, 0);
            }
            int row = 1;
            for (SceneObject so : card.sample().scene().objects()) {
                objects.addRow(row++, new Label(so.size().word() + " " + so.color().word() + " " + so.shape().word()),
                        new Label(so.cell().words()),
                        new Label(I18n.tr("data.table.offset.value", so.dx(), so.dy())),
                        new Label(I18n.tr("data.table.degrees", so.hueJitter())),
                        new Label(I18n.tr("data.table.degrees", so.rotation())));
            }
        }
    }

    private void export() {
        if (vm.samples().isEmpty() || getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.tr("data.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.tr("data.export.filter"), "*.png"));
        chooser.setInitialFileName("shapesworld-seed" + vm.seedProperty().get() + ".png");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.exportGrid(f.toPath());
        }
    }

    private static Label label(String key) {
        return Localized.toolbarLabel(key);
    }

    private static Region gap() {
        Region r = new Region();
        r.setPrefWidth(8);
        return r;
    }

    /** For tests and the shell: focus the caption box. */
    public TextField captionField() {
        return captionField;
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return new org.reflectlab.ui.kit.Notice(I18n.tr("data.notice.claim"), I18n.tr("data.notice.paper"),
                I18n.text("data.notice.measured", Bindings.size(vm.samples()), vm.seedProperty(),
                        I18n.text(() -> vm.categoryProperty().get().label(), vm.categoryProperty())),
                I18n.tr("data.notice.look-for"), null, null, java.util.List.of("GenEval-lite", "fine position"));
    }

    private static Tooltip tooltip(String key, Object... args) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.text(key, args));
        return t;
    }
}
