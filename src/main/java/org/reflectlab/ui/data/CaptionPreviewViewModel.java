package org.reflectlab.ui.data;

import java.util.SplittableRandom;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ParseError;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.ui.kit.I18n;

/**
 * Data's caption box: what the user types, parsed (the error with its suggested fix, or the category and the caption),
 * and rendered in the background at the workspace's image size. The caption is a scratch field: it is not remembered.
 */
public final class CaptionPreviewViewModel {

    /** Fixed seed for the caption preview, so the same caption always draws the same scene. */
    private static final long PREVIEW_SEED = 2026;

    private final TaskRunner runner;
    private final ObservableIntegerValue imageSize;

    // Properties //
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ParseError> error = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ObjectProperty<I18n.Message> summary = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.binding.StringBinding summaryText = I18n.textOf(summary);
    private final ReadOnlyObjectWrapper<RgbImage> image = new ReadOnlyObjectWrapper<>();
    private long generation;

    CaptionPreviewViewModel(TaskRunner runner, ObservableIntegerValue imageSize) {
        this.runner = runner;
        this.imageSize = imageSize;
        text.addListener((o, a, b) -> render());
        imageSize.addListener((o, a, b) -> render());
        render();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<ParseError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "color attribution · a red circle and a blue square" for a valid caption, else "". */
    public javafx.beans.binding.StringBinding summaryProperty() {
        return summaryText;
    }

    /** The rendered caption; null whenever the caption is invalid. */
    public ReadOnlyObjectProperty<RgbImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    // Commands //

    /** Replaces the misspelt word with the suggestion, if there is one. */
    public void applySuggestion() {
        ParseError e = error.get();
        if (e != null && e.suggestion() != null) {
            text.set(e.applySuggestion(text.get()));
        }
    }

    public boolean canApplySuggestion() {
        return error.get() != null && error.get().suggestion() != null;
    }

    private void render() {
        String typed = text.get();
        long current = ++generation;
        if (typed == null || typed.isBlank()) {
            show(null, null, null);
            return;
        }
        ParseResult result = CaptionParser.parse(typed);
        if (!result.ok()) {
            show(result.error(), null, null);
            return;
        }
        Caption caption = result.caption();
        error.set(null);
        summary.set(new I18n.Message("data.caption.summary", CategoryFilter.message(caption.category()), caption.text()));
        int size = imageSize.get();
        runner.submit(BackgroundTask.of(I18n.tr("data.task.caption"), ctx -> {
            Scene scene = SceneSampler.realize(caption, new SplittableRandom(PREVIEW_SEED)).orElse(null);
            return scene == null ? null : SceneRenderer.render(scene, size);
        }).hiddenFromTaskList().onSuccess(img -> {
            if (current != generation) {
                return;
            }
            if (img == null) {
                show(new ParseError(I18n.tr("data.caption.impossible"), 0, 0, null), null, null);
            } else {
                image.set(img);
            }
        }).onFailure(e -> {
            if (current == generation) {
                error.set(new ParseError(I18n.tr("data.caption.failed", String.valueOf(e.getMessage())), 0, 0, null));
                image.set(null);
            }
        }));
    }

    private void show(ParseError e, I18n.Message s, RgbImage img) {
        error.set(e);
        summary.set(s);
        image.set(img);
    }
}
