package org.reflectlab.ui.shell;

import java.util.List;
import org.reflectlab.ui.data.DataView;
import org.reflectlab.ui.data.DataViewModel;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.ui.reflect.ReflectView;
import org.reflectlab.ui.reflect.ReflectViewModel;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.ui.scaling.ScalingView;
import org.reflectlab.ui.scaling.ScalingViewModel;
import org.reflectlab.ui.train.TrainView;
import org.reflectlab.ui.train.TrainViewModel;

/** Every workspace that exists, in sidebar order. Only real, working workspaces are listed. */
public final class Workspaces {

    private Workspaces() {
    }

    public static List<Workspace> all() {
        return List.of(
                new Workspace("data", "shell.workspace.data", "shell.workspace.data.hint",
                        "M3 3h8v8H3z M13 3h8v8h-8z M3 13h8v8H3z M13 13h8v8h-8z",
                        s -> new DataView(remembered(new DataViewModel(s.runner(), s.notifier()), s, DataViewModel::remember)), () -> List.of(DataView.KEYS)),
                new Workspace("train", "shell.workspace.train", "shell.workspace.train.hint",
                        "M3 20h18v1.5H3z M4 17l4.5-6 3.5 3.5L17 7l3 3.5V16H4z",
                        s -> new TrainView(remembered(new TrainViewModel(s.runner(), s.notifier(), TrainViewModel.FRESH, s.models()), s, TrainViewModel::remember)), () -> List.of(TrainView.KEYS)),
                new Workspace("reflect", "shell.workspace.reflect", "shell.workspace.reflect.hint",
                        "M12 4a8 8 0 1 1-7.5 5.2l1.9.7A6 6 0 1 0 12 6v3L7 5l5-4z",
                        s -> new ReflectView(remembered(new ReflectViewModel(s.runner(), s.notifier(), () -> reflector(s)), s,
                                ReflectViewModel::remember)),
                        () -> List.of(ReflectView.KEYS)),
                new Workspace("world", "shell.workspace.world", "shell.workspace.world.hint",
                        "M16 3.5a4 4 0 1 1 0 8a4 4 0 1 1 0-8z M3 20h18v1.5H3z M3.5 17.5a1.5 1.5 0 1 1 3 0a1.5 1.5 0 1 1-3 0z "
                                + "M7.5 12.5a1.5 1.5 0 1 1 3 0a1.5 1.5 0 1 1-3 0z",
                        s -> org.reflectlab.ui.world.WorldView.create(s.runner(), s.notifier(), s.models(), s.settings()),
                        () -> List.of(org.reflectlab.ui.world.WorldView.KEYS, org.reflectlab.ui.world.PlayPane.KEYS)),
                new Workspace("scaling", "shell.workspace.scaling", "shell.workspace.scaling.hint",
                        "M3 21V3h1.5v16.5H21V21z M6 17l3.5-5 3 2.5L19 6l1.2 1L12.8 16.5l-3-2.5L7.2 18z",
                        s -> new ScalingView(remembered(new ScalingViewModel(s.runner(), s.notifier(), () -> reflector(s),
                                () -> modelIds(s), AppPaths.sweeps(), PromptSet.generate(1, 50).prompts()), s, ScalingViewModel::remember)), () -> List.of(ScalingView.KEYS)),
                new Workspace("aphasia", "shell.workspace.aphasia", "shell.workspace.aphasia.hint",
                        "M4 4h16v11H10l-5 4v-4H4z M8 8h8v1.5H8z M8 11h5v1.5H8z",
                        s -> org.reflectlab.ui.aphasia.AphasiaView.create(s.runner(), s.notifier(), s.models(), s.settings()),
                        () -> List.of(org.reflectlab.ui.aphasia.AphasiaView.KEYS)),
                new Workspace("serving", "shell.workspace.serving", "shell.workspace.serving.hint",
                        "M10 3h4v4h-4z M3 17h4v4H3z M10 17h4v4h-4z M17 17h4v4h-4z M11.25 7h1.5v4.5H19V17h-1.5v-4H12.75v4h-1.5v-4H6.5v4H5v-5.5h6.25z",
                        s -> org.reflectlab.ui.serving.ServingView.create(s.runner(), s.notifier(), s.models())),
                new Workspace("concepts", "shell.workspace.concepts", "shell.workspace.concepts.hint",
                        "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M11 16h2v2h-2z M12 6a3.5 3.5 0 0 1 3.5 3.5c0 2-2.5 2.5-2.5 4.5h-2c0-3 2.5-3 2.5-4.5a1.5 1.5 0 0 0-3 0H8.5A3.5 3.5 0 0 1 12 6z",
                        s -> org.reflectlab.ui.concepts.ConceptsView.create(s.runner(), s.notifier(), s.models())));
    }

    /** A ViewModel with its last settings restored (and followed) from the user settings, before its view is built. */
    private static <V> V remembered(V vm, AppServices s, java.util.function.BiConsumer<V, org.reflectlab.core.settings.Settings> remember) {
        remember.accept(vm, s.settings());
        return vm;
    }

    private static java.util.Map<String, Object> modelIds(AppServices s) {
        try {
            return SweepInputs.models(s.models());
        } catch (ModelStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Reflector reflector(AppServices s) {
        try {
            return org.reflectlab.core.registry.ModelRegistry.of(s.models()).reflector();
        } catch (ModelStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
