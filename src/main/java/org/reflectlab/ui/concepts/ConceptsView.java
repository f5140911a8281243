package org.reflectlab.ui.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.reflectlab.core.concepts.AttentionMaps;
import org.reflectlab.core.concepts.ConceptsModels;
import org.reflectlab.core.concepts.Quiz;
import org.reflectlab.core.concepts.VqSweep;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.Formula;
import org.reflectlab.core.text.Phrase;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.Notifier;

/**
 * The Concepts workspace: the lecture's appendix as live experiments, one tab each, with a short
 * explanation, its formula (JLaTeXMath), Run/Cancel, a chart and the computed table. Bindings and
 * drawing only; state and commands are in {@link ConceptsViewModel}.
 */
public final class ConceptsView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    private final ConceptsViewModel vm;

    public ConceptsView(ConceptsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("concepts-view");
        TabPane tabs = new TabPane(
                tab("tokens", "concepts.tokens.tab", tokens()),
                tab("vq", "concepts.vq.tab", vq()),
                tab("attention", "concepts.attention.tab", attention()),
                tab("losses", "concepts.losses.tab", losses()),
                tab("ttt", "concepts.ttt.tab", ttt()),
                tab("derivation", "concepts.derivation.tab", derivation()),
                tab("tradeoff", "concepts.tradeoff.tab", tradeoff()),
                tab("quiz", "concepts.quiz.tab", quiz()));
        tabs.setId("concepts-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        setTop(settings());
        // hidden: the buffers its runs grew in the shared model go at once (a trim); the next Run builds them again (nothing to load)
        org.reflectlab.ui.kit.Releasable.register(this, org.reflectlab.ui.kit.Releasable.of(() -> { }, () -> { }, vm::release));
    }

    /** The app's wiring: models from the store, loaded on first use; sweeps from the Scaling workspace's folder. */
    public static ConceptsView create(TaskRunner runner, Notifier notifier, ModelStore store) {
        return new ConceptsView(new ConceptsViewModel(runner, notifier, new ConceptsModels(store, AppPaths.sweeps())));
    }

    private HBox settings() {
        Spinner<Integer> seed = new Spinner<>(0, 1_000_000, (int) vm.seedProperty().get());
        seed.setId("concepts-seed");
        seed.setEditable(true);
        seed.setPrefWidth(100);
        seed.valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));
        TextField caption = new TextField();
        caption.setId("concepts-caption");
        caption.setPrefColumnCount(28);
        caption.textProperty().bindBidirectional(vm.captionProperty());
        Label error = new Label();
        error.setId("concepts-caption-error");
        error.textProperty().bind(vm.captionErrorProperty());
        error.setStyle("-fx-text-fill: #c0392b;");
        HBox box = new HBox(8, label("concepts.seed"), seed, label("concepts.caption"), caption, error);
        box.setPadding(new Insets(8, 10, 4, 10));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** A label that follows the language. */
    private static Label label(String key, Object... args) {
        Label l = new Label();
        l.textProperty().bind(I18n.text(key, args));
        return l;
    }

    private static Tab tab(String id, String titleKey, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Tab t = new Tab(null, scroll);
        t.textProperty().bind(I18n.text(titleKey));
        t.setId("concepts-tab-" + id);
        return t;
    }

    /** Explanation, formula, Run/Cancel with progress and status, then the panel's own content. */
    private <R> VBox panel(String id, String explanationKey, String tex, ConceptExperiment<R> m, Runnable run, Node... content) {
        Label text = label(explanationKey);
        text.setWrapText(true);
        text.setMaxWidth(1100);
        Button go = new Button();
        go.textProperty().bind(I18n.text("concepts.run"));
        go.setId("concepts-run-" + id);
        go.setOnAction(e -> run.run());
        go.disableProperty().bind(m.runningProperty());
        Button cancel = new Button();
        cancel.textProperty().bind(I18n.text("concepts.cancel"));
        cancel.setId("concepts-cancel-" + id);
        cancel.setOnAction(e -> m.cancel());
        cancel.disableProperty().bind(m.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(m.progressProperty());
        bar.visibleProperty().bind(m.runningProperty());
        Label status = new Label();
        status.setId("concepts-status-" + id);
        status.textProperty().bind(m.statusProperty());
        HBox toolbar = new HBox(8, go, cancel, bar, status);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(8, text, Formula.fitted(tex, 17, 24), toolbar);
        box.getChildren().addAll(content);
        box.setPadding(new Insets(10));
        box.setId("concepts-panel-" + id);
        return box;
    }

    /** core's table: its sentences said in the current language (they follow a switch), its columns as core wrote them. */
    private static <R> TextArea table(String id, ObservableValue<R> result, Function<R, List<Phrase>> lines) {
        TextArea area = new TextArea();
        area.setId("concepts-table-" + id);
        area.setEditable(false);
        area.setFont(Font.font("Monospaced", 12));
        area.setPrefRowCount(14);
        area.textProperty().bind(I18n.text(() -> result.getValue() == null ? "" : String.join("\n", lines.apply(result.getValue())
                .stream().map(l -> I18n.Message.of(l).text()).toList()), result));
        return area;
    }

    private Node tokens() {
        return panel("tokens", "concepts.tokens.explanation",
                "\\text{compression} = \\frac{\\text{raw bits}}{N_{tok}\\,\\log_2 |V|}", vm.tokens, vm::runTokens,
                table("tokens", vm.tokens.resultProperty(), r -> r.table()));
    }

    private Node vq() {
        LineChart<Number, Number> chart = ConceptsCharts.chart("concepts-vq-chart", "concepts.vq.chart", "concepts.vq.chart.x",
                "concepts.vq.chart.y");
        FlowPane recon = new FlowPane(6, 6);
        recon.setId("concepts-vq-recon");
        vm.vq.resultProperty().addListener((o, a, r) -> {
            ConceptsCharts.vq(chart, r);
            recon.getChildren().clear();
            recon.getChildren().add(column(label("concepts.vq.original"), r.originals()));
            for (VqSweep.Point p : r.points()) {
                recon.getChildren().add(column(label("concepts.vq.k", p.size()), p.reconstructions()));
            }
        });
        Spinner<Integer> budget = new Spinner<>(1, 120, vm.vqBudgetProperty().get());
        budget.setId("concepts-vq-budget");
        budget.valueProperty().addListener((o, a, b) -> vm.vqBudgetProperty().set(b));
        return panel("vq", "concepts.vq.explanation",
                "\\mathrm{MSE}(K) \\propto K^{-1/2}, \\quad z_q = \\arg\\min_{e_k} \\lVert z - e_k \\rVert^2", vm.vq, vm::runVq,
                new HBox(8, label("concepts.vq.budget"), budget), chart, recon,
                table("vq", vm.vq.resultProperty(), r -> r.table()));
    }

    private static VBox column(Label title, List<org.reflectlab.core.data.RgbImage> images) {
        VBox v = new VBox(2, title);
        for (var img : images) {
            ImageView iv = new ImageView(Images.toFx(img, 2));
            iv.setFitWidth(64);
            iv.setFitHeight(64);
            iv.setSmooth(false);
            v.getChildren().add(iv);
        }
        return v;
    }

    private Node attention() {
        Heatmap full = new Heatmap(300);
        full.setId("concepts-attn-full");
        Heatmap causal = new Heatmap(300);
        causal.setId("concepts-attn-causal");
        Heatmap fullMask = new Heatmap(90);
        Heatmap causalMask = new Heatmap(90);
        Label fullInfo = new Label();
        fullInfo.setId("concepts-attn-full-info");
        Label causalInfo = new Label();
        causalInfo.setId("concepts-attn-causal-info");
        Label tokens = new Label();
        tokens.setWrapText(true);
        vm.fullMapProperty().addListener((o, a, m) -> show(full, fullMask, m, false));
        vm.causalMapProperty().addListener((o, a, m) -> show(causal, causalMask, m, true));
        fullInfo.textProperty().bind(I18n.text(() -> info(vm.fullMapProperty().get()), vm.fullMapProperty()));
        causalInfo.textProperty().bind(I18n.text(() -> info(vm.causalMapProperty().get()), vm.causalMapProperty()));
        tokens.textProperty().bind(I18n.text(() -> {
            AttentionMaps.Result r = vm.attention.resultProperty().get();
            return r == null || vm.fullMapProperty().get() == null ? "" : I18n.tr("concepts.attention.tokens",
                    String.join(" ", r.encoder(vm.encoderProperty().get(), AttentionMaps.Mask.FULL).labels()));
        }, vm.fullMapProperty()));
        ComboBox<String> encoder = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("text", "image"));
        encoder.setId("concepts-attn-encoder");
        encoder.valueProperty().bindBidirectional(vm.encoderProperty());
        encoder.setConverter(encoderNames());
        I18n.localeProperty().addListener((o, a, l) -> encoder.setConverter(encoderNames()));
        Spinner<Integer> layer = new Spinner<>(0, 7, 0);
        layer.setId("concepts-attn-layer");
        layer.valueProperty().addListener((o, a, b) -> vm.layerProperty().set(b));
        Spinner<Integer> head = new Spinner<>(0, 15, 0);
        head.setId("concepts-attn-head");
        head.valueProperty().addListener((o, a, b) -> vm.headProperty().set(b));
        HBox selectors = new HBox(8, label("concepts.attention.encoder"), encoder, label("concepts.attention.layer"), layer,
                label("concepts.attention.head"), head);
        selectors.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox maps = new HBox(16, new VBox(4, label("concepts.attention.full"), fullMask, full, fullInfo),
                new VBox(4, label("concepts.attention.causal"), causalMask, causal, causalInfo));
        return panel("attention", "concepts.attention.explanation", "A = \\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_h}} + M\\right),\\; M^{causal}_{ij} ="
                + " \\begin{cases}0 & \\quad j \\le i \\\\ -\\infty & \\quad j > i\\end{cases},\\; \\mathrm{nnz} = \\tfrac{T(T+1)}{2}\\ \\text{vs}\\ T^2",
                vm.attention, vm::runAttention, selectors, maps, tokens,
                table("attention", vm.attention.resultProperty(), r -> r.table()));
    }

    private static void show(Heatmap map, Heatmap mask, AttentionMaps.Map m, boolean causal) {
        if (m == null) {
            map.show(null, 0);
            mask.show(null, 0);
            return;
        }
        map.show(m.weights(), m.t());
        mask.show(Heatmap.mask(m.t(), causal), m.t());
    }

    /** One map's counts, in the current language. */
    private static String info(AttentionMaps.Map m) {
        return m == null ? "" : I18n.tr("concepts.attention.info", m.layer(), m.head(), m.t(), m.allowed(), m.nonZero(),
                m.maxAboveDiagonal());
    }

    /** The encoder box shows "text" / "image" as words of the current language; the values stay the model's ids. */
    private static javafx.util.StringConverter<String> encoderNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : I18n.tr("text".equals(id) ? "concepts.encoder.text" : "concepts.encoder.image");
            }

            @Override
            public String fromString(String text) {
                return I18n.tr("concepts.encoder.text").equals(text) ? "text" : "image";
            }
        };
    }

    private Node losses() {
        List<LineChart<Number, Number>> charts = new ArrayList<>();
        FlowPane grid = new FlowPane(8, 8);
        for (int i = 0; i < 7; i++) {
            LineChart<Number, Number> c = ConceptsCharts.chart("concepts-loss-chart-" + i, null, "concepts.losses.chart.x",
                    "concepts.losses.chart.y");
            c.setPrefSize(420, 260);
            charts.add(c);
            grid.getChildren().add(c);
        }
        vm.losses.resultProperty().addListener((o, a, r) -> ConceptsCharts.losses(charts, r));
        return panel("losses", "concepts.losses.explanation",
                "L_{STFT} = \\frac{1}{3}\\sum_{n\\in\\{512,1024,2048\\}} \\frac{\\lVert |S_n y| - |S_n \\hat y| \\rVert_F}"
                        + "{\\lVert |S_n y| \\rVert_F} + \\overline{|\\log|S_n y| - \\log|S_n \\hat y||} + \\overline{1-\\cos\\Delta\\phi}",
                vm.losses, vm::runLosses, grid, table("losses", vm.losses.resultProperty(), r -> r.table()));
    }

    private Node ttt() {
        LineChart<Number, Number> chart = ConceptsCharts.chart("concepts-ttt-chart", "concepts.ttt.chart", "concepts.ttt.chart.x",
                "concepts.ttt.chart.y");
        chart.setCreateSymbols(false);
        chart.setPrefSize(800, 340);
        vm.ttt.resultProperty().addListener((o, a, r) -> ConceptsCharts.ttt(chart, r));
        return panel("ttt", "concepts.ttt.explanation",
                "\\theta_{t+1} = \\theta_t - \\eta\\, \\mathrm{Adam}(\\nabla_\\theta L_{TTT}),\\; L_{TTT} = \\mathbb{E}_{t,\\epsilon}"
                        + "\\lVert v_\\theta(x_t, t, c) - (x_1 - x_0) \\rVert^2", vm.ttt, vm::runTtt, chart,
                table("ttt", vm.ttt.resultProperty(), r -> r.table()));
    }

    private Node derivation() {
        LineChart<Number, Number> q = ConceptsCharts.chart("concepts-derivation-chart", "concepts.derivation.chart.q", "concepts.chart.k",
                "concepts.derivation.chart.q.y");
        LineChart<Number, Number> p = ConceptsCharts.chart("concepts-fixrate-chart", "concepts.derivation.chart.p", "concepts.chart.k",
                "concepts.derivation.chart.p.y");
        vm.derivation.resultProperty().addListener((o, a, r) -> ConceptsCharts.derivation(q, p, r));
        return panel("derivation", "concepts.derivation.explanation",
                "1-Q(K) = (1-Q_1)(1-p)^{K-1} \\Rightarrow Q = Q_\\infty - A e^{-bK}; \\quad p_K \\approx \\tfrac{\\gamma}{K}"
                        + " \\Rightarrow Q = Q_\\infty - A K^{-\\gamma}; \\quad \\mathrm{AIC} = n \\ln\\tfrac{RSS}{n} + 2k",
                vm.derivation, vm::runDerivation, new HBox(8, q, p), table("derivation", vm.derivation.resultProperty(), r -> r.table()));
    }

    private Node tradeoff() {
        LineChart<Number, Number> c = ConceptsCharts.chart("concepts-tradeoff-chart", "concepts.tradeoff.chart", "concepts.tradeoff.chart.x",
                "concepts.tradeoff.chart.y");
        c.setPrefSize(800, 340);
        vm.tradeoff.resultProperty().addListener((o, a, r) -> ConceptsCharts.tradeoff(c, r));
        return panel("tradeoff", "concepts.tradeoff.explanation",
                "C_{total} = \\frac{C_{train}}{P} + K\\, C_{NFE}, \\quad C_{train} \\approx 3 \\cdot \\text{steps} \\cdot B \\cdot C_{fwd}",
                vm.tradeoff, vm::runTradeoff, c, table("tradeoff", vm.tradeoff.resultProperty(), r -> r.table()));
    }

    private Node quiz() {
        VBox answers = new VBox(10);
        answers.setId("concepts-quiz-answers");
        vm.quiz.resultProperty().addListener((o, a, list) -> {
            answers.getChildren().clear();
            for (int i = 0; i < list.size(); i++) {
                Quiz.Answer q = list.get(i);
                // core's phrases, bound: the question and its working follow a language switch
                Label question = new Label();
                question.textProperty().bind(I18n.text("concepts.quiz.question", i + 1, q.question()));
                question.setWrapText(true);
                question.setStyle("-fx-font-weight: bold;");
                TextArea working = new TextArea();
                working.textProperty().bind(I18n.text(() -> String.join("\n", q.working().stream()
                        .map(w -> I18n.Message.of(w).text()).toList())));
                working.setEditable(false);
                working.setWrapText(true);
                working.setPrefRowCount(Math.min(9, q.working().size() + 1));
                answers.getChildren().addAll(question, Formula.fitted(q.formula(), 15, 24), working);
            }
        });
        return panel("quiz", "concepts.quiz.explanation",
                "\\text{answer} = f(\\text{models}, \\text{measurements})", vm.quiz, vm::runQuiz, answers);
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return new org.reflectlab.ui.kit.Notice(I18n.tr("concepts.notice.claim"), I18n.tr("concepts.notice.paper"),
                javafx.beans.binding.Bindings.createStringBinding(() -> {
                    var full = vm.fullMapProperty().get();
                    var causal = vm.causalMapProperty().get();
                    return full == null || causal == null ? "" : I18n.tr("concepts.notice.measured",
                            encoderNames().toString(full.encoder()), full.t(), full.nonZero(), causal.nonZero());
                }, vm.fullMapProperty(), vm.causalMapProperty(), I18n.localeProperty()),
                I18n.tr("concepts.notice.look-for"), I18n.tr("concepts.notice.why"),
                "\\text{MSE}(K) \\propto K^{-1/2}", java.util.List.of("power-law fit"));
    }
}
