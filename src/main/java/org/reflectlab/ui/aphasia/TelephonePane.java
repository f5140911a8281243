package org.reflectlab.ui.aphasia;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.Telephone;
import org.reflectlab.ui.kit.BandedLineChart;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;
import org.reflectlab.ui.kit.Images;
import static org.reflectlab.ui.kit.Localized.label;

/** The Telephone tab: settings and run; a curve per attribute over the rounds; one chain's frames with what each round lost. */
final class TelephonePane extends VBox {

    /** One colour per attribute, in {@link Telephone#ATTRIBUTES} order. */
    private static final List<String> COLORS = List.of("#8a3ffc", "#e0562b", "#c98a00", "#1b7f46", "#98a2b3", "#2f80d8");
    private static final double FRAME_WIDTH = 112;
    /** Below this width the chart and the frames are stacked: beside a 440 px chart, only two frames fit per row. */
    private static final double SIDE_BY_SIDE = 900;

    private final TelephoneViewModel vm;
    private final BandedLineChart chart;
    private final FlowPane frames = new FlowPane(6, 6);
    private final Label chainTitle = new Label();
    private final Label order = new Label();

    TelephonePane(AphasiaViewModel workspace) {
        this.vm = workspace.telephone();
        NumberAxis x = new NumberAxis(0, Telephone.MAX_ROUNDS, 1);
        x.labelProperty().bind(I18n.text("aphasia.telephone.x"));
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setAutoRanging(false);
        y.labelProperty().bind(I18n.text("aphasia.telephone.y"));
        chart = new BandedLineChart(x, y);
        chart.setId("aphasia-telephone-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.titleProperty().bind(I18n.text("aphasia.telephone.chart"));
        chart.setPrefSize(440, 280);
        chart.setMinSize(300, 260);

        Spinner<Integer> rounds = new Spinner<>(1, Telephone.MAX_ROUNDS, vm.roundsProperty().get());
        rounds.setId("aphasia-telephone-rounds");
        rounds.setPrefWidth(80);
        rounds.setEditable(true);
        rounds.valueProperty().addListener((o, a, v) -> vm.setRounds(v));
        Spinner<Integer> scenes = new Spinner<>(2, TelephoneViewModel.MAX_SCENES, vm.scenesProperty().get(), 50);
        scenes.setId("aphasia-telephone-scenes");
        scenes.setPrefWidth(90);
        scenes.setEditable(true);
        scenes.valueProperty().addListener((o, a, v) -> vm.setScenes(v));
        Button run = AphasiaView.button("aphasia.telephone.run");
        run.setId("aphasia-telephone-run");
        run.setOnAction(e -> workspace.runTelephone());
        run.disableProperty().bind(vm.experiment().runningProperty());
        ChoiceBox<Telephone.Path> path = new ChoiceBox<>();
        path.setId("aphasia-telephone-path");
        path.getItems().addAll(Telephone.Path.values());
        path.setConverter(pathNames());
        path.setValue(vm.pathProperty().get());
        path.valueProperty().addListener((o, a, p) -> vm.setPath(p));
        Label status = Fit.wrapped(new Label());
        status.setId("aphasia-telephone-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.experiment().statusProperty());
        FlowPane head = Fit.toolbar(Fit.whole(label("aphasia.telephone.rounds")), rounds, Fit.whole(label("aphasia.telephone.scenes")),
                scenes, run, Fit.whole(label("aphasia.telephone.show")), path);

        Button prev = new Button("◀");
        prev.setId("aphasia-telephone-prev");
        prev.setOnAction(e -> vm.previousChain());
        Button next = new Button("▶");
        next.setId("aphasia-telephone-next");
        next.setOnAction(e -> vm.nextChain());
        chainTitle.setId("aphasia-telephone-chain");
        Fit.wrapped(chainTitle);
        HBox nav = new HBox(6, prev, next, chainTitle);
        nav.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(chainTitle, Priority.ALWAYS);
        frames.setId("aphasia-telephone-frames");
        VBox chainBox = new VBox(6, nav, frames);
        chainBox.setMinWidth(0);
        HBox.setHgrow(chainBox, Priority.ALWAYS);
        // side by side where both fit; on a narrow window the curves go above the frames, each at the full width
        HBox wide = new HBox(10);
        VBox narrow = new VBox(10);
        javafx.scene.layout.StackPane body = new javafx.scene.layout.StackPane();
        widthProperty().addListener((o, was, w) -> {
            boolean stack = w.doubleValue() < SIDE_BY_SIDE;
            javafx.scene.layout.Pane target = stack ? narrow : wide;
            if (body.getChildren().isEmpty() || body.getChildren().get(0) != target) {
                target.getChildren().setAll(chart, chainBox);
                body.getChildren().setAll(target);
            }
        });
        wide.getChildren().setAll(chart, chainBox);
        body.getChildren().setAll(wide);
        order.setId("aphasia-telephone-order");
        Fit.wrapped(order);
        order.getStyleClass().add("verdict");

        getChildren().addAll(head, status, body, order);
        setSpacing(6);
        setPadding(new Insets(8, 8, 8, 0));
        vm.resultProperty().addListener((o, a, r) -> redraw());
        vm.pathProperty().addListener((o, a, p) -> redraw());
        vm.chainProperty().addListener((o, a, i) -> showChain());
        // drawn, not bound: draw it again in the new language (a new converter redraws the path's choices)
        I18n.localeProperty().addListener((o, a, l) -> {
            path.setConverter(pathNames());
            redraw();
        });
        redraw();
    }

    private static javafx.util.StringConverter<Telephone.Path> pathNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Telephone.Path p) {
                return p == null ? "" : TelephoneViewModel.pathName(p);
            }

            @Override
            public Telephone.Path fromString(String s) {
                return null;
            }
        };
    }

    private void redraw() {
        chart.getData().clear();
        Telephone.Result r = vm.resultProperty().get();
        if (r == null) {
            chart.setBands(List.of());
            order.setText("");
            showChain();
            return;
        }
        int n = r.settings().rounds();
        ((NumberAxis) chart.getXAxis()).setUpperBound(n);
        List<BandedLineChart.Band> bands = new ArrayList<>();
        double[] xs = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            xs[i] = i;
        }
        List<Metric> attributes = vm.attributes();
        for (int k = 0; k < attributes.size(); k++) {
            double[][] c = vm.curve(attributes.get(k));
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(AphasiaTexts.metric(attributes.get(k)));
            for (int i = 0; i <= n; i++) {
                s.getData().add(new XYChart.Data<>(i, c[0][i]));
            }
            chart.getData().add(s);
            String color = COLORS.get(k % COLORS.size());
            s.getNode().setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 2;");
            s.getData().forEach(d -> d.getNode().setStyle("-fx-background-color: " + color + ", white; -fx-background-radius: 3px;"));
            bands.add(new BandedLineChart.Band(AphasiaTexts.metric(attributes.get(k)), xs, c[1], c[2], Color.web(color)));
        }
        chart.setBands(bands);
        // legend symbols take the series' colours
        chart.lookupAll(".chart-legend-item-symbol").forEach(node -> {
            for (int k = 0; k < attributes.size(); k++) {
                if (node.getStyleClass().contains("series" + k)) {
                    node.setStyle("-fx-background-color: " + COLORS.get(k % COLORS.size()) + ";");
                }
            }
        });
        order.setText(vm.lossOrder());
        showChain();
    }

    private void showChain() {
        frames.getChildren().clear();
        Telephone.Chain c = vm.currentChain();
        Telephone.Result r = vm.resultProperty().get();
        if (c == null || r == null) {
            chainTitle.setText(I18n.tr("aphasia.telephone.empty"));
            return;
        }
        chainTitle.setText(I18n.tr("aphasia.telephone.chain", vm.chainProperty().get() + 1, r.chains().size(), c.index(),
                TelephoneViewModel.pathName(vm.pathProperty().get()), ModelWords.caption(c.trueCaption())));
        List<Telephone.Frame> list = c.of(vm.pathProperty().get());
        for (int i = 0; i < list.size(); i++) {
            Telephone.Frame f = list.get(i);
            ImageView img = new ImageView(Images.toFx(f.image(), 3));
            // the captions are the model's own English words, said in the current language (as they are when they do not parse)
            ModelWords.Text caption = ModelWords.caption(f.caption());
            Label said = new Label(i == 0 ? I18n.tr("aphasia.telephone.true", caption)
                    : vm.pathProperty().get() == Telephone.Path.WORDS
                    ? I18n.tr(f.parsed() ? "aphasia.telephone.said" : "aphasia.telephone.said.unparsed", caption) : "");
            ModelWords.originalTooltip(said, caption);
            Label lost = new Label(TelephoneViewModel.lostLine(f, i));
            for (Label l : List.of(said, lost)) {
                l.setWrapText(true);
                l.setMaxWidth(FRAME_WIDTH);
                l.setMinHeight(Region.USE_PREF_SIZE);
                l.getStyleClass().add("muted");
            }
            lost.getStyleClass().add(f.lost().isEmpty() ? "telephone-kept" : "telephone-lost");
            VBox frame = new VBox(2, AphasiaView.imageTitle(i == 0 ? I18n.tr("aphasia.telephone.original") : I18n.tr("aphasia.telephone.round", i)), img, said, lost);
            frame.setPrefWidth(FRAME_WIDTH);
            frame.getStyleClass().add("telephone-frame");
            frames.getChildren().add(frame);
        }
    }
}
