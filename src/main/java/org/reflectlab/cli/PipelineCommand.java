package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.pipeline.ChainPlan;
import org.reflectlab.core.pipeline.Pipeline;
import org.reflectlab.core.pipeline.Stage;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.AtomicFile;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Reproduce every shipped model from seeds, in dependency order: unified model, base generator, critic, judge,",
            "reflection pool, reflection generator, SFT control, Aphasia ablations, implicit world model.",
            "Resumable: a stage whose outputs and inputs are unchanged since it last ran is skipped, so running the command",
            "again after a stop continues where it stopped. Writes a report of every model's held-out metrics."})
final class PipelineCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--models", description = "Models folder the chain is written to (default: ./models).")
    Path models;
    @Option(names = "--work", description = "Folder for the pipeline's state, the reflection pool and the report "
            + "(default: pipeline or pipeline-quick under the app's home folder, ~/.reflectlab).")
    Path work;
    @Option(names = "--quick", description = "The same chain on tiny settings (a few minutes): checks the chain end to end.")
    boolean quick;
    @Option(names = "--dry-run", description = "Print each stage's command and whether it would run or be skipped; run nothing.")
    boolean dryRun;
    @Option(names = "--lanes", defaultValue = "1", description = "Stages run at once where the chain allows it, each in its "
            + "own process with one thread; 2 on a 2-core machine shares both cores (default: ${DEFAULT-VALUE}).")
    int lanes;
    @Option(names = "--adopt", description = "First record as finished every stage whose models are already in the folder with "
            + "manifests that say this stage of a pipeline made them (e.g. the shipped models), so the chain continues from them.")
    boolean adopt;
    @Option(names = "--report", description = "Markdown report of every model's held-out metrics (default: <work>/report.md).")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = models != null ? models : AppPaths.models();
        // outside the repository, so a run from a clone leaves nothing at its top level
        Path workDir = work != null ? work : AppPaths.home().resolve(quick ? "pipeline-quick" : "pipeline");
        if (Files.exists(root) && !Files.isDirectory(root)) {
            err.println("error: --models " + root + " is a file, not a folder");
            return Cli.BAD_INPUT;
        }
        if (lanes < 1 || lanes > 16) {
            err.println("error: --lanes must be 1..16, not " + lanes);
            return Cli.BAD_INPUT;
        }
        Files.createDirectories(root);
        List<Stage> plan = quick ? ChainPlan.quick(workDir) : ChainPlan.full(workDir);
        String label = "reflectlab pipeline" + (quick ? " --quick" : "");
        Pipeline pipeline = new Pipeline(plan, new ModelStore(root), workDir, label);
        if (adopt) {
            List<String> adopted = pipeline.adopt();
            o.printf("# adopted %d stage%s whose models the folder already holds: %s%n", adopted.size(),
                    adopted.size() == 1 ? "" : "s", adopted.isEmpty() ? "none" : String.join(", ", adopted));
        }
        if (dryRun) {
            for (Stage s : plan) {
                o.printf(Locale.ROOT, "%-15s %-6s %s%n", s.name(), pipeline.upToDate(s) ? "skip" : "run", s.command());
            }
            return 0;
        }
        o.printf("# %s: %d stages into %s (state and pool in %s)%n", label, plan.size(), root, workDir);
        o.flush();
        if (lanes > 1) {
            o.printf("# %d stages at once where the chain allows; each stage's output: %s%n", lanes, workDir.resolve("logs"));
        }
        Pipeline.Runner runner = lanes > 1 ? new StageProcess(workDir.resolve("logs"))
                : args -> Cli.run(o, err, args.toArray(new String[0]));
        Pipeline.Result r = pipeline.run(runner, line -> {
            synchronized (o) {
                o.println("# " + line.replace("\n", "\n# "));
                o.flush();
            }
        }, lanes);
        Path reportFile = report != null ? report : workDir.resolve("report.md");
        String text = "# " + label + "\n\n" + pipeline.report();
        AtomicFile.writeText(reportFile, w -> w.write(text));
        o.printf(Locale.ROOT, "# %d stages ran, %d skipped, %.1f min; report: %s%n", r.ran(), r.skipped(), r.minutes(), reportFile);
        if (!r.ok()) {
            err.println("error: stage " + r.failedStage() + " failed; run the same command again to continue from it");
            return r.exitCode() == Cli.BAD_INPUT ? Cli.BAD_INPUT : Cli.FAILED;
        }
        return 0;
    }
}
