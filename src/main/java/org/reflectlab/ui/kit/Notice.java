package org.reflectlab.ui.kit;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * A workspace's "What to notice": the lecture's claim it tests, the paper's number, what this run
 * measured (live), what to look for, why it behaves so (the README's explanations, kept next to
 * what they explain), the formula (LaTeX, may be null) and the glossary terms it uses.
 */
public record Notice(String claim, String paper, ObservableStringValue measured, String lookFor, String why, String latex,
                     List<String> terms) {

    public Notice {
        terms = List.copyOf(terms);
        terms.forEach(Glossary::get); // every term named here exists in the glossary
    }

    /** What this run measured, live: {@code text} of the current value, empty until there is one. */
    public static <T> ObservableStringValue measured(ObservableValue<T> value, Function<? super T, String> text) {
        return Bindings.createStringBinding(() -> {
            T v = value.getValue();
            return v == null ? "" : text.apply(v);
        }, value);
    }

    /** A view that has one. */
    public interface Source {
        Notice notice();
    }
}
