package org.reflectlab.ui.kit;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The file dialogs every workspace uses: one file type (or a folder), a suggested name, and what to do with the choice. */
public final class SaveDialogs {

    private SaveDialogs() {
    }

    /** Asks where to save; does nothing if the node is not shown or the user cancels. */
    public static void ask(Node owner, String title, String filterName, String pattern, String initialName,
                           Consumer<Path> action) {
        save(owner, title, new FileChooser.ExtensionFilter(filterName, pattern), null, initialName, action);
    }

    /** Asks for a new folder's name (e.g. a checkpoint) in {@code initialDir} if it exists; no file type. */
    public static void askFolderName(Node owner, String title, Path initialDir, String initialName, Consumer<Path> action) {
        save(owner, title, null, initialDir, initialName, action);
    }

    /** Asks for an existing folder, starting in {@code initialDir} if it exists. */
    public static void chooseFolder(Node owner, String title, Path initialDir, Consumer<Path> action) {
        if (owner.getScene() == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initialDir != null && initialDir.toFile().isDirectory()) {
            chooser.setInitialDirectory(initialDir.toFile());
        }
        File d = chooser.showDialog(owner.getScene().getWindow());
        if (d != null) {
            action.accept(d.toPath());
        }
    }

    private static void save(Node owner, String title, FileChooser.ExtensionFilter filter, Path initialDir, String initialName,
                             Consumer<Path> action) {
        if (owner.getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (filter != null) {
            chooser.getExtensionFilters().add(filter);
        }
        if (initialDir != null && initialDir.toFile().isDirectory()) {
            chooser.setInitialDirectory(initialDir.toFile());
        }
        chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(owner.getScene().getWindow());
        if (f != null) {
            action.accept(f.toPath());
        }
    }
}
