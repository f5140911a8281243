package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaExport;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.aphasia.AphasiaTables;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.aphasia.Telephone;
import org.reflectlab.core.aphasia.TelephoneTables;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "aphasia", mixinStandardHelpOptions = true,
        description = {"The modal-aphasia round trip on held-out scenes: the visual path (image -> latent -> image) against",
            "the textual path (image -> caption -> image), scored by pixels, PSNR and the judge's per-attribute agreement",
            "with the true scene, with bootstrap 95%% intervals; plus cross-modal retrieval and a modality-bias figure."})
final class AphasiaCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--samples", defaultValue = "500", description = "Held-out scenes, 2-" + AphasiaSettings.MAX_SAMPLES
            + " (default: ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed of the held-out scenes (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--resamples", defaultValue = "" + AphasiaSettings.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}).")
    int resamples;
    @Option(names = "--model", defaultValue = UnifiedModelIO.DEFAULT_NAME, description = "Unified model name (default: ${DEFAULT-VALUE}).")
    String model;
    @Mixin
    ModelsFolder models;
    @Option(names = "--csv", description = "Write the summary (every number printed) as CSV.")
    Path csv;
    @Option(names = "--samples-csv", description = "Write one row per scene (captions, every score per route) as CSV.")
    Path samplesCsv;

    @Option(names = "--variants", description = {"Instead: compare ablation variants (models named ablate-*) on the same scenes;",
        "'all' or a comma-separated list of model names. --csv then writes the ablation table."})
    String variants;

    @Option(names = "--memory", description = {"Instead: describe from memory. Posters (seeded scenes) are bound to learned name",
        "latents through the frozen decoders; asked by name, the model draws and describes each; error rates and ratio."})
    boolean memory;
    @Option(names = "--posters", defaultValue = "16", description = "Memory: posters (default: ${DEFAULT-VALUE}).")
    int posters;
    @Option(names = "--captioned", defaultValue = "4", description = "Memory: posters that also get name->caption pairs (default: ${DEFAULT-VALUE}).")
    int captioned;
    @Option(names = "--telephone", description = {"Instead: telephone. Each scene goes image -> caption -> image -> caption ... for",
        "--rounds rounds (and as many rounds through the image latent alone); a curve per attribute. --csv writes the curves."})
    boolean telephone;
    @Option(names = "--rounds", defaultValue = "10", description = "Telephone: rounds, 1-" + Telephone.MAX_ROUNDS
            + " (default: ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--memory-steps", defaultValue = "300", description = "Memory: training steps of the names (default: ${DEFAULT-VALUE}).")
    int memorySteps;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AphasiaSettings settings;
        MemoryExperiment.Settings memorySettings;
        Telephone.Settings telephoneSettings;
        try {
            settings = new AphasiaSettings(seed, samples, resamples);
            telephoneSettings = telephone ? new Telephone.Settings(seed, samples, rounds, resamples) : null;
            memorySettings = new MemoryExperiment.Settings(seed, posters, captioned, memorySteps,
                    MemoryExperiment.Settings.defaults(seed).learningRate());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (!Outputs.writable(err, "--csv", csv, "--samples-csv", samplesCsv)) {
            return Cli.BAD_INPUT;
        }
        Backend.start();
        ModelStore store = models.store();
        if (variants != null) {
            return compare(store, settings, o, err);
        }
        AphasiaModels m;
        try {
            m = AphasiaModels.load(store, model);
        } catch (ModelStoreException e) {
            err.println("error: " + e.getMessage());
            return Cli.FAILED;
        }
        if (memory) {
            MemoryExperiment.Result mr = MemoryExperiment.run(m.unified(), m.judge(), memorySettings, RoundTrip.SILENT);
            MemoryExperiment.table(mr).forEach(o::println);
            return 0;
        }
        if (telephone) {
            Telephone.Result tr = Telephone.run(m.unified(), m.judge(), m.name(), m.sha256(), telephoneSettings, RoundTrip.SILENT);
            TelephoneTables.lines(tr).forEach(o::println);
            if (csv != null) {
                TelephoneTables.writeCsv(tr, csv);
                o.println("# wrote " + csv.toAbsolutePath());
            }
            return 0;
        }
        AphasiaResult r = m.run(settings, RoundTrip.SILENT);
        AphasiaTables.lines(r).forEach(o::println);
        if (csv != null) {
            AphasiaExport.writeSummaryCsv(r, csv);
            o.println("# wrote " + csv.toAbsolutePath());
        }
        if (samplesCsv != null) {
            AphasiaExport.writeSamplesCsv(r, samplesCsv);
            o.println("# wrote " + samplesCsv.toAbsolutePath());
        }
        return 0;
    }

    private int compare(ModelStore store, AphasiaSettings settings, PrintWriter o, PrintWriter err) throws Exception {
        List<String> names = variants.equals("all") ? Ablation.variantNames(store)
                : Arrays.stream(variants.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<Ablation.Variant> result;
        try {
            result = Ablation.run(store, names, settings, null, RoundTrip.SILENT);
        } catch (ModelStoreException e) {
            err.println("error: " + e.getMessage());
            return Cli.FAILED;
        }
        o.printf(Locale.ROOT, "# aphasia ablation: %d variants, %d held-out scenes (ShapesWorld seed %d), gap = visual - textual "
                + "[95%% bootstrap interval]%n", result.size(), settings.samples(), settings.dataSeed());
        Ablation.table(result).forEach(o::println);
        if (csv != null) {
            AphasiaExport.writeAblationCsv(result, csv);
            o.println("# wrote " + csv.toAbsolutePath());
        }
        return 0;
    }
}
