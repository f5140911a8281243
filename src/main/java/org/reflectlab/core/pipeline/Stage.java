package org.reflectlab.core.pipeline;

import java.util.List;

/**
 * One step of the model chain: a CLI command (its arguments, without the models folder), the models
 * it writes, the files it writes outside the models folder, the stages whose outputs it reads, and
 * how many minutes it took when it was last measured (for the ETA; refined as stages finish).
 */
public record Stage(String name, List<String> args, List<String> models, List<String> files, List<String> needs,
                    double estimatedMinutes, String refines) {

    public Stage {
        args = List.copyOf(args);
        models = List.copyOf(models);
        files = List.copyOf(files);
        needs = List.copyOf(needs);
        if (refines != null && !needs.contains(refines)) {
            throw new IllegalArgumentException("stage " + name + " refines " + refines + ", so it needs it");
        }
    }

    /** A stage that writes models of its own. */
    public Stage(String name, List<String> args, List<String> models, List<String> files, List<String> needs,
                 double estimatedMinutes) {
        this(name, args, models, files, needs, estimatedMinutes, null);
    }

    /**
     * A stage that trains further, in place, a model an earlier stage wrote (e.g. the unified model's decoder
     * on the base generator's decode path). Stages that need the earlier stage keep reading what it wrote; stages
     * that need this one read the refined model.
     */
    public static Stage refining(String name, String refines, List<String> args, List<String> models, List<String> needs,
                                 double estimatedMinutes) {
        return new Stage(name, args, models, List.of(), needs, estimatedMinutes, refines);
    }

    /** The command as a user would type it. */
    public String command() {
        return "reflectlab " + String.join(" ", args);
    }
}
