package org.reflectlab.ui.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.serving.LatencyHistogram;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.ServingMetrics;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.serving.WorkerBoard;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/**
 * The Serving workspace's state: the embedded node (started in the background), the request
 * composer ({@link #composer()}), fault injection, and a picture of workers and metrics that
 * {@link #refresh()} copies from the node (the view calls it a few times a second; it reads
 * lock-free counters, no model work). Replies arrive on actor threads and are handed to the UI thread.
 */
public final class ServingViewModel {

    /** One chart sample: seconds since start, completed/s, and p50/p95 of the chosen route so far. */
    public record Tick(double seconds, double throughput, double p50, double p95) { }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<ServingNode> nodeFactory;
    private ServingNode node;
    private SceneInputs inputs;
    private final ThroughputTicks ticks = new ThroughputTicks();
    private boolean startOnShow;

    // Properties //
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    // a message, so the status line follows a language switch
    private final ObjectProperty<I18n.Message> statusMessage = new SimpleObjectProperty<>(new I18n.Message("serving.status.idle"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final IntegerProperty flood = new SimpleIntegerProperty(200);
    private final StringProperty target = new SimpleStringProperty("image-1");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ObservableList<WorkerBoard.View> workers = FXCollections.observableArrayList();
    private final ObservableList<String> routeTable = FXCollections.observableArrayList();
    // one read-only view each: a wrapper made per call would be collected, and its listeners with it
    private final ObservableList<WorkerBoard.View> workersView = FXCollections.unmodifiableObservableList(workers);
    private final ObservableList<String> routeTableView = FXCollections.unmodifiableObservableList(routeTable);
    private final ObjectProperty<String> chartRoute = new SimpleObjectProperty<>("text->image");

    // Commands //
    private final BooleanBinding canStart = running.or(starting).not();
    private final LoadViewModel load;
    private final ComposerViewModel composer;

    public ServingViewModel(TaskRunner runner, Notifier notifier, Supplier<ServingNode> nodeFactory) {
        this.runner = runner;
        this.notifier = notifier;
        this.nodeFactory = nodeFactory;
        this.load = new LoadViewModel(runner, notifier, () -> node);
        this.composer = new ComposerViewModel(runner, () -> node, () -> inputs, running);
        status.bind(I18n.textOf(statusMessage));
    }

    /** The request composer and its last reply. */
    public ComposerViewModel composer() {
        return composer;
    }

    /** The load control's state: capacity, the multiple offered, and what the offered load saw. */
    public LoadViewModel load() {
        return load;
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        starting.set(true);
        statusMessage.set(new I18n.Message("serving.status.starting"));
        runner.submit(BackgroundTask.of(I18n.tr("serving.task.start"), ctx -> nodeFactory.get())
                .onSuccess(n -> {
                    node = n;
                    inputs = new SceneInputs(1);
                    statusMessage.set(new I18n.Message(ticks.started() ? "serving.status.serving.again" : "serving.status.serving",
                            n.address(), n.board().views().size()));
                    running.set(true);
                    refresh();
                })
                .onFailure(e -> {
                    statusMessage.set(new I18n.Message("serving.status.failed", String.valueOf(e.getMessage())));
                    notifier.error(I18n.tr("serving.error.title"), String.valueOf(e.getMessage()));
                })
                .onFinished(() -> starting.set(false)));
    }

    public void crash() {
        withNode(n -> n.crash(target.get()));
    }

    public void slow(long millis) {
        withNode(n -> n.slow(target.get(), millis));
    }

    public void restore() {
        withNode(n -> Arrays.stream(Modality.values()).forEach(n::restore));
    }

    private void withNode(Consumer<ServingNode> action) {
        if (node != null) {
            action.accept(node);
        }
    }

    /** Sends flood-many requests over every route at once; their replies only count in the metrics. */
    public void flood() {
        ServingNode n = node;
        if (n == null) {
            return;
        }
        runner.submit(Flood.of(n, inputs, flood.get()));
    }

    /** Copies the node's workers and metrics into the properties; call on the UI thread. */
    public void refresh() {
        if (node == null) {
            return;
        }
        List<WorkerBoard.View> views = node.board().views();
        if (!views.equals(workers)) {
            workers.setAll(views);
        }
        ServingMetrics.Totals t = node.metrics().totals();
        // one short line (the toolbar keeps one row, so the charts keep their height at 1024x700); the tooltip spells it out
        totals.set(I18n.tr("serving.totals", t.sent(), t.sent() - t.rejected(), t.completed(), t.failed(), t.timedOut(), t.shed(),
                t.rejected() - t.shed(), t.lost(), t.partial(), node.board().totalRestarts(), views.stream().mapToInt(WorkerBoard.View::inFlight).sum()));
        load.refresh();
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, LatencyHistogram> e : node.metrics().routes().entrySet()) {
            LatencyHistogram h = e.getValue();
            rows.add(String.format(Locale.ROOT, "%-13s n=%-6d p50 %6.2f  p95 %6.2f  p99 %6.2f ms", e.getKey(), h.count(),
                    h.percentileMillis(0.5), h.percentileMillis(0.95), h.percentileMillis(0.99)));
        }
        if (!rows.equals(routeTable)) {
            routeTable.setAll(rows);
        }
        ticks.sample(t.completed(), node.metrics().routes().get(chartRoute.get()));
    }

    /**
     * Hidden a while: closes the node on a worker (waiting for its actor system takes seconds) unless a load is offered or
     * measured or requests are in flight; the reply, charts and settings stay. {@link #rebuild()} starts it again.
     */
    public void release() {
        if (node != null && load.canMeasure().get() && node.board().views().stream().mapToInt(WorkerBoard.View::inFlight).sum() == 0) {
            ServingNode closing = node;
            load.stop();
            node = null;
            running.set(false);
            startOnShow = true;
            runner.submit(BackgroundTask.of(I18n.tr("serving.task.close"), ctx -> {
                closing.close();
                return closing;
            }).hiddenFromTaskList());
        }
    }

    /** Shown again: a node closed by {@link #release()} starts again on a worker. */
    public void rebuild() {
        if (startOnShow) {
            startOnShow = false;
            start();
        }
    }

    public void close() {
        load.stop();
        if (node != null) {
            node.close();
            node = null;
            running.set(false);
        }
    }

    ServingNode node() {
        return node;
    }

    // Accessors //
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public IntegerProperty floodProperty() {
        return flood;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<String> chartRouteProperty() {
        return chartRoute;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ObservableList<WorkerBoard.View> workers() {
        return workersView;
    }

    public ObservableList<String> routeTable() {
        return routeTableView;
    }

    public ObservableList<Tick> ticks() {
        return ticks.view();
    }

    public BooleanBinding canStart() {
        return canStart;
    }
}
