package org.reflectlab.ui.shell;

import java.io.File;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import org.reflectlab.ui.kit.SaveDialogs;

/** The File menu's experiment items: dialogs only; the work is {@link ExperimentViewModel}'s. */
final class ExperimentMenu {

    private ExperimentMenu() {
    }

    static MenuItem save(Node owner, ExperimentViewModel vm) {
        MenuItem item = new MenuItem("Save experiment…");
        item.setId("save-experiment");
        item.setOnAction(e -> {
            TextInputDialog notes = new TextInputDialog();
            notes.setTitle("Save experiment");
            notes.setHeaderText("Notes for whoever opens it (a question, a prediction); may be empty");
            notes.initOwner(owner.getScene().getWindow());
            notes.showAndWait().ifPresent(text -> SaveDialogs.ask(owner, "Save experiment", "ReflectLab experiment", "*.json",
                    "experiment.json", file -> vm.save(file, text)));
        });
        return item;
    }

    static MenuItem open(Node owner, ExperimentViewModel vm) {
        MenuItem item = new MenuItem("Open experiment…");
        item.setId("open-experiment");
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open experiment");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ReflectLab experiment", "*.json"));
            File f = chooser.showOpenDialog(owner.getScene().getWindow());
            if (f != null) {
                vm.open(f.toPath());
            }
        });
        return item;
    }
}
