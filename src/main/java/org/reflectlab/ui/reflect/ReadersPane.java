package org.reflectlab.ui.reflect;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.reflectlab.core.reflect.ReaderComparison;
import org.reflectlab.core.reflect.RunDisagreements;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;
import org.reflectlab.ui.kit.Images;

/** What each reader saw: bindings to {@link ReadersViewModel}, the overlay drawn on a canvas. */
final class ReadersPane extends VBox {

    /** Held here (the locale keeps a weak reference): the readings are made again on a switch. */
    private final javafx.beans.InvalidationListener relabel = o -> draw();

    private static final int SCALE = 8;
    /** One colour per reader, and the corner its tag sits at, so overlapping boxes stay apart. */
    private static final Map<String, Color> COLORS = Map.of(ReaderComparison.CRITIC, Color.web("#ff9f1a"),
            ReaderComparison.JUDGE, Color.web("#4da3ff"), ReaderComparison.PIXELS, Color.web("#f25fd0"));

    private final ReadersViewModel vm;
    private final Canvas canvas = new Canvas(32 * SCALE, 32 * SCALE);
    private final VBox readings = new VBox(3);

    ReadersPane(ReadersViewModel vm) {
        super(8);
        this.vm = vm;
        setId("readers-pane");
        setPadding(new Insets(10));
        Label title = Fit.wrapped(new Label());
        title.textProperty().bind(I18n.text("reflect.readers.title"));
        title.getStyleClass().add("section-title");
        canvas.setId("readers-overlay");
        CheckBox critic = toggle("reflect.readers.critic", "readers-critic", vm.showCriticProperty());
        CheckBox judge = toggle("reflect.readers.judge", "readers-judge", vm.showJudgeProperty());
        CheckBox pixels = toggle("reflect.readers.pixels", "readers-pixels", vm.showPixelsProperty());
        HBox toggles = new HBox(10, critic, judge, pixels);
        readings.setId("readers-readings");
        VBox right = new VBox(6, toggles, readings);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox overlay = new HBox(12, canvas, right);

        ListView<RunDisagreements.Entry> list = new ListView<>(vm.shown());
        list.setId("readers-list");
        list.setPrefHeight(160);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunDisagreements.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.disagrees() ? I18n.tr("reflect.readers.row.disagree", source(e), e.comparison().disagreements().size())
                        : I18n.tr("reflect.readers.row.agree", source(e)));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                vm.selectedProperty().set(e);
            }
        });
        vm.selectedProperty().addListener((o, a, e) -> {
            if (list.getSelectionModel().getSelectedItem() != e) {
                list.getSelectionModel().select(e);
            }
            draw();
        });
        CheckBox only = new CheckBox();
        only.textProperty().bind(I18n.text("reflect.readers.only"));
        only.setId("readers-only");
        only.selectedProperty().bindBidirectional(vm.onlyDisagreementsProperty());
        Button next = new Button();
        next.textProperty().bind(I18n.text("reflect.readers.next"));
        next.setId("readers-next");
        next.setOnAction(e -> vm.nextDisagreement());
        next.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.shown()));
        Label summary = Thumbs.muted("");
        summary.setId("readers-summary");
        summary.textProperty().bind(vm.summaryProperty());
        HBox browserBar = new HBox(10, only, next);
        browserBar.setAlignment(Pos.CENTER_LEFT);
        Label browserTitle = new Label();
        browserTitle.textProperty().bind(I18n.text("reflect.readers.browser"));
        browserTitle.getStyleClass().add("strong");
        for (var p : java.util.List.of(vm.showCriticProperty(), vm.showJudgeProperty(), vm.showPixelsProperty())) {
            p.addListener((o, a, b) -> draw());
        }
        getChildren().addAll(title, overlay, browserTitle, summary, browserBar, list);
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        draw();
    }

    private static CheckBox toggle(String key, String id, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox();
        c.textProperty().bind(I18n.text(key));
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    /** Where an image came from, in the current language: "reflection #3", "best-of-N #2". */
    static String source(RunDisagreements.Entry e) {
        if (e.iteration() == null) {
            return e.source();
        }
        return I18n.tr(e.bestOfN() ? "reflect.readers.source.best-of-n" : "reflect.readers.source.reflection", e.iteration().k());
    }

    private static String readerName(String reader) {
        return I18n.tr(reader.equals(ReaderComparison.CRITIC) ? "reflect.readers.critic"
                : reader.equals(ReaderComparison.JUDGE) ? "reflect.readers.judge" : "reflect.readers.pixels");
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#141821"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        readings.getChildren().clear();
        RunDisagreements.Entry e = vm.selectedProperty().get();
        if (e == null) {
            readings.getChildren().add(Thumbs.muted(I18n.tr("reflect.readers.empty")));
            return;
        }
        g.drawImage(Images.toFx(e.iteration().image(), SCALE), 0, 0);
        double size = canvas.getWidth();
        ReaderComparison c = e.comparison();
        for (ReaderComparison.Box b : c.boxes()) {
            if (!vm.shows(b.reader())) {
                continue;
            }
            Color color = COLORS.get(b.reader());
            double x = (b.centerX() - b.half()) * size;
            double y = (b.centerY() - b.half()) * size;
            double w = 2 * b.half() * size;
            g.setStroke(color);
            g.setLineWidth(2);
            g.setLineDashes(b.reader().equals(ReaderComparison.PIXELS) ? new double[] {5, 4} : null);
            g.strokeRect(x, y, w, w);
            g.setFill(color);
            String tag = b.reader().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
            double tx = b.reader().equals(ReaderComparison.JUDGE) ? x + w - 9 : x + 2;
            double ty = b.reader().equals(ReaderComparison.PIXELS) ? y + w - 3 : y + 11;
            g.fillText(tag, tx, ty);
        }
        // where the image came from, what each reader saw and how they disagree are core's words (English), shown as they are
        Label head = Fit.wrapped(new Label(e.disagrees() ? source(e) : I18n.tr("reflect.readers.agree", source(e))));
        head.getStyleClass().add("strong");
        readings.getChildren().add(head);
        for (String reader : java.util.List.of(ReaderComparison.CRITIC, ReaderComparison.JUDGE, ReaderComparison.PIXELS)) {
            java.util.List<String> labels = c.boxes().stream().filter(b -> b.reader().equals(reader)).map(ReaderComparison.Box::label).toList();
            String seen = labels.stream().map(x -> ModelWords.reading(x).render(I18n.locale())).collect(java.util.stream.Collectors.joining(
                    I18n.tr("reflect.readers.separator")));
            Label l = Thumbs.muted(I18n.tr("reflect.readers.seen", reader.substring(0, 1).toUpperCase(java.util.Locale.ROOT), readerName(reader),
                    seen.isEmpty() ? I18n.tr("reflect.critic.sees.nothing") : seen));
            l.setTextFill(COLORS.get(reader).darker());
            l.setWrapText(true);
            l.getStyleClass().remove("muted");
            readings.getChildren().add(l);
        }
        for (ReaderComparison.Disagreement d : c.disagreements()) {
            Label l = Thumbs.muted(I18n.tr("reflect.readers.disagreement", ModelWords.cell(I18n.locale(), d.cell()), ModelWords.reading(d.critic()),
                    ModelWords.reading(d.judge()), ModelWords.reading(d.pixels())));
            l.getStyleClass().setAll("label", "disagree");
            l.setWrapText(true);
            readings.getChildren().add(l);
        }
    }
}
