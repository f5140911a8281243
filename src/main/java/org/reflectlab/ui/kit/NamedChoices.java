package org.reflectlab.ui.kit;

import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * A combo box whose items are named in the current language, and named again after a language switch. A new converter
 * alone redraws the drop-down list but not the value shown in the box (seen in World's pushes: "ランダム" stayed after a
 * switch to English); a new button cell redraws that too. The box keeps its value, so nothing bound to it re-runs.
 */
public final class NamedChoices {

    private NamedChoices() {
    }

    public static <T> void named(ComboBox<T> box, Supplier<StringConverter<T>> names) {
        box.setConverter(names.get());
        I18n.localeProperty().addListener((o, a, l) -> {
            box.setConverter(names.get());
            box.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? "" : box.getConverter().toString(item));
                }
            });
        });
    }
}
