package org.reflectlab.ui.kit;

/**
 * How ViewModels tell the user something happened (a file was exported, a job failed) without
 * knowing about windows; the shell shows these as notifications, tests record them.
 */
public interface Notifier {

    void info(String message);

    void error(String title, String message);
}
