package org.reflectlab.ui.aphasia;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.Notifier;

/** The ablation variants: the same round trip on models trained with one change each (cached per variant checksum). */
public final class VariantsViewModel {

    private final AphasiaViewModel.VariantSource source;
    private final Experiment experiment;
    private final ReadOnlyObjectWrapper<List<Ablation.Variant>> variants = new ReadOnlyObjectWrapper<>(List.of());

    VariantsViewModel(TaskRunner runner, Notifier notifier, AphasiaViewModel.VariantSource source) {
        this.source = source;
        this.experiment = new Experiment(runner, notifier, "Ablation not run",
                "Compares the gap of models trained with the same small settings but one change each (models named ablate-*).");
    }

    public void compare(AphasiaSettings s) {
        experiment.submit("Aphasia ablation variants", "Running the ablation variants on " + s.samples() + " scenes…",
                ctx -> source.run(s, RoundTripProgress.of(ctx, experiment)), v -> {
                    variants.set(List.copyOf(v));
                    experiment.status(String.format(Locale.ROOT, "%d variants on %d scenes (seed %d).", v.size(), s.samples(), s.seed()));
                });
    }

    public Experiment experiment() {
        return experiment;
    }

    /** The variants' results (baseline first), empty until compared. */
    public ReadOnlyObjectProperty<List<Ablation.Variant>> variantsProperty() {
        return variants.getReadOnlyProperty();
    }
}
