package org.reflectlab.ui.kit;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** The export dialog every workspace uses: one file type, a suggested name, and what to do with the choice. */
public final class SaveDialogs {

    private SaveDialogs() {
    }

    /** Asks where to save; does nothing if the node is not shown or the user cancels. */
    public static void ask(Node owner, String title, String filterName, String pattern, String initialName,
                           Consumer<Path> action) {
        if (owner.getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
        chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(owner.getScene().getWindow());
        if (f != null) {
            action.accept(f.toPath());
        }
    }
}
