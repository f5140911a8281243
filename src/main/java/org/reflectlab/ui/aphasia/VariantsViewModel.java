package org.reflectlab.ui.aphasia;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/** The ablation variants: the same round trip on models trained with one change each (cached per variant checksum). */
public final class VariantsViewModel {

    private final AphasiaViewModel.VariantSource source;
    private final Experiment experiment;
    private final ReadOnlyObjectWrapper<List<Ablation.Variant>> variants = new ReadOnlyObjectWrapper<>(List.of());

    VariantsViewModel(TaskRunner runner, Notifier notifier, AphasiaViewModel.VariantSource source) {
        this.source = source;
        this.experiment = new Experiment(runner, notifier, new I18n.Message("aphasia.variants.failed.title"),
                new I18n.Message("aphasia.variants.status.ready"));
    }

    public void compare(AphasiaSettings s) {
        experiment.submit(I18n.tr("aphasia.task.variants"), new I18n.Message("aphasia.variants.status.running", s.samples()),
                ctx -> source.run(s, RoundTripProgress.of(ctx, experiment)), v -> {
                    variants.set(List.copyOf(v));
                    experiment.status(new I18n.Message("aphasia.variants.status.done", v.size(), s.samples(), s.seed()));
                }, new I18n.Message("kit.status.cancelled"), e -> I18n.Message.literal(Experiment.message(e)), e -> { });
    }

    public Experiment experiment() {
        return experiment;
    }

    /** The variants' results (baseline first), empty until compared. */
    public ReadOnlyObjectProperty<List<Ablation.Variant>> variantsProperty() {
        return variants.getReadOnlyProperty();
    }
}
