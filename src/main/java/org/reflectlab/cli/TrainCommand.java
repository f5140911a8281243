package org.reflectlab.cli;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model with the project's own code and save it with its manifest.",
        subcommands = {TrainUnifiedCommand.class, TrainDetectorCommand.Critic.class, TrainDetectorCommand.Judge.class,
            TrainGeneratorCommand.class, TrainWorldCommand.class})
final class TrainCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
