package org.reflectlab.ui.aphasia;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/** Describe from memory: posters bound to name tokens, then drawn and described when asked by name. */
public final class MemoryViewModel {

    private final SharedModels models;
    private final Experiment experiment;
    private final ReadOnlyObjectWrapper<MemoryExperiment.Result> result = new ReadOnlyObjectWrapper<>();

    MemoryViewModel(TaskRunner runner, Notifier notifier, SharedModels models) {
        this.models = models;
        this.experiment = new Experiment(runner, notifier, new I18n.Message("aphasia.memory.failed.title"),
                new I18n.Message("aphasia.memory.status.ready"));
    }

    public void run(MemoryExperiment.Settings s) {
        experiment.submit(I18n.tr("aphasia.task.memory"), new I18n.Message("aphasia.memory.status.running", s.posters(), s.steps()),
                ctx -> models.use(ctx, m -> MemoryExperiment.run(m.unified(), m.judge(), s, RoundTripProgress.of(ctx, experiment))),
                r -> {
                    result.set(r);
                    experiment.status(new I18n.Message("aphasia.memory.status.done", s.posters(), s.captioned(), s.steps(),
                            r.initialImageLoss(), r.finalImageLoss(), r.seconds()));
                }, new I18n.Message("kit.status.cancelled"), e -> I18n.Message.literal(Experiment.message(e)), e -> { });
    }

    public Experiment experiment() {
        return experiment;
    }

    public ReadOnlyObjectProperty<MemoryExperiment.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
