package org.reflectlab.ui.data;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.Category;
import org.reflectlab.ui.kit.I18n;

/** "All categories", or one category. Its {@link #toString()} is a stable id (remembered); {@link #label()} is shown. */
public record CategoryFilter(Category category) {

    public static final CategoryFilter ALL = new CategoryFilter(null);

    public static List<CategoryFilter> choices() {
        List<CategoryFilter> out = new ArrayList<>();
        out.add(ALL);
        for (Category c : Category.values()) {
            out.add(new CategoryFilter(c));
        }
        return out;
    }

    public List<Category> categories() {
        return category == null ? List.of(Category.values()) : List.of(category);
    }

    /** The name in the current language. */
    public String label() {
        return category == null ? I18n.tr("data.category.all") : label(category);
    }

    /** A category's name in the current language (GenEval's six categories and ShapesWorld's descriptions). */
    public static String label(Category c) {
        return message(c).text();
    }

    /** A category's name as a message (for texts that follow the language). */
    public static I18n.Message message(Category c) {
        return org.reflectlab.ui.kit.CategoryNames.message(c);
    }

    /**
     * The filter a remembered text names: its id ({@code all}, {@code POSITION}), or the English label older versions
     * stored ("All categories", "position"); null for anything else.
     */
    public static CategoryFilter parse(String text) {
        for (CategoryFilter f : choices()) {
            if (f.toString().equals(text) || (f.category == null ? "All categories".equals(text) : f.category.label().equals(text))) {
                return f;
            }
        }
        return null;
    }

    /** Shows each filter by its name in the current language (a combo box given a new one redraws its items). */
    public static javafx.util.StringConverter<CategoryFilter> names() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(CategoryFilter f) {
                return f == null ? "" : f.label();
            }

            @Override
            public CategoryFilter fromString(String text) {
                return choices().stream().filter(f -> f.label().equals(text)).findFirst().orElse(null);
            }
        };
    }

    @Override
    public String toString() {
        return category == null ? "all" : category.name();
    }
}
