package org.reflectlab.core.pipeline;

import java.util.List;

/**
 * One step of the model chain: a CLI command (its arguments, without the models folder), the models
 * it writes, the files it writes outside the models folder, the stages whose outputs it reads, and
 * how many minutes it took when it was last measured (for the ETA; refined as stages finish).
 */
public record Stage(String name, List<String> args, List<String> models, List<String> files, List<String> needs,
                    double estimatedMinutes) {

    public Stage {
        args = List.copyOf(args);
        models = List.copyOf(models);
        files = List.copyOf(files);
        needs = List.copyOf(needs);
    }

    /** The command as a user would type it. */
    public String command() {
        return "reflectlab " + String.join(" ", args);
    }
}
