package org.reflectlab.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.ui.kit.FileExport;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/**
 * The Data workspace: a seeded grid of ShapesWorld samples, and a caption box that renders
 * what the user types. Rendering runs in the background; results arrive on the UI thread.
 */
public final class DataViewModel {

    public static final List<Integer> COUNTS = List.of(12, 24, 48, 96, 192);
    /** Render sizes offered, in pixels. */
    public static final List<Integer> SIZES = List.of(32, 48, 64);
    public static final int MAX_SEED = 999_999;

    private final TaskRunner runner;
    private final Notifier notifier;
    private final FileExport files;

    // Properties //
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final IntegerProperty count = new SimpleIntegerProperty(24);
    private final IntegerProperty imageSize = new SimpleIntegerProperty(DataSpec.DEFAULT_IMAGE_SIZE);
    private final ObjectProperty<CategoryFilter> category = new SimpleObjectProperty<>(CategoryFilter.ALL);
    private final ObservableList<SampleCard> samples = FXCollections.observableArrayList();
    // Kept: listeners on a throw-away unmodifiable wrapper are lost when it is collected.
    private final ObservableList<SampleCard> samplesView = FXCollections.unmodifiableObservableList(samples);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<SampleCard> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<AudioClip> selectedAudio = new ReadOnlyObjectWrapper<>();

    private final BooleanProperty exporting = new SimpleBooleanProperty();

    private final CaptionPreviewViewModel caption;
    private TaskHandle gridTask = TaskHandle.DONE;
    private long gridGeneration;
    private long audioGeneration;

    public DataViewModel(TaskRunner runner, Notifier notifier) {
        this.runner = runner;
        this.notifier = notifier;
        this.files = new FileExport(runner, notifier);
        seed.addListener((o, a, b) -> refresh());
        count.addListener((o, a, b) -> refresh());
        category.addListener((o, a, b) -> refresh());
        imageSize.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> synthesize(b));
        caption = new CaptionPreviewViewModel(runner, imageSize);
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty imageSizeProperty() {
        return imageSize;
    }

    public ObjectProperty<CategoryFilter> categoryProperty() {
        return category;
    }

    /** Changed on the UI thread only. */
    public ObservableList<SampleCard> samples() {
        return samplesView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObjectProperty<SampleCard> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<AudioClip> selectedAudioProperty() {
        return selectedAudio.getReadOnlyProperty();
    }

    /** The caption box beside the grid. */
    public CaptionPreviewViewModel caption() {
        return caption;
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    // Commands //

    /** Redraws the grid for the current seed, count and category; replaces a redraw in progress. */
    public void refresh() {
        gridTask.cancel();
        long generation = ++gridGeneration;
        DataSpec spec = new DataSpec(seed.get(), imageSize.get(), category.get().categories());
        int n = count.get();
        loading.set(true);
        gridTask = runner.submit(BackgroundTask.of(I18n.tr("data.task.render", n), ctx -> {
            ShapesWorld world = new ShapesWorld(spec);
            List<SampleCard> cards = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ctx.checkCancelled();
                Sample s = world.sample(i);
                cards.add(new SampleCard(s, world.render(s.scene())));
                ctx.progress(i + 1, n);
            }
            return cards;
        }).onSuccess(cards -> {
            if (generation == gridGeneration) {
                samples.setAll(cards);
                selected.set(cards.isEmpty() ? null : cards.get(0));
            }
        }).onFailure(e -> notifier.error(I18n.tr("data.error.draw"), String.valueOf(e.getMessage())))
                .onFinished(() -> {
                    if (generation == gridGeneration) {
                        loading.set(false);
                    }
                }));
    }

    /** A new random seed (shown in the seed box, so the grid can be reproduced). */
    public void reseed() {
        int next;
        do {
            next = 1 + new SplittableRandom().nextInt(MAX_SEED);
        } while (next == seed.get());
        seed.set(next);
    }

    /** The selected scene's sound, synthesised on a worker (a few ms of DSP per clip; never on the FX thread). */
    private void synthesize(SampleCard card) {
        long generation = ++audioGeneration;
        if (card == null) {
            selectedAudio.set(null);
            return;
        }
        runner.submit(BackgroundTask.of(I18n.tr("data.task.synthesize"), ctx -> SceneAudio.synthesize(card.sample().scene()))
                .hiddenFromTaskList().onSuccess(clip -> {
                    if (generation == audioGeneration) {
                        selectedAudio.set(clip);
                    }
                }));
    }

    /** Writes the current grid as a PNG in the background. */
    public void exportGrid(Path target) {
        List<RgbImage> images = samples.stream().map(SampleCard::image).toList();
        if (files.nothing(images.isEmpty() ? null : images, I18n.tr("data.export.nothing"))) {
            return;
        }
        exporting.set(true);
        files.write(target, () -> ImageGrid.writePng(ImageGrid.compose(images, 8, Math.max(1, 96 / images.get(0).width()), 4, 0.2f),
                target), () -> exporting.set(false));
    }

    private final ObjectProperty<I18n.Message> soundProblem = new SimpleObjectProperty<>();
    private final javafx.beans.binding.StringBinding soundProblemText = I18n.textOf(soundProblem);
    private Player player = org.reflectlab.ui.kit.AudioPlayer::play;

    /** Plays the selected sample's sound (one tone per object) on the default audio device. */
    public void playSelected() {
        AudioClip clip = selectedAudio.get();
        if (clip == null) {
            return;
        }
        soundProblem.set(null);
        runner.submit(BackgroundTask.of(I18n.tr("data.task.play"), ctx -> {
            player.play(clip);
            return null;
        }).hiddenFromTaskList().onFailure(e -> {
            // one line in the window, in words; the device's own message only on stderr
            System.err.println("sound: " + e);
            soundProblem.set(NO_SOUND);
        }));
    }

    /** What the window says when the clip cannot be played. */
    static final I18n.Message NO_SOUND = new I18n.Message("data.sound.none");

    /** Why the last "Play sound" did not play, in one line in the current language, or "". */
    public javafx.beans.binding.StringBinding soundProblemProperty() {
        return soundProblemText;
    }

    /** Plays a clip; the app's plays on the default device, tests use one that has none. */
    @FunctionalInterface
    public interface Player {
        void play(AudioClip clip) throws Exception;
    }

    /** For tests and machines without sound: who plays the clips. */
    public void setPlayer(Player player) {
        this.player = player;
    }

    /**
     * Keeps the seed, sample count, size and category across restarts; call before the view is built. The caption
     * typed to render is a scratch field and starts empty each time.
     */
    public void remember(org.reflectlab.core.settings.Settings s) {
        new org.reflectlab.ui.kit.Remembered(s, "data").integer("seed", seed, org.reflectlab.core.settings.Range.ints(1, MAX_SEED))
                .choice("count", count, COUNTS).choice("pixels", imageSize, SIZES)
                .value("category", category, CategoryFilter::parse, I18n.tr("data.remembered.category"));
    }
}
