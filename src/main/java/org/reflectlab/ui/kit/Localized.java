package org.reflectlab.ui.kit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** Controls whose text is an {@link I18n} key's, in the current language: they follow a language switch. */
public final class Localized {

    private Localized() {
    }

    public static Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.text(key));
        return l;
    }

    /** A toolbar's label: the key's text, styled as the workspaces' toolbars style their labels. */
    public static Label toolbarLabel(String key) {
        Label l = label(key);
        l.getStyleClass().add("toolbar-label");
        return l;
    }

    /** {@code args} may be observable values: the text is computed again when one changes (see {@link I18n#text}). */
    public static Tooltip tooltip(String key, Object... args) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.text(key, args));
        return t;
    }

    public static Button button(String key) {
        Button b = new Button();
        b.textProperty().bind(I18n.text(key));
        return b;
    }
}
