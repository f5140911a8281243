package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;

/**
 * How well a detector reads what the generator draws, two ways: (1) held-out true scenes sent
 * through the generator's output path, where the label is known (and confirmed by the pixel
 * reader); (2) real generator samples, where no label exists, against the analytic pixel reader
 * on the images it is confident about (count, cell, colour, size; shape is not checked).
 */
public final class DetectorAudit {

    /** One real sample the detector and the pixel reader read differently. */
    public record Disagreement(Caption prompt, RgbImage image, List<SceneObject> detector, List<PixelSceneReader.Blob> pixels) {
    }

    public record SampleAudit(int samples, int confident, int agree, List<Disagreement> disagreements) {
        public double agreement() {
            return confident == 0 ? Double.NaN : agree / (double) confident;
        }
    }

    private DetectorAudit() {
    }

    /** Exact-scene accuracy on n held-out scenes through the output path (routes in rotation). */
    public static double decodePathAccuracy(SceneReader detector, OutputPath path, ShapesWorld world, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 131 + 5);
        int[] counts = new int[5];
        int kept = 0;
        for (int from = 0; from < n; from += 128) {
            int k = Math.min(128, n - from);
            List<Sample> samples = world.samples(from, k);
            List<RgbImage> renders = new ArrayList<>();
            List<Scene> scenes = new ArrayList<>();
            List<Caption> captions = new ArrayList<>();
            List<OutputPath.Route> routes = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                Sample s = samples.get(i);
                renders.add(world.render(s.scene()));
                scenes.add(s.scene());
                captions.add(s.caption());
                routes.add(OutputPath.Route.values()[(from + i) % OutputPath.Route.values().length]);
            }
            List<RgbImage> out = path.through(renders, scenes, captions, routes, r);
            List<RgbImage> images = new ArrayList<>();
            List<Scene> truth = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (out.get(i) != null) {
                    images.add(out.get(i));
                    truth.add(scenes.get(i));
                }
            }
            if (images.isEmpty()) {
                continue;
            }
            List<List<SceneObject>> read = detector.read(images);
            for (int i = 0; i < images.size(); i++) {
                DetectorTraining.tally(truth.get(i), read.get(i), counts);
            }
            kept += images.size();
        }
        return kept == 0 ? Double.NaN : counts[0] / (double) kept;
    }

    /** Real samples of the generator for each prompt x seeds, read by the detector and the pixel reader. */
    public static SampleAudit onSamples(SceneReader detector, Generator generator, LatentCodec codec, List<Caption> prompts,
                                        int seedsPerPrompt, int steps, double guidance, long seed, int keepDisagreements) {
        int confident = 0;
        int agree = 0;
        int total = 0;
        List<Disagreement> bad = new ArrayList<>();
        int perChunk = Math.max(1, 128 / seedsPerPrompt);
        for (int from = 0; from < prompts.size(); from += perChunk) {
            int to = Math.min(prompts.size(), from + perChunk);
            List<Generator.Condition> conds = new ArrayList<>();
            List<Caption> which = new ArrayList<>();
            long[] seeds = new long[(to - from) * seedsPerPrompt];
            int k = 0;
            for (int p = from; p < to; p++) {
                for (int j = 0; j < seedsPerPrompt; j++) {
                    conds.add(new Generator.Condition(prompts.get(p), List.of()));
                    which.add(prompts.get(p));
                    seeds[k++] = ShapesWorld.random(seed, (long) p * 1000 + j).nextLong();
                }
            }
            INDArray z = generator.sample(conds, seeds, steps, guidance);
            List<RgbImage> images = codec.decode(z);
            List<List<SceneObject>> read = detector.read(images);
            for (int i = 0; i < images.size(); i++) {
                total++;
                List<PixelSceneReader.Blob> blobs = PixelSceneReader.read(images.get(i));
                if (!PixelCheck.confident(blobs, images.get(i).width(), images.get(i).height())) {
                    continue;
                }
                confident++;
                if (PixelCheck.agrees(read.get(i), blobs)) {
                    agree++;
                } else if (bad.size() < keepDisagreements) {
                    bad.add(new Disagreement(which.get(i), images.get(i), read.get(i), blobs));
                }
            }
        }
        return new SampleAudit(total, confident, agree, bad);
    }

    /**
     * The score ceiling a reader allows: GenEval-lite over the prompts' true scenes (one realised
     * scene each), rendered crisp and sent through the generator's decode path. No generator drawing
     * through this decoder can expect more than the second from this reader.
     */
    public static Map<String, Double> ceiling(SceneReader reader, LatentCodec codec, List<PromptSet.Prompt> prompts, long seed) {
        List<RgbImage> crisp = trueScenes(prompts, seed);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("crisp", score(reader.read(crisp), prompts));
        List<RgbImage> decoded = new ArrayList<>();
        for (int from = 0; from < crisp.size(); from += 128) {
            decoded.addAll(codec.decode(codec.encode(crisp.subList(from, Math.min(crisp.size(), from + 128)))));
        }
        m.put("decodePath", score(reader.read(decoded), prompts));
        return m;
    }

    /**
     * What the unified model's image latent keeps, read without its decoder: GenEval-lite of the captions
     * it reads from the latents of the prompts' true scenes (realised as {@link #ceiling} realises them),
     * each caption drawn as the scene it describes. Beside the decode path's ceiling it tells where a
     * scene is lost: in the latent (both fail) or in the decoder (the caption is right, the image is not).
     */
    public static double latentCaptionScore(org.reflectlab.core.nn.unified.UnifiedModel unified, List<PromptSet.Prompt> prompts,
                                            long seed) {
        List<GenEvalLite.Outcome> out = new ArrayList<>();
        List<RgbImage> crisp = trueScenes(prompts, seed);
        for (int from = 0; from < prompts.size(); from += 128) {
            int to = Math.min(prompts.size(), from + 128);
            List<String> read = unified.decodeCaptions(unified.imageLatents(crisp.subList(from, to)));
            for (int i = from; i < to; i++) {
                org.reflectlab.core.data.ParseResult parsed = org.reflectlab.core.data.CaptionParser.parse(read.get(i - from));
                org.reflectlab.core.data.Caption prompt = prompts.get(i).caption();
                boolean ok = parsed.ok() && org.reflectlab.core.data.SceneSampler.realize(parsed.caption(), ShapesWorld.random(seed, i))
                        .map(scene -> org.reflectlab.core.data.CaptionCheck.satisfies(prompt, scene))
                        .orElse(false);
                out.add(new GenEvalLite.Outcome(prompts.get(i), ok, 0, 1));
            }
        }
        return GenEvalLite.overall(out);
    }

    /** One realised scene per prompt (prompt i with seed, i), rendered crisp at 32 px. */
    private static List<RgbImage> trueScenes(List<PromptSet.Prompt> prompts, long seed) {
        List<RgbImage> crisp = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            crisp.add(org.reflectlab.core.data.SceneRenderer.render(
                    org.reflectlab.core.data.SceneSampler.realize(prompts.get(i).caption(), ShapesWorld.random(seed, i)).orElseThrow(), 32));
        }
        return crisp;
    }

    private static double score(List<List<SceneObject>> read, List<PromptSet.Prompt> prompts) {
        List<GenEvalLite.Outcome> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(new GenEvalLite.Outcome(prompts.get(i), org.reflectlab.core.data.CaptionCheck.satisfies(prompts.get(i).caption(),
                    read.get(i)), 0, 1));
        }
        return GenEvalLite.overall(out);
    }

    public static Map<String, Double> metrics(double decodePath, SampleAudit samples) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("generated_scene_accuracy", decodePath);
        if (samples != null) {
            m.put("sample_pixel_agreement", samples.agreement());
            m.put("sample_pixel_confident_share", samples.confident() / (double) Math.max(1, samples.samples()));
        }
        return m;
    }
}
