package org.reflectlab.ui.shell;

import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.Notifier;

/** What every workspace may use; built once by the application. */
public record AppServices(TaskRunner runner, Notifier notifier, ModelStore models, Settings settings) {

    /** The same services with another runner (a workspace's, whose hand-overs go through its own feed). */
    public AppServices withRunner(TaskRunner other) {
        return new AppServices(other, notifier, models, settings);
    }
}
