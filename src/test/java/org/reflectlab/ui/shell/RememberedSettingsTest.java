package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.world.ActionScript;
import org.reflectlab.ui.aphasia.AphasiaViewModel;
import org.reflectlab.ui.data.DataViewModel;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.reflectlab.ui.reflect.ReflectViewModel;
import org.reflectlab.ui.scaling.ScalingViewModel;
import org.reflectlab.ui.train.TrainViewModel;
import org.reflectlab.ui.world.WorldViewModel;

/** Each workspace's last prompt, seed, K values, category and other settings survive a restart (a new settings file read). */
class RememberedSettingsTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingNotifier notifier = new RecordingNotifier();

    /** Writes what the first session changed (as the app does on exit) and reads it back as the next start does. */
    private static Settings restart(Settings before, Path file) {
        before.save();
        return new Settings(file);
    }

    @Test
    void reflectAndDataRememberPromptSeedAndCategory(@TempDir Path dir) {
        Path file = dir.resolve("settings.properties");
        Settings first = new Settings(file);
        ReflectViewModel reflect = new ReflectViewModel(runner, notifier, () -> null);
        reflect.remember(first);
        reflect.form().promptProperty().set("two blue squares");
        reflect.form().kProperty().set(5);
        reflect.form().seedProperty().set(42);
        reflect.form().compareProperty().set(false);
        DataViewModel data = new DataViewModel(runner, notifier);
        data.remember(first);
        data.seedProperty().set(77);
        data.categoryProperty().set(org.reflectlab.ui.data.CategoryFilter.choices().get(3));

        Settings next = restart(first, file);
        ReflectViewModel reflect2 = new ReflectViewModel(runner, notifier, () -> null);
        reflect2.remember(next);
        assertEquals("two blue squares", reflect2.form().promptProperty().get());
        assertEquals(5, reflect2.form().kProperty().get());
        assertEquals(42, reflect2.form().seedProperty().get());
        assertEquals(false, reflect2.form().compareProperty().get());
        DataViewModel data2 = new DataViewModel(runner, notifier);
        data2.remember(next);
        assertEquals(77, data2.seedProperty().get());
        assertEquals(org.reflectlab.ui.data.CategoryFilter.choices().get(3), data2.categoryProperty().get());
    }

    @Test
    void aWorkspaceChangeReachesTheFileWithoutACleanExit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Settings first = new Settings(file).autosave(50);
        ReflectViewModel reflect = new ReflectViewModel(runner, notifier, () -> null);
        reflect.remember(first);
        reflect.form().promptProperty().set("a green triangle");
        long end = System.currentTimeMillis() + 5000;
        while (first.writes() == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        // no save() call: what a killed app leaves on disk
        ReflectViewModel next = new ReflectViewModel(runner, notifier, () -> null);
        next.remember(new Settings(file));
        assertEquals("a green triangle", next.form().promptProperty().get());
    }

    @Test
    void scalingRemembersKValuesMethodsAndCompareK(@TempDir Path dir) {
        Path file = dir.resolve("settings.properties");
        Settings first = new Settings(file);
        ScalingViewModel scaling = scaling(dir);
        scaling.remember(first);
        scaling.setup().ksProperty().set("1,2,4,8");
        scaling.setup().tttProperty().set(false);
        scaling.setup().seedProperty().set(9);
        scaling.compareK().promptTextProperty().set("a red circle");
        scaling.compareK().seedProperty().set(2700516067149466145L);

        ScalingViewModel again = scaling(dir);
        again.remember(restart(first, file));
        assertEquals("1,2,4,8", again.setup().ksProperty().get());
        assertEquals(false, again.setup().tttProperty().get());
        assertEquals(9, again.setup().seedProperty().get());
        assertEquals("a red circle", again.compareK().promptTextProperty().get());
        assertEquals(2700516067149466145L, again.compareK().seedProperty().get());
    }

    @Test
    void trainWorldAndAphasiaRememberTheirSettingsAndRefuseBadOnes(@TempDir Path dir) {
        Path file = dir.resolve("settings.properties");
        Settings first = new Settings(file);
        TrainViewModel train = new TrainViewModel(runner, notifier, TrainViewModel.FRESH, null);
        train.remember(first);
        train.hyper().applyQuick();
        WorldViewModel world = WorldViewModel.forStore(runner, notifier, new ModelStore(dir.resolve("models")));
        world.remember(first);
        world.settings().setSeed(123);
        world.settings().setScript(ActionScript.values()[0]);
        AphasiaViewModel aphasia = new AphasiaViewModel(runner, notifier, () -> null, new AphasiaCache());
        aphasia.remember(first);
        aphasia.setup().setSeed(31);
        aphasia.scenes().setSortBy(Metric.FINE);
        first.put("train.batch", "1"); // out of range: refused on reading, the default stays

        Settings next = restart(first, file);
        TrainViewModel train2 = new TrainViewModel(runner, notifier, TrainViewModel.FRESH, null);
        train2.remember(next);
        assertEquals(48, train2.hyper().params().get("width").value().intValue(), "the quick preset's width");
        assertEquals(20, train2.hyper().params().get("evalEvery").value().intValue());
        assertEquals(32, train2.hyper().params().get("batch").value().intValue(), "a refused stored value keeps the default");
        assertEquals("", train2.hyper().errorProperty().get());
        WorldViewModel world2 = WorldViewModel.forStore(runner, notifier, new ModelStore(dir.resolve("models")));
        world2.remember(next);
        assertEquals(123, world2.settings().seedProperty().get());
        assertEquals(ActionScript.values()[0], world2.settings().scriptProperty().get());
        AphasiaViewModel aphasia2 = new AphasiaViewModel(runner, notifier, () -> null, new AphasiaCache());
        aphasia2.remember(next);
        assertEquals(31, aphasia2.setup().seedProperty().get());
        assertEquals(Metric.FINE, aphasia2.scenes().sortByProperty().get());
        aphasia2.scenes().setSortBy(null);
        AphasiaViewModel aphasia3 = new AphasiaViewModel(runner, notifier, () -> null, new AphasiaCache());
        aphasia3.remember(restart(next, file));
        assertNull(aphasia3.scenes().sortByProperty().get(), "the mean attribute gap is remembered too");
    }

    @Test
    void valuesOutsideTheirControlsRangeKeepTheDefaultAndAreReportedOnce(@TempDir Path dir) {
        Path file = dir.resolve("settings.properties");
        Settings edited = new Settings(file);
        edited.put("data.pixels", "0");
        edited.put("data.count", "100000000");
        edited.put("data.seed", "5");
        edited.put("reflect.guidance", "99");
        edited.put("reflect.k", "abc");
        edited.put("scaling.perCategory", "-3");
        edited.put("world.horizon", "100000");
        Settings next = restart(edited, file);

        DataViewModel data = new DataViewModel(runner, notifier);
        data.remember(next);
        assertEquals(32, data.imageSizeProperty().get(), "no 0-pixel render");
        assertEquals(24, data.countProperty().get(), "no 100-million-sample render");
        assertEquals(5, data.seedProperty().get(), "values in range still apply");
        ReflectViewModel reflect = new ReflectViewModel(runner, notifier, () -> null);
        double guidance = reflect.form().guidanceProperty().get();
        int k = reflect.form().kProperty().get();
        reflect.remember(next);
        assertEquals(guidance, reflect.form().guidanceProperty().get());
        assertEquals(k, reflect.form().kProperty().get());
        ScalingViewModel scaling = scaling(dir);
        int perCategory = scaling.setup().perCategoryProperty().get();
        scaling.remember(next);
        assertEquals(perCategory, scaling.setup().perCategoryProperty().get());
        WorldViewModel world = WorldViewModel.forStore(runner, notifier, new ModelStore(dir.resolve("models")));
        world.remember(next);
        assertEquals("", world.settings().settingsErrorProperty().get(), "reported once by the shell, not left on the panel");

        assertEquals(java.util.List.of("data.count=100000000 (must be one of [12, 24, 48, 96, 192])",
                "data.pixels=0 (must be one of [32, 48, 64])", "reflect.k=abc (must be 1..20)", "reflect.guidance=99 (must be 1..6)",
                "scaling.perCategory=-3 (must be 1..50)", "world.horizon=100000 (must be 1.." + org.reflectlab.core.world.WorldSpec.MAX_HORIZON
                        + ")"), next.takeRefused());
        assertEquals(java.util.List.of(), next.takeRefused(), "said once");
        assertEquals(java.util.Optional.empty(), restart(next, file).get("data.pixels"), "the bad value is not kept for next time");
    }

    private ScalingViewModel scaling(Path dir) {
        return new ScalingViewModel(runner, notifier, () -> null, Map::of, dir.resolve("sweeps"), PromptSet.generate(1, 2).prompts());
    }
}
