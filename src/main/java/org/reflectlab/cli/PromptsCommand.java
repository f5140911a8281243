package org.reflectlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reflectlab.core.reflect.PromptSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "Write the GenEval-lite prompt set: distinct prompts per GenEval category, drawn from a seed.")
final class PromptsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--per-category", defaultValue = "50", description = "Prompts per category (default: ${DEFAULT-VALUE}).")
    int perCategory;
    @Option(names = "--out", defaultValue = "assets/geneval-lite.json", description = "Output file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (perCategory < 1 || perCategory > 1000) {
            spec.commandLine().getErr().println("error: --per-category must be 1..1000");
            return Cli.BAD_INPUT;
        }
        if (!Outputs.writable(spec.commandLine().getErr(), "--out", out)) {
            return Cli.BAD_INPUT;
        }
        PromptSet set = PromptSet.generate(seed, perCategory);
        set.write(out);
        spec.commandLine().getOut().printf("# wrote %d prompts to %s%n", set.prompts().size(), out.toAbsolutePath());
        return 0;
    }
}
