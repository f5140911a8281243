package org.reflectlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.data.ShapesWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Draw ShapesWorld samples: captions on stdout, images as a PNG grid.",
            "With --caption, render that caption instead (different scenes that all satisfy it)."})
final class DataCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--count", description = "Number of images (default: 16 samples, or 1 rendering of --caption).")
    Integer count;

    @Option(names = "--out", description = "Write the images as a PNG grid to this file.")
    Path out;

    @Option(names = "--caption", description = "Render this caption, e.g. \"a red circle left of a blue square\".")
    String caption;

    @Option(names = "--category", converter = CategoryConverter.class, completionCandidates = CategoryConverter.Keys.class,
            description = "Only this category: ${COMPLETION-CANDIDATES}.")
    Category category;

    @Option(names = "--size", defaultValue = "32", description = "Image size in pixels, 12-256 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--columns", defaultValue = "8", description = "Images per row in the PNG (default: ${DEFAULT-VALUE}).")
    int columns;

    @Override
    public Integer call() throws Exception {
        var stdout = spec.commandLine().getOut();
        var stderr = spec.commandLine().getErr();
        int n = count != null ? count : (caption != null ? 1 : 16);
        if (n < 1 || n > 4096) {
            stderr.println("error: --count must be 1..4096, not " + n);
            return Cli.BAD_INPUT;
        }
        if (size < 12 || size > 256) {
            stderr.println("error: --size must be 12..256 pixels, not " + size);
            return Cli.BAD_INPUT;
        }
        if (columns < 1) {
            stderr.println("error: --columns must be at least 1");
            return Cli.BAD_INPUT;
        }
        if (!Outputs.writable(stderr, "--out", out)) {
            return Cli.BAD_INPUT;
        }
        List<RgbImage> images = new ArrayList<>();
        if (caption != null) {
            ParseResult parsed = CaptionParser.parse(caption);
            if (!parsed.ok()) {
                stderr.println(CliText.error(CliText.parseError(parsed.error())));
                return Cli.BAD_INPUT;
            }
            Caption c = parsed.caption();
            stdout.printf("# caption: %s (%s), seed %d%n", c.text(), c.category().label(), seed);
            for (int i = 0; i < n; i++) {
                Scene scene = SceneSampler.realize(c, ShapesWorld.random(seed, i)).orElse(null);
                if (scene == null) {
                    stderr.println("error: no ShapesWorld scene satisfies \"" + caption + "\" (its places contradict each other)");
                    return Cli.BAD_INPUT;
                }
                images.add(SceneRenderer.render(scene, size));
                stdout.printf("%4d  %s%n", i, SceneSampler.describe(scene).text());
            }
        } else {
            DataSpec dataSpec = new DataSpec(seed, size, category == null ? List.of(Category.values()) : List.of(category));
            ShapesWorld world = new ShapesWorld(dataSpec);
            stdout.printf("# ShapesWorld seed %d, %d samples%s%n", seed, n, category == null ? "" : ", category " + category.key());
            for (int i = 0; i < n; i++) {
                Sample s = world.sample(i);
                images.add(world.render(s.scene()));
                stdout.printf("%4d  %-18s %s%n", i, s.category().key(), s.caption().text());
            }
        }
        if (out != null) {
            int scale = Math.max(1, 96 / size);
            ImageGrid.writePng(ImageGrid.compose(images, columns, scale, 4, 0.2f), out);
            stdout.println("# wrote " + out.toAbsolutePath());
        }
        return 0;
    }

}
