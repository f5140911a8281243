package org.reflectlab.ui.kit;

import org.reflectlab.core.data.Category;

/**
 * A scene category's name in the current language, for every workspace that shows one (Data's filter, Scaling's charts
 * and tables, Reflect's judge line). The texts are the Data workspace's ({@code data.category.*}), where they were first.
 */
public final class CategoryNames {

    private CategoryNames() {
    }

    public static String name(Category c) {
        return message(c).text();
    }

    /** As a message, for texts that follow the language. */
    public static I18n.Message message(Category c) {
        return new I18n.Message(switch (c) {
            case SINGLE_OBJECT -> "data.category.single-object";
            case TWO_OBJECTS -> "data.category.two-objects";
            case COUNTING -> "data.category.counting";
            case COLORS -> "data.category.colors";
            case POSITION -> "data.category.position";
            case COLOR_ATTRIBUTION -> "data.category.color-attribution";
            case DESCRIPTION -> "data.category.description";
        });
    }
}
