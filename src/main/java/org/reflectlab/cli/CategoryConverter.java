package org.reflectlab.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.reflectlab.core.data.Category;
import picocli.CommandLine;

/** Accepts a category by key ("color_attribution"), label ("color attribution") or with dashes. */
final class CategoryConverter implements CommandLine.ITypeConverter<Category> {

    @Override
    public Category convert(String value) {
        String key = value.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Category c : Category.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new CommandLine.TypeConversionException("unknown category '" + value + "'; choose one of "
                + String.join(", ", new Keys()));
    }

    /** The keys, for help texts. */
    static final class Keys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Category.values()).map(Category::key).iterator();
        }
    }
}
