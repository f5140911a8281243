package org.reflectlab.ui.kit;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.TextFields;
import org.reflectlab.core.data.CaptionParser;

/** Completes the word being typed in a caption box from the words the parser knows. */
public final class CaptionCompletion {

    private CaptionCompletion() {
    }

    public static void install(TextField field) {
        TextFields.bindAutoCompletion(field, request -> suggestions(request.getUserText()));
    }

    /** Whole-text suggestions: the text with its last, partial word completed. */
    public static Collection<String> suggestions(String text) {
        if (text == null || text.isEmpty() || text.endsWith(" ")) {
            return List.of();
        }
        int cut = text.lastIndexOf(' ') + 1;
        String head = text.substring(0, cut);
        String partial = text.substring(cut).toLowerCase(Locale.ROOT);
        if (CaptionParser.knownWords().contains(partial)) {
            return List.of(); // a complete word: offering "circles" for "circle" would only get in the way
        }
        return CaptionParser.knownWords().stream()
                .filter(w -> w.startsWith(partial) && !w.equals(partial))
                .sorted()
                .limit(8)
                .map(w -> head + w)
                .toList();
    }
}
