package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.RunExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reflect", mixinStandardHelpOptions = true,
        description = "Run Reflect-DiT on one prompt: generate, read the critic's feedback, regenerate with it in context.")
final class ReflectCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompt", required = true, description = "The prompt, e.g. \"a red circle left of a blue square\".")
    String prompt;
    @Option(names = "--k", defaultValue = "10", description = "Most iterations, 1..20 (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    SamplingOptions sampling;
    @Option(names = "--no-early-stop", description = "Keep going after the critic says correct.")
    boolean noEarlyStop;
    @Option(names = "--out", description = "Write the iteration strip as a PNG.")
    Path out;
    @Option(names = "--json", description = "Write the run as JSON.")
    Path json;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseResult parsed = CaptionParser.parse(prompt);
        if (!parsed.ok()) {
            err.println(CliText.error(CliText.parseError(parsed.error())));
            return Cli.BAD_INPUT;
        }
        if (!org.reflectlab.core.nn.generator.Generator.fits(parsed.caption())) {
            err.println("error: " + org.reflectlab.core.nn.generator.Generator.tooLong(parsed.caption()));
            return Cli.BAD_INPUT;
        }
        if (!Outputs.writable(err, "--out", out, "--json", json)) {
            return Cli.BAD_INPUT;
        }
        ReflectSettings settings;
        try {
            settings = new ReflectSettings(k, seed, sampling.steps, sampling.context, !noEarlyStop, sampling.guidance);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        Backend.start();
        Reflector reflector = ReflectModels.load(models.store());
        o.printf("# \"%s\" (%s), seed %d, K %d, %d sampling steps, context %d, early stop %s%n", parsed.caption().text(),
                parsed.caption().category().label(), seed, k, sampling.steps, sampling.context, !noEarlyStop ? "on" : "off");
        ReflectionRun run = reflector.reflect(parsed.caption(), settings, it -> print(o, it), () -> false);
        Iteration last = run.last();
        o.printf(Locale.ROOT, "# final: judge says %s after %d iteration(s), %.1f NFE%s%n", last.judgeCorrect() ? "correct" : "wrong",
                run.iterations().size(), run.nfe(), run.stoppedEarly() ? " (the critic stopped it early)" : "");
        // Each file on its own: one that fails does not cost the other.
        int rc = 0;
        if (json != null) {
            try {
                RunExport.writeJson(RunExport.toMap(run, reflector.compute()), json);
                o.println("# wrote " + json.toAbsolutePath());
            } catch (java.io.IOException e) {
                err.println("error: " + e.getMessage());
                rc = Cli.FAILED;
            }
        }
        if (out != null) {
            try {
                ImageGrid.writePng(RunExport.strip(run.iterations()), out);
                o.println("# wrote " + out.toAbsolutePath());
            } catch (java.io.IOException e) {
                err.println("error: " + e.getMessage());
                rc = Cli.FAILED;
            }
        }
        return rc;
    }

    private static void print(PrintWriter o, Iteration it) {
        o.printf(Locale.ROOT, "k=%-2d critic: %-60s judge: %-7s nfe %6.1f  %4d ms  context %s%n", it.k(),
                String.join("; ", it.feedback()), it.judgeCorrect() ? "correct" : "wrong", it.nfe(), it.millis(), it.contextFrom());
    }
}
