package org.reflectlab.ui.kit;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A line a workspace shows (its status, a problem): kept as a message, not a sentence, so it follows a language
 * switch; its text is bound to the message in the current language ("" when there is none).
 */
public final class TextLine {

    private final ObjectProperty<I18n.Message> message;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();

    public TextLine(I18n.Message initial) {
        message = new SimpleObjectProperty<>(initial);
        text.bind(I18n.textOf(message));
    }

    public void set(String key, Object... args) {
        message.set(new I18n.Message(key, args));
    }

    public void set(I18n.Message m) {
        message.set(m);
    }

    public void clear() {
        message.set(null);
    }

    public I18n.Message get() {
        return message.get();
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }
}
