package org.reflectlab.ui.shell;

import java.util.List;
import org.reflectlab.ui.data.DataView;
import org.reflectlab.ui.data.DataViewModel;

/** Every workspace that exists, in sidebar order. Only real, working workspaces are listed. */
public final class Workspaces {

    private Workspaces() {
    }

    public static List<Workspace> all() {
        return List.of(
                new Workspace("data", "Data", "ShapesWorld samples, captions and sounds",
                        "M3 3h8v8H3z M13 3h8v8h-8z M3 13h8v8H3z M13 13h8v8h-8z",
                        s -> new DataView(new DataViewModel(s.runner(), s.notifier()))));
    }
}
