package org.reflectlab.ui.data;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.Category;

/** "All categories", or one category. */
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

    @Override
    public String toString() {
        return category == null ? "All categories" : category.label();
    }
}
