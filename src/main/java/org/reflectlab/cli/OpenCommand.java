package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.experiment.Experiment;
import org.reflectlab.core.experiment.ExperimentRun;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Read an experiment file (File > Save experiment in the app): say which workspace and settings it holds and",
            "which model differs from this machine's; with --run, run its Reflect experiment headless and print the numbers."})
final class OpenCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "The experiment file (.json).")
    Path file;
    @Option(names = "--run", description = "Run the experiment (the Reflect workspace's prompt and settings) and print its numbers.")
    boolean run;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Experiment e;
        try {
            e = Experiment.read(file);
        } catch (java.io.IOException ex) {
            err.println("error: " + ex.getMessage());
            return Cli.BAD_INPUT;
        }
        ModelStore store = models.store();
        o.printf("# experiment: workspace %s, %d settings, saved %s%n", e.workspace(), e.settings().size(), e.created());
        if (!e.notes().isBlank()) {
            o.println("# notes: " + e.notes().replace("\n", "\n#        "));
        }
        List<String> diff = e.modelDifferences(store);
        o.println(diff.isEmpty() ? "# models: all " + e.models().size() + " match the experiment's SHA-256" : "# " + String.join("\n# ", diff));
        if (!run) {
            return 0;
        }
        if (!ExperimentRun.WORKSPACE.equals(e.workspace())) {
            o.println("# (the file was saved in " + e.workspace() + "; --run runs its Reflect settings)");
        }
        try {
            ExperimentRun.prompt(e.settings());
            ExperimentRun.settings(e.settings());
        } catch (IllegalArgumentException ex) {
            err.println("error: " + ex.getMessage());
            return Cli.BAD_INPUT;
        }
        Backend.start();
        ExperimentRun.run(e, ReflectModels.load(store), () -> false).forEach(o::println);
        return 0;
    }
}
