package org.reflectlab.ui.aphasia;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.Notifier;

/** Describe from memory: posters bound to name tokens, then drawn and described when asked by name. */
public final class MemoryViewModel {

    private final SharedModels models;
    private final Experiment experiment;
    private final ReadOnlyObjectWrapper<MemoryExperiment.Result> result = new ReadOnlyObjectWrapper<>();

    MemoryViewModel(TaskRunner runner, Notifier notifier, SharedModels models) {
        this.models = models;
        this.experiment = new Experiment(runner, notifier, "Memory experiment failed",
                "Posters are bound to name tokens (learned latents, decoders frozen) from name->image pairs and a few "
                        + "name->caption pairs; asked by name, the model draws and describes each poster.");
    }

    public void run(MemoryExperiment.Settings s) {
        experiment.submit("Aphasia: describe from memory",
                "Training " + s.posters() + " name latents for " + s.steps() + " steps, then recalling…",
                ctx -> models.use(ctx, m -> MemoryExperiment.run(m.unified(), m.judge(), s, RoundTripProgress.of(ctx, experiment))),
                r -> {
                    result.set(r);
                    experiment.status(String.format(Locale.ROOT, "%d posters (%d with captions), %d steps: image loss %.4f -> %.4f, %.1f s.",
                            s.posters(), s.captioned(), s.steps(), r.initialImageLoss(), r.finalImageLoss(), r.seconds()));
                });
    }

    public Experiment experiment() {
        return experiment;
    }

    public ReadOnlyObjectProperty<MemoryExperiment.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
