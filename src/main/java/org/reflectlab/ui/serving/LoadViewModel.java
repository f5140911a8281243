package org.reflectlab.ui.serving;

import java.time.Duration;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.OfferedLoad;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/**
 * The load control: measure the node's capacity (closed loop over all nine routes), then offer a
 * multiple of it open loop, each request with a short deadline, so that a learner sees admission
 * control shed what cannot finish in time while the goodput stays. Requests go to the node directly.
 */
public final class LoadViewModel {

    /** The deadline each offered request carries: short, so overload shows within seconds. */
    static final long DEADLINE_MILLIS = 500;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<ServingNode> node;
    private final SceneInputs inputs = new SceneInputs(2);
    private final Modality[] modalities = Modality.values();
    private OfferedLoad load;
    private OfferedLoad.Snapshot last;

    // Properties //
    private final ReadOnlyDoubleWrapper capacity = new ReadOnlyDoubleWrapper(Double.NaN);
    private final DoubleProperty multiple = new SimpleDoubleProperty(2);
    private final ReadOnlyBooleanWrapper measuring = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper offering = new ReadOnlyBooleanWrapper();
    // a message, so the status line follows a language switch
    private final javafx.beans.property.SimpleObjectProperty<I18n.Message> statusMessage =
            new javafx.beans.property.SimpleObjectProperty<>(new I18n.Message("serving.load.ready"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();

    // Commands //
    private final BooleanBinding canMeasure = measuring.or(offering).not();
    private final BooleanBinding canOffer = measuring.not().and(capacity.greaterThan(0));

    public LoadViewModel(TaskRunner runner, Notifier notifier, Supplier<ServingNode> node) {
        this.runner = runner;
        this.notifier = notifier;
        this.node = node;
        status.bind(I18n.textOf(statusMessage));
        multiple.addListener((o, a, m) -> {
            if (load != null) {
                load.rate(m.doubleValue() * capacity.get());
            }
        });
    }

    /** Mixed routes; capacity is measured with the route's own (long) deadline so that nothing is shed while measuring. */
    private OfferedLoad.Sender sender(ServingNode n, boolean shortDeadline) {
        return i -> {
            Modality in = modalities[i % 3];
            Modality out = modalities[(i / 3) % 3];
            return (shortDeadline ? n.request(in, inputs.input(in, i / 9), out, Duration.ofMillis(DEADLINE_MILLIS))
                    : n.request(in, inputs.input(in, i / 9), out)).thenApply(OfferedLoad::of);
        };
    }

    /** Closed loop for a few seconds: completed requests per second with 16 outstanding. */
    public void measure(long millis) {
        ServingNode n = node.get();
        if (n == null || !canMeasure.get()) {
            return;
        }
        measuring.set(true);
        statusMessage.set(new I18n.Message("serving.load.measuring"));
        runner.submit(BackgroundTask.of(I18n.tr("serving.task.measure"), ctx -> OfferedLoad.capacity(sender(n, false), 16, millis))
                .onSuccess(c -> {
                    capacity.set(c);
                    statusMessage.set(new I18n.Message("serving.load.capacity", c));
                })
                .onFailure(e -> notifier.error(I18n.tr("serving.error.title"), I18n.tr("serving.load.failed", String.valueOf(e.getMessage()))))
                .onFinished(() -> measuring.set(false)));
    }

    public void offer() {
        ServingNode n = node.get();
        if (n == null || !canOffer.get() || load != null) {
            return;
        }
        load = new OfferedLoad(sender(n, true), DEADLINE_MILLIS);
        load.rate(multiple.get() * capacity.get());
        offering.set(true);
        refresh();
    }

    public void stop() {
        if (load != null) {
            load.rate(0);
            load.close();
            load = null;
            offering.set(false);
        }
    }

    /** Copies the offered load's counts into the status line; call on the UI thread. */
    public void refresh() {
        if (load == null) {
            return;
        }
        OfferedLoad.Snapshot s = load.snapshot();
        double dt = last == null ? s.seconds() : s.seconds() - last.seconds();
        if (dt >= 0.5 || last == null) {
            double goodput = rate(s, last, OfferedLoad.Outcome.COMPLETED, dt) - (last == null ? s.lateCompleted() : s.lateCompleted() - last.lateCompleted()) / dt;
            statusMessage.set(new I18n.Message("serving.load.offering", load.rate(), multiple.get(), capacity.get(), goodput,
                    rate(s, last, OfferedLoad.Outcome.SHED, dt), rate(s, last, OfferedLoad.Outcome.TIMED_OUT, dt), s.inFlight()));
            last = s;
        }
    }

    private static double rate(OfferedLoad.Snapshot now, OfferedLoad.Snapshot before, OfferedLoad.Outcome o, double dt) {
        return dt <= 0 ? 0 : (now.count(o) - (before == null ? 0 : before.count(o))) / dt;
    }

    OfferedLoad.Snapshot snapshot() {
        return load == null ? null : load.snapshot();
    }

    // Accessors //
    public ReadOnlyDoubleProperty capacityProperty() {
        return capacity.getReadOnlyProperty();
    }

    public DoubleProperty multipleProperty() {
        return multiple;
    }

    public ReadOnlyBooleanProperty offeringProperty() {
        return offering.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canMeasure() {
        return canMeasure;
    }

    public BooleanBinding canOffer() {
        return canOffer;
    }
}
