package org.reflectlab.ui.shell;

import org.reflectlab.ui.kit.I18n;
import java.util.ArrayList;
import java.util.List;
import org.reflectlab.ui.kit.Keymap;

/**
 * The Help > Keyboard shortcuts list, generated from the bindings themselves: the menu's
 * accelerators, then each workspace's keymaps (the same objects its view binds).
 */
public final class ShortcutHelp {

    /** One line: the keys as shown, and what they do. */
    public record Row(String keys, String description) {
    }

    /** A titled group of lines. */
    public record Section(String title, List<Row> rows) {
    }

    private ShortcutHelp() {
    }

    public static List<Section> sections(List<Row> global, List<Workspace> workspaces) {
        List<Section> out = new ArrayList<>();
        out.add(new Section(I18n.tr("shell.shortcuts.everywhere"), List.copyOf(global)));
        for (Workspace w : workspaces) {
            for (Keymap<?> k : w.keys()) {
                List<Row> rows = new ArrayList<>();
                for (Keymap.Entry<?> e : k.entries()) {
                    rows.add(new Row(e.display(), e.text()));
                }
                out.add(new Section(k.title(), rows));
            }
        }
        return out;
    }

    /** The list as plain text, keys in a column. */
    public static String text(List<Section> sections) {
        int width = sections.stream().flatMap(s -> s.rows().stream()).mapToInt(r -> r.keys().length()).max().orElse(0) + 3;
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(s.title()).append('\n');
            for (Row r : s.rows()) {
                sb.append("  ").append(r.keys()).append(" ".repeat(Math.max(1, width - r.keys().length()))).append(r.description())
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
