package org.reflectlab.ui.shell;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Keymap;

/**
 * An entry of the sidebar. {@code icon} is an SVG path in a 24x24 box; the view is built the
 * first time the workspace is opened and kept afterwards, so its state survives switching.
 * {@code keyList} gives the keymaps its view binds (for the shortcut list, which must not wait for the
 * view to be built); a supplier, so listing the workspaces at start-up does not load every view class
 * before the first window is drawn (their keymaps are static fields of the views). Its name and hint are
 * {@link I18n} keys, so the sidebar and menus follow the language.
 */
public record Workspace(String id, String titleKey, String hintKey, String icon, Function<AppServices, Node> factory,
                        Supplier<List<Keymap<?>>> keyList) {

    /** A workspace without keyboard shortcuts of its own. */
    public Workspace(String id, String titleKey, String hintKey, String icon, Function<AppServices, Node> factory) {
        this(id, titleKey, hintKey, icon, factory, List::of);
    }

    /** The keymaps its view binds (loads the view's class the first time). */
    public List<Keymap<?>> keys() {
        return List.copyOf(keyList.get());
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
