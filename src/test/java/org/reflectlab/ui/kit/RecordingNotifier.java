package org.reflectlab.ui.kit;

import java.util.ArrayList;
import java.util.List;

/** Collects what a ViewModel tells the user, for assertions. */
public final class RecordingNotifier implements Notifier {

    public final List<String> infos = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }
}
