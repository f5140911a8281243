package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.reflect.DetectorAudit;
import org.reflectlab.core.reflect.OutputPath;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.Reflector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"How well the critic and the judge read what the generator draws: (1) true scenes through the generator's",
            "output path (labels known, confirmed by the pixel reader), (2) real generator samples against the analytic pixel reader",
            "where it is confident (count, cell, colour, size). Writes a gallery of the disagreements to inspect."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenes", defaultValue = "400", description = "Held-out true scenes through the output path (default: ${DEFAULT-VALUE}).")
    int scenes;
    @Option(names = "--scene-seed", defaultValue = "777001", description = "Their ShapesWorld seed (default: ${DEFAULT-VALUE}).")
    long sceneSeed;
    @Option(names = "--prompts", defaultValue = "assets/geneval-lite.json", description = "Prompts of the real samples (default: ${DEFAULT-VALUE}).")
    Path prompts;
    @Option(names = "--per-category", defaultValue = "50", description = "Prompts per category (default: ${DEFAULT-VALUE}).")
    int perCategory;
    @Option(names = "--seeds", defaultValue = "2", description = "Samples per prompt (default: ${DEFAULT-VALUE}).")
    int seeds;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "4242", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--gallery", description = "Write the first 32 disagreements of each detector as PNG grids: <file>-critic.png, <file>-judge.png.")
    Path gallery;
    @Option(names = "--latent-only", description = "Print only what the unified model's image latent keeps (needs no generator,"
            + " critic or judge: a new unified model can be read before the chain after it is trained).")
    boolean latentOnly;
    @Mixin
    ModelsFolder models;

    private static final String LATENT_LINE = "unified GenEval-lite of the captions it reads from the true scenes' image latents: %.3f "
            + "(what the latent keeps, without the decoder)%n";

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (scenes < 1 || perCategory < 1 || seeds < 1) {
            spec.commandLine().getErr().println("error: --scenes, --per-category and --seeds must be at least 1");
            return Cli.BAD_INPUT;
        }
        if (gallery != null && !Outputs.writable(spec.commandLine().getErr(), "--gallery", gallery.resolveSibling(
                gallery.getFileName().toString().replaceFirst("\\.png$", "") + "-critic.png"))) {
            return Cli.BAD_INPUT;
        }
        Backend.start();
        List<PromptSet.Prompt> set = PromptSet.read(prompts).perCategory(perCategory).prompts();
        if (latentOnly) {
            o.printf(Locale.ROOT, LATENT_LINE, DetectorAudit.latentCaptionScore(
                    org.reflectlab.core.train.UnifiedModelIO.load(models.store(), org.reflectlab.core.train.UnifiedModelIO.DEFAULT_NAME),
                    set, sceneSeed));
            return 0;
        }
        Reflector r = ReflectModels.load(models.store());
        OutputPath path = new OutputPath(r.codec(), r.generator());
        List<Caption> captions = set.stream().map(PromptSet.Prompt::caption).toList();
        ShapesWorld world = new ShapesWorld(DataSpec.defaults(sceneSeed));
        o.printf("# audit: %d true scenes (seed %d) through the output path; %d prompts x %d real samples (noise seed %d)%n",
                scenes, sceneSeed, captions.size(), seeds, seed);
        o.printf(Locale.ROOT, LATENT_LINE, DetectorAudit.latentCaptionScore(r.codec().unified(), set, sceneSeed));
        for (String role : List.of(ReflectModels.CRITIC, ReflectModels.JUDGE)) {
            SceneReader d = role.equals(ReflectModels.CRITIC) ? r.critic() : r.judge();
            double dp = DetectorAudit.decodePathAccuracy(d, path, world, scenes, sceneSeed);
            DetectorAudit.SampleAudit a = DetectorAudit.onSamples(d, r.generator(), r.codec(), captions, seeds, 8, 2.0, seed, 32);
            var ceiling = DetectorAudit.ceiling(d, r.codec(), set, sceneSeed);
            o.printf(Locale.ROOT, "%-6s GenEval-lite of the prompts' true scenes: crisp %.3f, through the decode path %.3f (the ceiling it allows)%n",
                    role, ceiling.get("crisp"), ceiling.get("decodePath"));
            o.printf(Locale.ROOT, "%-6s output path: scene accuracy %.3f | real samples: agrees with the pixel reader on %.3f of %d "
                    + "(the %.0f%% it is confident about)%n", role, dp, a.agreement(), a.confident(), 100.0 * a.confident() / a.samples());
            if (gallery != null && !a.disagreements().isEmpty()) {
                String name = gallery.getFileName().toString().replaceFirst("\\.png$", "");
                Path file = gallery.resolveSibling(name + "-" + role + ".png");
                List<RgbImage> imgs = new ArrayList<>();
                int i = 0;
                for (DetectorAudit.Disagreement x : a.disagreements()) {
                    imgs.add(x.image());
                    o.printf(Locale.ROOT, "  %2d %-45s %s saw: %s | pixels: %s%n", i++, x.prompt().text(), role,
                            x.detector().stream().map(s -> s.describe()).collect(Collectors.joining(", ")),
                            x.pixels().stream().map(b -> b.size().word() + " " + b.color().word() + " at " + b.cell().words())
                                    .collect(Collectors.joining(", ")));
                }
                ImageGrid.writePng(ImageGrid.compose(imgs, 8, 4, 4, 0.2f), file);
                o.println("# wrote " + file.toAbsolutePath());
            }
        }
        return 0;
    }
}
