package org.reflectlab.ui.serving;

import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.reflectlab.core.serving.WorkerBoard;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Localized;

/**
 * The Serving workspace: a request composer (input modality and data, output modality) with the
 * reply shown as an image, a caption or a playable clip; a live diagram of router and workers
 * (state, queue, restarts); fault injection; live latency and throughput charts. Bindings and
 * drawing only; the state is in {@link ServingViewModel}.
 */
public final class ServingView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    private final ServingViewModel vm;
    private final FlowPane workers = new FlowPane(10, 10);
    private final XYChart.Series<Number, Number> p50 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p95 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> throughput = new XYChart.Series<>();
    private final Timeline poll;
    /** Body width below which the fault column goes under the charts: composer 340 + charts ~420 + faults 230. */
    private static final double THREE_COLUMNS = 1000;

    public ServingView(ServingViewModel vm) {
        this.vm = vm;
        getStyleClass().add("serving-view");
        getStylesheets().add(ServingView.class.getResource("serving.css").toExternalForm());
        setTop(toolbar());
        // three columns where they fit; on a narrower window the fault column moves under the charts (the body then
        // scrolls down, never sideways: what a learner never scrolls to is as good as cut)
        VBox centre = diagramAndCharts();
        VBox faults = faults();
        BorderPane body = new BorderPane(centre, null, faults, null, new ComposerPane(vm.composer()));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(body);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            boolean narrow = b.getWidth() < THREE_COLUMNS;
            if (narrow && body.getRight() == faults) {
                body.setRight(null);
                centre.getChildren().add(faults);
            } else if (!narrow && body.getRight() == null) {
                centre.getChildren().remove(faults);
                body.setRight(faults);
            }
        });
        scroll.setId("serving-body");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        vm.workers().addListener((ListChangeListener<WorkerBoard.View>) c -> drawWorkers());
        vm.ticks().addListener((ListChangeListener<ServingViewModel.Tick>) c -> updateTicks(c));
        // the worker cards are built, not bound: build them again in the new language
        I18n.localeProperty().addListener((o, a, l) -> drawWorkers());
        poll = new Timeline(new KeyFrame(Duration.millis(250), e -> vm.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private HBox toolbar() {
        Button start = button("serving.start");
        start.setId("serving-start");
        start.disableProperty().bind(vm.canStart().not());
        start.setOnAction(e -> vm.start());
        start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("serving-status");
        status.textProperty().bind(vm.statusProperty());
        Label totals = new Label();
        totals.setId("serving-totals");
        totals.getStyleClass().add("serving-totals");
        totals.textProperty().bind(vm.totalsProperty());
        totals.setTooltip(new javafx.scene.control.Tooltip());
        totals.getTooltip().textProperty().bind(I18n.text("serving.totals.tooltip"));
        VBox text = new VBox(2, status, totals);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox bar = new HBox(12, start, text);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10));
        return bar;
    }

    private VBox diagramAndCharts() {
        workers.setId("serving-workers");
        workers.setPrefWrapLength(560);
        Label router = text("serving.router");
        router.getStyleClass().add("serving-router");
        Label arrow = new Label("\u2192");
        // the router wraps, so router, arrow and a worker card fit the centre column at 1024 px (no sideways scroll)
        router.setWrapText(true);
        router.setMaxWidth(150);
        router.setMinWidth(110);
        router.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        arrow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox diagram = new HBox(16, router, arrow, workers);
        diagram.setAlignment(Pos.CENTER_LEFT);
        ListView<String> routes = new ListView<>(vm.routeTable());
        routes.setId("serving-routes");
        routes.setPrefHeight(170);
        routes.getStyleClass().add("serving-routes");
        NumberAxis t1 = new NumberAxis();
        t1.labelProperty().bind(I18n.text("serving.chart.seconds"));
        NumberAxis ms = new NumberAxis();
        ms.labelProperty().bind(I18n.text("serving.chart.ms", vm.chartRouteProperty()));
        LineChart<Number, Number> latency = new LineChart<>(t1, ms);
        latency.titleProperty().bind(I18n.text("serving.chart.latency"));
        latency.setCreateSymbols(false);
        latency.setAnimated(false);
        p50.setName("p50");
        p95.setName("p95");
        latency.getData().setAll(List.of(p50, p95));
        NumberAxis t2 = new NumberAxis();
        t2.labelProperty().bind(I18n.text("serving.chart.seconds"));
        NumberAxis rate = new NumberAxis();
        rate.labelProperty().bind(I18n.text("serving.chart.rate"));
        LineChart<Number, Number> thr = new LineChart<>(t2, rate);
        thr.titleProperty().bind(I18n.text("serving.chart.throughput"));
        thr.setCreateSymbols(false);
        thr.setAnimated(false);
        thr.setLegendVisible(false);
        thr.getData().add(throughput);
        HBox charts = new HBox(8, latency, thr);
        // tall enough for the vertical axis labels; the body scrolls vertically in a small window instead
        charts.setMinHeight(230);
        HBox.setHgrow(latency, Priority.ALWAYS);
        HBox.setHgrow(thr, Priority.ALWAYS);
        VBox box = new VBox(10, header("serving.header.workers"), diagram, header("serving.header.latency"), routes, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private VBox faults() {
        ComboBox<String> target = new ComboBox<>();
        target.setId("serving-target");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        vm.workers().addListener((ListChangeListener<WorkerBoard.View>) c -> {
            List<String> names = vm.workers().stream().map(WorkerBoard.View::name).toList();
            if (!names.equals(target.getItems())) {
                target.getItems().setAll(names);
            }
        });
        Button crash = button("serving.crash");
        crash.setId("serving-crash");
        crash.setOnAction(e -> vm.crash());
        Button slow = button("serving.slow");
        slow.setId("serving-slow");
        slow.setOnAction(e -> vm.slow(1000));
        Button normal = button("serving.normal");
        normal.setOnAction(e -> vm.slow(0));
        Spinner<Integer> n = new Spinner<>(1, 100_000, 200, 100);
        n.setEditable(true);
        n.setPrefWidth(100);
        n.getValueFactory().valueProperty().bindBidirectional(vm.floodProperty().asObject());
        Button flood = button("serving.flood");
        flood.setId("serving-flood");
        flood.setOnAction(e -> vm.flood());
        Button restore = button("serving.restore");
        restore.setId("serving-restore");
        restore.setOnAction(e -> vm.restore());
        for (Button b : List.of(crash, slow, normal, flood, restore)) {
            b.disableProperty().bind(vm.runningProperty().not());
            b.setMaxWidth(Double.MAX_VALUE);
        }
        Label note = text("serving.faults.note");
        org.reflectlab.ui.kit.Fit.wrapped(note); // never squeezed to "...", beside the charts or under them
        note.getStyleClass().add("serving-note");
        VBox box = new VBox(8, header("serving.header.faults"), text("serving.worker"), target, crash, slow, normal,
                new HBox(6, n, flood), restore, note, loadControl());
        box.setPadding(new Insets(10));
        box.setPrefWidth(230);
        return box;
    }

    /** Offer a multiple of the measured capacity and watch admission control shed the excess. */
    private VBox loadControl() {
        LoadViewModel load = vm.load();
        Button measure = button("serving.measure");
        measure.setId("serving-measure");
        measure.setMaxWidth(Double.MAX_VALUE);
        measure.disableProperty().bind(load.canMeasure().not().or(vm.runningProperty().not()));
        measure.setOnAction(e -> load.measure(3_000));
        Spinner<Double> multiple = new Spinner<>(0.25, 5.0, load.multipleProperty().get(), 0.25);
        multiple.setId("serving-multiple");
        multiple.setEditable(true);
        multiple.setPrefWidth(90);
        multiple.getValueFactory().valueProperty().bindBidirectional(load.multipleProperty().asObject());
        Button offer = button("serving.offer");
        offer.setId("serving-offer");
        offer.disableProperty().bind(load.canOffer().not().or(load.offeringProperty()));
        offer.setOnAction(e -> load.offer());
        Button stop = button("serving.stop");
        stop.setId("serving-stop-load");
        stop.disableProperty().bind(load.offeringProperty().not());
        stop.setOnAction(e -> load.stop());
        Label status = new Label();
        status.setId("serving-load-status");
        org.reflectlab.ui.kit.Fit.wrapped(status);
        status.textProperty().bind(load.statusProperty());
        status.getStyleClass().add("serving-note");
        return new VBox(8, header("serving.header.load"), measure, new HBox(6, multiple, text("serving.multiple")), new HBox(6, offer, stop),
                status);
    }

    static Label header(String key) {
        Label l = text(key);
        l.getStyleClass().add("serving-header");
        return l;
    }

    static Label text(String key) {
        return Localized.label(key);
    }

    static Button button(String key) {
        return Localized.button(key);
    }

    private void drawWorkers() {
        workers.getChildren().clear();
        for (WorkerBoard.View v : vm.workers()) {
            Label card = new Label(I18n.tr("serving.card", v.name(), v.node(), state(v.state()),
                    v.inFlight(), v.restarts(), v.batches(), v.meanBatch(),
                    Double.isNaN(v.costMillis()) ? I18n.tr("serving.card.job.none") : I18n.tr("serving.card.job", v.costMillis()),
                    batchSizes(v), v.delayMillis() > 0 ? I18n.tr("serving.card.slowed", v.delayMillis()) : ""));
            card.getStyleClass().addAll("serving-worker", "state-" + v.state().name().toLowerCase(Locale.ROOT));
            card.setId("serving-worker-" + v.name());
            // a long line (many batch sizes) wraps inside the card instead of pushing the diagram past the window's edge
            card.setWrapText(true);
            card.setMaxWidth(230);
            workers.getChildren().add(card);
        }
    }

    /** A worker's state in the current language. */
    private static String state(WorkerBoard.State s) {
        return I18n.tr(switch (s) {
            case STARTING -> "serving.state.starting";
            case IDLE -> "serving.state.idle";
            case BUSY -> "serving.state.busy";
            case RESTARTING -> "serving.state.restarting";
            case DEGRADED -> "serving.state.degraded";
            case REMOTE -> "serving.state.remote";
        });
    }

    /** Batches by size, e.g. "1:40 2:12 4:3 8:1": how much dynamic batching shares. */
    private static String batchSizes(WorkerBoard.View v) {
        if (v.batches() == 0) {
            return I18n.tr("serving.card.no-batches");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.batchSizes().length; i++) {
            if (v.batchSizes()[i] > 0) {
                s.append(' ').append(i < WorkerBoard.BATCH_BOUNDS.length ? "\u2264" + WorkerBoard.BATCH_BOUNDS[i] : ">64")
                        .append(':').append(v.batchSizes()[i]);
            }
        }
        return I18n.tr("serving.card.sizes", s.toString());
    }

    /**
     * Applies a change of the ticks to the charts point by point: redrawing 3 x 240 points twice a second (a tick's add
     * and the oldest's removal) cost the FX thread a frame each time.
     */
    private void updateTicks(ListChangeListener.Change<? extends ServingViewModel.Tick> c) {
        while (c.next()) {
            if (c.wasPermutated() || c.wasUpdated() || c.getFrom() != 0 && c.wasRemoved()) {
                drawTicks();
                return;
            }
            if (c.wasRemoved()) {
                double first = vm.ticks().isEmpty() ? Double.POSITIVE_INFINITY : vm.ticks().get(0).seconds();
                for (XYChart.Series<Number, Number> s : List.of(p50, p95, throughput)) {
                    int n = 0;
                    while (n < s.getData().size() && s.getData().get(n).getXValue().doubleValue() < first) {
                        n++;
                    }
                    s.getData().remove(0, n);
                }
            }
            if (c.wasAdded()) {
                for (ServingViewModel.Tick t : c.getAddedSubList()) {
                    addTick(t);
                }
            }
        }
    }

    private void addTick(ServingViewModel.Tick t) {
        if (!Double.isNaN(t.p50())) {
            p50.getData().add(new XYChart.Data<>(t.seconds(), t.p50()));
            p95.getData().add(new XYChart.Data<>(t.seconds(), t.p95()));
        }
        throughput.getData().add(new XYChart.Data<>(t.seconds(), t.throughput()));
    }

    private void drawTicks() {
        p50.getData().clear();
        p95.getData().clear();
        throughput.getData().clear();
        vm.ticks().forEach(this::addTick);
    }

    /** The workspace as the shell opens it: the embedded node starts at once, in the background. */
    public static ServingView create(org.reflectlab.core.concurrent.TaskRunner runner, org.reflectlab.ui.kit.Notifier notifier,
                                     org.reflectlab.core.store.ModelStore models) {
        ServingViewModel vm = new ServingViewModel(runner, notifier, () -> org.reflectlab.core.serving.ServingNode.start(
                org.reflectlab.core.serving.ServingConfig.local(), org.reflectlab.core.serving.RouteEngine.shipped(models, "unified")));
        ServingView view = new ServingView(vm);
        vm.start();
        // hidden a while: the node closes and its workers' models go (what is shown stays); shown again: it starts again
        org.reflectlab.ui.kit.Releasable.register(view, org.reflectlab.ui.kit.Releasable.of(vm::release, vm::rebuild));
        return view;
    }

    /** Stops polling (the node itself is closed by its ViewModel). */
    public void dispose() {
        poll.stop();
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return new org.reflectlab.ui.kit.Notice(I18n.tr("serving.notice.claim"), I18n.tr("serving.notice.paper"),
                I18n.text("serving.notice.measured", vm.totalsProperty()), I18n.tr("serving.notice.look-for"), I18n.tr("serving.notice.why"),
                "p_{99} = \\inf\\{\\,t : P(\\text{latency} \\le t) \\ge 0.99\\,\\}", java.util.List.of());
    }
}
