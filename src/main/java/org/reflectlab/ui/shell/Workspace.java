package org.reflectlab.ui.shell;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Keymap;

/**
 * An entry of the sidebar. {@code icon} is an SVG path in a 24x24 box; the view is built the
 * first time the workspace is opened and kept afterwards, so its state survives switching.
 * {@code keys} are the keymaps its view binds (for the shortcut list, which must not wait for the
 * view to be built). Its name and hint are {@link I18n} keys, so the sidebar and menus follow the language.
 */
public record Workspace(String id, String titleKey, String hintKey, String icon, Function<AppServices, Node> factory,
                        List<Keymap<?>> keys) {

    public Workspace {
        keys = List.copyOf(keys);
    }

    /** A workspace without keyboard shortcuts of its own. */
    public Workspace(String id, String titleKey, String hintKey, String icon, Function<AppServices, Node> factory) {
        this(id, titleKey, hintKey, icon, factory, List.of());
    }

    /** The name in the current language. */
    public String title() {
        return I18n.tr(titleKey);
    }

    /** What it is for, in the current language. */
    public String hint() {
        return I18n.tr(hintKey);
    }
}
