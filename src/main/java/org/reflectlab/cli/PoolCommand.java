package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.List;
import java.util.function.IntConsumer;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.cluster.PekkoSetup;
import org.reflectlab.core.reflect.PoolJobs;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.scaling.SweepJobs;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.SamplePool;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pool", mixinStandardHelpOptions = true,
        description = {"Build the reflection training pool: the base generator's own samples for many prompts x seeds, each with",
            "the critic's feedback and a verdict (correct = critic accepts and the pixel reader agrees; wrong = critic rejects).",
            "No evaluation prompt enters the pool. With --cluster each sampling batch is a job for any node that joined",
            "with 'reflectlab worker'; the pool is the same as one built here."})
final class PoolCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompts", defaultValue = "2000", description = "Distinct prompts (default: ${DEFAULT-VALUE}).")
    int prompts;
    @Option(names = "--seeds", defaultValue = "8", description = "Samples per prompt (default: ${DEFAULT-VALUE}).")
    int seeds;
    @Option(names = "--steps", defaultValue = "8", description = "Sampling steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--guidance", defaultValue = "2.0", description = "Classifier-free guidance (default: ${DEFAULT-VALUE}).")
    double guidance;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "7", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--exclude", defaultValue = "assets/geneval-lite.json", description = "Evaluation prompts kept out of the pool (default: ${DEFAULT-VALUE}).")
    Path exclude;
    @Option(names = "--generator", defaultValue = "generator",
            description = "The generator whose samples make the pool: the base generator when building the chain (default: ${DEFAULT-VALUE}).")
    String generator;
    @Option(names = "--out", required = true, description = "Pool file to write (tab-separated).")
    Path out;
    @Mixin
    ModelsFolder models;
    @Mixin
    ClusterOptions clusterOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        SamplePool.Settings settings;
        try {
            settings = new SamplePool.Settings(prompts, seeds, steps, guidance, seed, SamplePool.Settings.DEFAULT_WEIGHTS);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (!Outputs.writable(spec.commandLine().getErr(), "--out", out)) {
            return Cli.BAD_INPUT;
        }
        if (!Files.exists(exclude)) {
            spec.commandLine().getErr().println("error: the evaluation prompts " + exclude + " are missing; the pool must exclude them");
            return Cli.BAD_INPUT;
        }
        Set<String> excluded = PromptSet.read(exclude).prompts().stream().map(PromptSet.Prompt::text).collect(Collectors.toSet());
        PekkoSetup.Membership membership = null;
        if (clusterOptions.cluster) {
            try {
                membership = clusterOptions.membership(List.of(JobNode.ROLE, JobNode.COORDINATOR_ROLE));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
        Backend.start();
        ModelStore store = models.store();
        long t0 = System.nanoTime();
        IntConsumer progress = done -> {
            if (done % 200 < 16 || done == prompts) {
                o.printf(Locale.ROOT, "# %d/%d prompts, %.0f s%n", done, prompts, (System.nanoTime() - t0) / 1e9);
                o.flush();
            }
        };
        SamplePool pool;
        if (membership != null) {
            // each job is one sampling batch; every node with the sweep role runs them (same models, checked by SHA-256)
            String fingerprint = SweepInputs.fingerprint(store);
            try (JobNode node = JobNode.start(membership, 1, () -> SweepJobs.handler(ReflectModels.load(store)), fingerprint,
                    WorkerCommand.printing(spec.commandLine().getErr()))) {
                o.printf("# coordinator %s; worker nodes join with: reflectlab worker --seed-nodes %s%n", node.address(), node.address());
                pool = PoolJobs.build(node, fingerprint, settings, excluded, progress, () -> false);
                o.println("# jobs: " + node.board().summary());
            }
        } else {
            Reflector r = ReflectModels.load(store, null, generator);
            pool = SamplePool.build(r.generator(), r.codec(), r.critic(), settings, excluded, progress, () -> false);
        }
        pool.write(out);
        o.println("# " + pool.summary());
        pool.correctRate().forEach((c, v) -> o.printf(Locale.ROOT, "%-20s correct %.3f%n", c.key(), v));
        o.printf(Locale.ROOT, "# wrote %s (%s) in %.0f s; command: reflectlab pool --prompts %d --seeds %d --steps %d --guidance %s --seed %d --out %s%n",
                out, org.reflectlab.core.store.ModelStore.sha256(out).substring(0, 12), (System.nanoTime() - t0) / 1e9, prompts, seeds, steps, guidance, seed, out);
        return 0;
    }
}
