package org.reflectlab.ui.kit;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reflectlab.core.text.PhrasedException;

/**
 * The text box of a "predict, then reveal" lab: what the learner typed, parsed as they type, with
 * the parser's reason when it cannot be read. Empty text means no prediction (predicting is
 * optional) and is no error. The text is what is remembered, so it goes into an experiment file.
 */
public final class PredictionInput<P> {

    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    // a message, so a parse error on screen follows a language switch (core's reasons come as phrases)
    private final ObjectProperty<I18n.Message> errorMessage = new SimpleObjectProperty<>(I18n.Message.literal(""));
    private final ReadOnlyObjectWrapper<P> value = new ReadOnlyObjectWrapper<>();
    private Function<String, P> parser;

    /** {@code parser} throws IllegalArgumentException with a reader's message on text it cannot read. */
    public PredictionInput(Function<String, P> parser) {
        this.parser = parser;
        error.bind(I18n.textOf(errorMessage));
        text.addListener((o, a, b) -> reparse());
    }

    /** Another parser (e.g. K changed, so another range of iterations is possible); the text is read again. */
    public void parser(Function<String, P> p) {
        parser = p;
        reparse();
    }

    public void reparse() {
        String t = text.get() == null ? "" : text.get().trim();
        if (t.isEmpty()) {
            value.set(null);
            errorMessage.set(I18n.Message.literal(""));
            return;
        }
        try {
            value.set(parser.apply(t));
            errorMessage.set(I18n.Message.literal(""));
        } catch (PhrasedException e) {
            value.set(null);
            errorMessage.set(I18n.Message.of(e.phrase()));
        } catch (IllegalArgumentException e) {
            value.set(null);
            errorMessage.set(I18n.Message.literal(e.getMessage()));
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not a prediction, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The prediction, or null (none given, or not readable). */
    public ReadOnlyObjectProperty<P> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public P value() {
        return value.get();
    }

    public void remember(Remembered r, String key) {
        r.text(key, text);
    }
}
