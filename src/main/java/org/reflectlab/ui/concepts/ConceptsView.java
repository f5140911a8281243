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
                tab("tokens", "Tokens", tokens()),
                tab("vq", "VQ codebook", vq()),
                tab("attention", "Attention", attention()),
                tab("losses", "Losses", losses()),
                tab("ttt", "TTT", ttt()),
                tab("derivation", "Scaling law", derivation()),
                tab("tradeoff", "Train vs test", tradeoff()),
                tab("quiz", "Quiz", quiz()));
        tabs.setId("concepts-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        setTop(settings());
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
        HBox box = new HBox(8, new Label("Seed"), seed, new Label("Caption (attention, TTT)"), caption, error);
        box.setPadding(new Insets(8, 10, 4, 10));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static Tab tab(String id, String title, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Tab t = new Tab(title, scroll);
        t.setId("concepts-tab-" + id);
        return t;
    }

    /** Explanation, formula, Run/Cancel with progress and status, then the panel's own content. */
    private <R> VBox panel(String id, String explanation, String tex, ConceptExperiment<R> m, Runnable run, Node... content) {
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMaxWidth(1100);
        Button go = new Button("Run");
        go.setId("concepts-run-" + id);
        go.setOnAction(e -> run.run());
        go.disableProperty().bind(m.runningProperty());
        Button cancel = new Button("Cancel");
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

    private static <R> TextArea table(String id, ObservableValue<R> result, Function<R, List<String>> lines) {
        TextArea area = new TextArea();
        area.setId("concepts-table-" + id);
        area.setEditable(false);
        area.setFont(Font.font("Monospaced", 12));
        area.setPrefRowCount(14);
        result.addListener((o, a, r) -> area.setText(r == null ? "" : String.join("\n", lines.apply(r))));
        return area;
    }

    private Node tokens() {
        return panel("tokens", "Every modality becomes a sequence of discrete tokens before a unified model sees it. Counted on"
                + " ShapesWorld: captions as word tokens, images as one VQ code per 4x4 patch, the scene's sound as residual VQ"
                + " codes per 20 ms frame. 'Informative' is the measured share of tokens that carry content.",
                "\\text{compression} = \\frac{\\text{raw bits}}{N_{tok}\\,\\log_2 |V|}", vm.tokens, vm::runTokens,
                table("tokens", vm.tokens.resultProperty(), r -> r.table()));
    }

    private Node vq() {
        LineChart<Number, Number> chart = ConceptsCharts.chart("concepts-vq-chart", "Held-out reconstruction MSE vs codebook size",
                "log10 K", "log10 MSE");
        FlowPane recon = new FlowPane(6, 6);
        recon.setId("concepts-vq-recon");
        vm.vq.resultProperty().addListener((o, a, r) -> {
            ConceptsCharts.vq(chart, r);
            recon.getChildren().clear();
            recon.getChildren().add(column("original", r.originals()));
            for (VqSweep.Point p : r.points()) {
                recon.getChildren().add(column("K=" + p.size(), p.reconstructions()));
            }
        });
        Spinner<Integer> budget = new Spinner<>(1, 120, vm.vqBudgetProperty().get());
        budget.setId("concepts-vq-budget");
        budget.valueProperty().addListener((o, a, b) -> vm.vqBudgetProperty().set(b));
        return panel("vq", "A VQ-VAE's codebook maps each patch (or latent) to its nearest code. Here codebooks of 512..16384"
                + " codes are learned by mini-batch k-means on training patches (a time budget per size; 16384 codes on two"
                + " cores) and scored on held-out images. The lecture says the error falls like 1/sqrt(|codebook|):"
                + " the measured slopes say where it does and where it does not.",
                "\\mathrm{MSE}(K) \\propto K^{-1/2}, \\quad z_q = \\arg\\min_{e_k} \\lVert z - e_k \\rVert^2", vm.vq, vm::runVq,
                new HBox(8, new Label("seconds per codebook at most"), budget), chart, recon,
                table("vq", vm.vq.resultProperty(), r -> r.table()));
    }

    private static VBox column(String title, List<org.reflectlab.core.data.RgbImage> images) {
        VBox v = new VBox(2, new Label(title));
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
        vm.fullMapProperty().addListener((o, a, m) -> {
            show(full, fullMask, fullInfo, m, false);
            AttentionMaps.Result r = vm.attention.resultProperty().get();
            tokens.setText(r == null ? "" : "tokens (rows = queries, columns = keys): "
                    + String.join(" ", r.encoder(vm.encoderProperty().get(), AttentionMaps.Mask.FULL).labels()));
        });
        vm.causalMapProperty().addListener((o, a, m) -> show(causal, causalMask, causalInfo, m, true));
        ComboBox<String> encoder = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("text", "image"));
        encoder.setId("concepts-attn-encoder");
        encoder.valueProperty().bindBidirectional(vm.encoderProperty());
        Spinner<Integer> layer = new Spinner<>(0, 7, 0);
        layer.setId("concepts-attn-layer");
        layer.valueProperty().addListener((o, a, b) -> vm.layerProperty().set(b));
        Spinner<Integer> head = new Spinner<>(0, 15, 0);
        head.setId("concepts-attn-head");
        head.valueProperty().addListener((o, a, b) -> vm.headProperty().set(b));
        HBox selectors = new HBox(8, new Label("Encoder"), encoder, new Label("Layer"), layer, new Label("Head"), head);
        selectors.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox maps = new HBox(16, new VBox(4, new Label("Full mask (as trained)"), fullMask, full, fullInfo),
                new VBox(4, new Label("Causal mask (same weights, never trained so)"), causalMask, causal, causalInfo));
        return panel("attention", "Real attention weights of the unified model's encoders on the caption above and a scene drawn"
                + " for it. Both encoders were trained with full (bidirectional) attention; the text encoder only masks padding,"
                + " which is left out here. The causal maps run the same weights with a causal mask in every block. Grey = weight"
                + " exactly 0.", "A = \\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_h}} + M\\right),\\; M^{causal}_{ij} ="
                + " \\begin{cases}0 & \\quad j \\le i \\\\ -\\infty & \\quad j > i\\end{cases},\\; \\mathrm{nnz} = \\tfrac{T(T+1)}{2}\\ \\text{vs}\\ T^2",
                vm.attention, vm::runAttention, selectors, maps, tokens,
                table("attention", vm.attention.resultProperty(), r -> r.table()));
    }

    private static void show(Heatmap map, Heatmap mask, Label info, AttentionMaps.Map m, boolean causal) {
        if (m == null) {
            map.show(null, 0);
            mask.show(null, 0);
            info.setText("");
            return;
        }
        map.show(m.weights(), m.t());
        mask.show(Heatmap.mask(m.t(), causal), m.t());
        info.setText(String.format(java.util.Locale.ROOT, "layer %d head %d: T=%d, allowed %d, non-zero %d, max above diagonal %.4f",
                m.layer(), m.head(), m.t(), m.allowed(), m.nonZero(), m.maxAboveDiagonal()));
    }

    private Node losses() {
        List<LineChart<Number, Number>> charts = new ArrayList<>();
        FlowPane grid = new FlowPane(8, 8);
        for (int i = 0; i < 7; i++) {
            LineChart<Number, Number> c = ConceptsCharts.chart("concepts-loss-chart-" + i, "", "strength", "loss");
            c.setPrefSize(420, 260);
            charts.add(c);
            grid.getChildren().add(c);
        }
        vm.losses.resultProperty().addListener((o, a, r) -> ConceptsCharts.losses(charts, r));
        return panel("losses", "Each modality is trained with its own loss. Pixel MSE punishes a one-pixel shift as much as a"
                + " wrong colour; a perceptual loss (distance of the image encoder's features) and the caption cross-entropy"
                + " measure meaning instead. For audio, the multi-resolution STFT loss (FFT 512/1024/2048) compares spectra:"
                + " its magnitude term shrugs at a small time shift that waveform MSE hates, while the phase term notices it."
                + " Curves are scaled to their largest value; the table has the raw numbers.",
                "L_{STFT} = \\frac{1}{3}\\sum_{n\\in\\{512,1024,2048\\}} \\frac{\\lVert |S_n y| - |S_n \\hat y| \\rVert_F}"
                        + "{\\lVert |S_n y| \\rVert_F} + \\overline{|\\log|S_n y| - \\log|S_n \\hat y||} + \\overline{1-\\cos\\Delta\\phi}",
                vm.losses, vm::runLosses, grid, table("losses", vm.losses.resultProperty(), r -> r.table()));
    }

    private Node ttt() {
        LineChart<Number, Number> chart = ConceptsCharts.chart("concepts-ttt-chart", "TTT objective per step", "step", "log10 loss");
        chart.setCreateSymbols(false);
        chart.setPrefSize(800, 340);
        vm.ttt.resultProperty().addListener((o, a, r) -> ConceptsCharts.ttt(chart, r));
        return panel("ttt", "Test-time training adapts the generator's prompt layers to one prompt, on its own samples the critic"
                + " accepted (the Scaling workspace's objective, here on one fixed batch so the curve is the objective itself)."
                + " Learning rates 1e-4 ... 1e-1: too small converges slowly, too large diverges.",
                "\\theta_{t+1} = \\theta_t - \\eta\\, \\mathrm{Adam}(\\nabla_\\theta L_{TTT}),\\; L_{TTT} = \\mathbb{E}_{t,\\epsilon}"
                        + "\\lVert v_\\theta(x_t, t, c) - (x_1 - x_0) \\rVert^2", vm.ttt, vm::runTtt, chart,
                table("ttt", vm.ttt.resultProperty(), r -> r.table()));
    }

    private Node derivation() {
        LineChart<Number, Number> q = ConceptsCharts.chart("concepts-derivation-chart", "Q(K): measured and both fits", "K", "quality");
        LineChart<Number, Number> p = ConceptsCharts.chart("concepts-fixrate-chart", "Per-iteration fix rate p_K", "K", "p_K");
        vm.derivation.resultProperty().addListener((o, a, r) -> ConceptsCharts.derivation(q, p, r));
        return panel("derivation", "Appendix B.1: if each extra sample or iteration fixes a constant share p of the prompts still"
                + " wrong, quality approaches its ceiling exponentially; a power law needs p to fall with K. On the stored sweep:"
                + " the measured p_K and which form fits each method better (AIC; a difference under 2 does not decide).",
                "1-Q(K) = (1-Q_1)(1-p)^{K-1} \\Rightarrow Q = Q_\\infty - A e^{-bK}; \\quad p_K \\approx \\tfrac{\\gamma}{K}"
                        + " \\Rightarrow Q = Q_\\infty - A K^{-\\gamma}; \\quad \\mathrm{AIC} = n \\ln\\tfrac{RSS}{n} + 2k",
                vm.derivation, vm::runDerivation, new HBox(8, q, p), table("derivation", vm.derivation.resultProperty(), r -> r.table()));
    }

    private Node tradeoff() {
        LineChart<Number, Number> c = ConceptsCharts.chart("concepts-tradeoff-chart", "Quality vs total FLOPs per prompt",
                "log10 FLOPs (training / 1000 prompts + inference)", "GenEval-lite");
        c.setPrefSize(800, 340);
        vm.tradeoff.resultProperty().addListener((o, a, r) -> ConceptsCharts.tradeoff(c, r));
        return panel("tradeoff", "Does inference-time scaling replace training? The lecture: they complement each other. Measured"
                + " with the two shipped generator checkpoints only (generator-base, and generator = base + reflection"
                + " fine-tuning; steps from their manifests), K samples each from the stored sweep.",
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
                Label question = new Label((i + 1) + ". " + q.question());
                question.setWrapText(true);
                question.setStyle("-fx-font-weight: bold;");
                TextArea working = new TextArea(String.join("\n", q.working()));
                working.setEditable(false);
                working.setWrapText(true);
                working.setPrefRowCount(Math.min(9, q.working().size() + 1));
                answers.getChildren().addAll(question, Formula.fitted(q.formula(), 15, 24), working);
            }
        });
        return panel("quiz", "The lecture's questions, each answered by a computation on the current models and stored"
                + " measurements, with the working shown. Reference values not measured here are labelled.",
                "\\text{answer} = f(\\text{models}, \\text{measurements})", vm.quiz, vm::runQuiz, answers);
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return new org.reflectlab.ui.kit.Notice(
                "The lecture's appendix states laws and rules of thumb with dummy numbers; each tab here computes them on the "
                        + "real models: tokens per modality, codebook size against reconstruction error, causal against full "
                        + "attention, how each modality's loss reacts to perturbations, test-time training's learning rate.",
                "The lecture: VQ reconstruction error falls like 1/sqrt(|codebook|); a causal mask keeps t(t+1)/2 of t^2 "
                        + "attention entries.",
                javafx.beans.binding.Bindings.createStringBinding(() -> {
                    var full = vm.fullMapProperty().get();
                    var causal = vm.causalMapProperty().get();
                    return full == null || causal == null ? "" : String.format(java.util.Locale.ROOT,
                            "This input (%s encoder, %d tokens): %d non-zero attention weights under the full mask, %d causal.",
                            full.encoder(), full.t(), full.nonZero(), causal.nonZero());
                }, vm.fullMapProperty(), vm.causalMapProperty()),
                "In the VQ tab, where the measured slope leaves the 1/sqrt reference and how many codes the held-out patches "
                        + "actually use; in Attention, that the causal map is exactly zero above the diagonal.",
                "A law stated for large natural data need not hold on ShapesWorld: most patches are background, so a large "
                        + "codebook has little left to spend its codes on.",
                "\\text{MSE}(K) \\propto K^{-1/2}", java.util.List.of("power-law fit"));
    }
}
