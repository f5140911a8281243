package org.reflectlab.ui.shell;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/** Shows ViewModel messages as ControlsFX notifications in the window's corner. */
final class FxNotifier implements Notifier {

    private final Window owner;

    FxNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void info(String message) {
        base().title(I18n.tr("shell.brand")).text(message).hideAfter(Duration.seconds(4)).showInformation();
    }

    @Override
    public void error(String title, String message) {
        System.err.println(title + ": " + message);
        base().title(title).text(message).hideAfter(Duration.seconds(10)).showError();
    }

    private Notifications base() {
        return Notifications.create().owner(owner).position(Pos.BOTTOM_RIGHT);
    }
}
