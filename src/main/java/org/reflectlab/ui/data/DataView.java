package org.reflectlab.ui.data;

import java.io.File;
import java.util.Locale;
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
import javafx.scene.layout.Priority;
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
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.Keymap;
import org.reflectlab.ui.kit.WaveformView;

/** The Data workspace: bindings to {@link DataViewModel} and nothing else. */
public final class DataView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    /** Every key of the workspace, bound in the constructor and listed by F1. */
    public static final Keymap<DataView> KEYS = Keymap.<DataView>of("Data")
            .accelerator("Shortcut+R", "new random seed", v -> v.vm.reseed())
            .accelerator("Shortcut+L", "type a caption", v -> v.captionField.requestFocus())
            .accelerator("Shortcut+E", "export the sample grid as PNG", DataView::export);

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
        seed.setTooltip(new Tooltip("Same seed, same samples, byte for byte"));

        Button reseed = new Button("New seed");
        reseed.setId("reseed");
        reseed.setOnAction(e -> vm.reseed());
        reseed.setTooltip(new Tooltip("Draw a new random seed (Ctrl+R)"));

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

        ComboBox<Integer> size = new ComboBox<>();
        size.setId("image-size");
        size.getItems().setAll(DataViewModel.SIZES);
        size.setValue(vm.imageSizeProperty().get());
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.imageSizeProperty().set(b);
            }
        });
        size.setTooltip(new Tooltip("Render resolution in pixels (models use 32)"));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());

        Button export = new Button("Export PNG…");
        export.setId("export-grid");
        export.disableProperty().bind(vm.exportingProperty().or(Bindings.isEmpty(vm.samples())));
        export.setOnAction(e -> export());
        export.setTooltip(new Tooltip("Save the grid as a PNG (Ctrl+E)"));

        return Fit.toolbar(label("Seed"), seed, reseed, gap(), label("Samples"), count, gap(),
                label("Category"), category, gap(), label("Pixels"), size, busy, gap(), export);
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
        }

        @Override
        protected void updateItem(SampleCard item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            image.setImage(item.thumbnail());
            String text = item.sample().caption().text();
            caption.setText(text);
            // three-object descriptions run to 100 characters: a smaller size keeps all of it on the card
            caption.getStyleClass().remove("long-caption");
            if (text.length() > LONG_CAPTION) {
                caption.getStyleClass().add("long-caption");
            }
            setTooltip(new Tooltip(item.sample().category().label() + "\n" + item.sample().description().text()));
            pseudoClassStateChanged(SELECTED, item == vm.selectedProperty().get());
            setGraphic(box);
        }
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("chosen");

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
        Label title = new Label("Render a caption");
        title.getStyleClass().add("section-title");
        captionField.setId("caption-input");
        captionField.setPromptText("a red circle left of a blue square");
        captionField.textProperty().bindBidirectional(vm.caption().textProperty());

        Label message = new Label();
        message.setId("caption-message");
        message.setWrapText(true);
        message.getStyleClass().add("error-text");
        message.textProperty().bind(Bindings.createStringBinding(
                () -> vm.caption().errorProperty().get() == null ? "" : vm.caption().errorProperty().get().message(),
                vm.caption().errorProperty()));
        Hyperlink fix = new Hyperlink();
        fix.setId("caption-fix");
        fix.textProperty().bind(Bindings.createStringBinding(() -> {
            ParseError e = vm.caption().errorProperty().get();
            return e == null || e.suggestion() == null ? "" : "Use '" + e.suggestion() + "'";
        }, vm.caption().errorProperty()));
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
        placeholder.textProperty().bind(Bindings.when(vm.caption().errorProperty().isNotNull())
                .then("Nothing rendered: fix the caption above.")
                .otherwise("Type a caption to see it drawn."));
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
        Label title = new Label("Selected sample");
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
        Button play = new Button("Play sound");
        play.setId("play-sound");
        play.setOnAction(e -> vm.playSelected());
        play.disableProperty().bind(vm.selectedAudioProperty().isNull());
        Label soundNote = new Label("One tone per object: waveform = shape, pitch = color, loudness = size, "
                + "onset = row, left/right = column.");
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

        vm.selectedProperty().addListener((o, a, card) -> {
            objects.getChildren().clear();
            if (card == null) {
                image.setImage(null);
                caption.setText("");
                category.setText("");
                description.setText("");
                return;
            }
            RgbImage img = card.image();
            image.setImage(Images.toFx(img, Images.scaleToFit(img, 192)));
            caption.setText("“" + card.sample().caption().text() + "”");
            category.setText(card.sample().category().label());
            description.setText("Full description: " + card.sample().description().text());
            String[] head = {"object", "place", "offset", "hue", "rotation"};
            for (int c = 0; c < head.length; c++) {
                Label h = new Label(head[c]);
                h.getStyleClass().add("table-head");
                objects.add(h, c, 0);
            }
            int row = 1;
            for (SceneObject so : card.sample().scene().objects()) {
                objects.addRow(row++, new Label(so.size().word() + " " + so.color().word() + " " + so.shape().word()),
                        new Label(so.cell().words()),
                        new Label(String.format(Locale.ROOT, "%+.2f, %+.2f", so.dx(), so.dy())),
                        new Label(String.format(Locale.ROOT, "%+.1f°", so.hueJitter())),
                        new Label(String.format(Locale.ROOT, "%+.1f°", so.rotation())));
            }
        });
        vm.selectedAudioProperty().addListener((o, a, clip) -> wave.setClip(clip));
        Label fine = new Label("Offset, hue and rotation are fine detail: no caption carries them.");
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

    private void export() {
        if (vm.samples().isEmpty() || getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export sample grid");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("shapesworld-seed" + vm.seedProperty().get() + ".png");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.exportGrid(f.toPath());
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("toolbar-label");
        return l;
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
        return new org.reflectlab.ui.kit.Notice(
                "Everything in this lab runs on ShapesWorld: seeded scenes of 1-3 shapes whose captions follow GenEval's six "
                        + "categories, so every score can be checked against the true scene.",
                "GenEval (Ghosh et al. 2023) scores text-to-image models on single object, two objects, counting, colors, position "
                        + "and color attribution; ShapesWorld mirrors those six categories at 32x32 pixels.",
                Bindings.createStringBinding(() -> vm.samples().size() + " samples of seed " + vm.seedProperty().get() + ", "
                        + vm.categoryProperty().get() + ". Same seed, same scenes, on every machine.", vm.samples(), vm.seedProperty(),
                        vm.categoryProperty()),
                "What a caption leaves out. The selected sample's table lists each object's offset inside its cell, hue jitter "
                        + "and rotation: drawn, never captioned. That fine detail is what the Aphasia workspace finds lost when an "
                        + "image goes through words.",
                null, null, java.util.List.of("GenEval-lite", "fine position"));
    }
}
