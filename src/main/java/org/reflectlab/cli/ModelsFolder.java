package org.reflectlab.cli;

import java.nio.file.Path;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Option;

/** The models folder of every command that reads or writes models: one option, one default, one store. */
final class ModelsFolder {

    @Option(names = "--models", paramLabel = "<models>", description = "Models folder (default: ./models).")
    Path given;

    /** The folder given, or the app's models folder. */
    Path path() {
        return given != null ? given : AppPaths.models();
    }

    ModelStore store() {
        return new ModelStore(path());
    }
}
