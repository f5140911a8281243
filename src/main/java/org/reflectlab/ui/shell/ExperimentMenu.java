package org.reflectlab.ui.shell;

import org.reflectlab.ui.kit.I18n;
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
        MenuItem item = new MenuItem();
        item.textProperty().bind(I18n.text("shell.experiment.save.item"));
        item.setId("save-experiment");
        item.setOnAction(e -> {
            TextInputDialog notes = new TextInputDialog();
            notes.setTitle(I18n.tr("shell.experiment.save.title"));
            notes.setHeaderText(I18n.tr("shell.experiment.save.notes"));
            notes.initOwner(owner.getScene().getWindow());
            notes.showAndWait().ifPresent(text -> SaveDialogs.ask(owner, I18n.tr("shell.experiment.save.title"),
                    I18n.tr("shell.experiment.filter"), "*.json", "experiment.json", file -> vm.save(file, text)));
        });
        return item;
    }

    static MenuItem open(Node owner, ExperimentViewModel vm) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(I18n.text("shell.experiment.open.item"));
        item.setId("open-experiment");
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.tr("shell.experiment.open.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.tr("shell.experiment.filter"), "*.json"));
            File f = chooser.showOpenDialog(owner.getScene().getWindow());
            if (f != null) {
                vm.open(f.toPath());
            }
        });
        return item;
    }
}
