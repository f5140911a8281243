package org.reflectlab.core.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped model chain in dependency order: the unified model (a bounded, noisy 128-d latent, its image
 * losses weighted towards the objects), the base
 * generator in its latent space, the critic and the judge trained also on that generator's output
 * path, the reflection pool of the base generator's own samples, the reflection generator and the SFT
 * control fine-tuned on it, the Aphasia ablation variants and the implicit world model. {@link #quick}
 * is the same chain on tiny settings (what a test runs).
 */
public final class ChainPlan {

    /**
     * The critic and the judge also learn from the base generator's own samples, read by the pixel reader (3 in 10 of
     * their examples; shape unlabelled there): trained only on true scenes sent through the output path, they agreed with
     * the pixel reader on 0.73 / 0.77 of real samples. The shape head then sees fewer labelled examples, so they train
     * twice as long (2,500 steps with the bank: clean shape accuracy 0.84 for the critic, under the 0.88 before it).
     */
    private static final List<String> FULL_BANK = List.of("--sampled-rate", "0.3", "--sampled-prompts", "1500", "--sampled-seeds", "4");

    private ChainPlan() {
    }

    public static List<Stage> full(Path work) {
        String pool = work.resolve("pool.tsv").toString();
        List<Stage> s = new ArrayList<>();
        s.add(new Stage("unified", List.of("train", "unified", "--seed", "1", "--steps", "8000", "--batch", "32", "--lr", "0.0015",
                "--warmup", "200", "--width", "96", "--latent", "128", "--latent-noise", "0.1", "--foreground-weight", "10",
                "--decoder-depth", "2", "--weights", "10,1,1,0.2", "--eval-every", "500", "--eval-size", "256", "--checkpoint-every", "500",
                "--out", "unified"),
                List.of("unified"), List.of(), List.of(), 45));
        // a flow over a spatial grid scattered fragments of objects at every budget tried; over 64 principal components
        // of one vector it draws whole objects. Width 96 / depth 4 for 6,000 steps left faint half-drawn objects beside
        // the real ones (held-out flow loss 1.29); width 128 / depth 6 for 24,000 steps reaches 0.95.
        s.add(new Stage("generator-base", List.of("train", "generator", "--seed", "6", "--steps", "24000", "--batch", "32", "--lr",
                "0.0007", "--width", "128", "--depth", "6", "--components", "64", "--context-rate", "0", "--out", "generator-base"),
                List.of("generator-base"), List.of(), List.of("unified"), 25));
        s.add(detector("critic", "11", "5000", "2000", FULL_BANK));
        s.add(detector("judge", "23", "5000", "2000", FULL_BANK));
        s.add(new Stage("pool", List.of("pool", "--generator", "generator-base", "--prompts", "1200", "--seeds", "12", "--seed", "7",
                "--out", pool), List.of(), List.of(pool), List.of("generator-base", "critic"), 12));
        s.add(reflection("generator", pool, "3000", List.of("--context-drop", "0.3")));
        s.add(reflection("generator-sft", pool, "3000", List.of("--no-context")));
        s.add(ablation("ablate-base", "1500", List.of()));
        s.add(ablation("ablate-align", "1500", List.of("--weights", "10,1,1,1")));
        s.add(ablation("ablate-heads", "1500", List.of("--caption-depth", "3", "--decoder-depth", "3")));
        // the design before, for Aphasia's comparison: an unbounded latent, every pixel weighted alike, one decoder layer
        s.add(ablation("ablate-latent", "1500", List.of("--latent-noise", "0", "--decoder-depth", "1", "--weights", "1,1,1,0.2")));
        s.add(new Stage("world-implicit", List.of("train", "world", "--seed", "1", "--steps", "3000", "--batch", "32", "--lr", "0.002",
                "--warmup", "100", "--unroll", "6", "--latent", "64", "--size", "32", "--eval-every", "250", "--eval-size", "128",
                "--rollouts", "8", "--out", "world-implicit"), List.of("world-implicit"), List.of(), List.of(), 10));
        return s;
    }

    /** The same chain, every stage on tiny settings: a few minutes in all. */
    public static List<Stage> quick(Path work) {
        String pool = work.resolve("pool.tsv").toString();
        List<Stage> s = new ArrayList<>();
        s.add(new Stage("unified", List.of("train", "unified", "--seed", "1", "--steps", "12", "--batch", "8", "--warmup", "2",
                "--width", "32", "--latent", "32", "--latent-noise", "0.1", "--foreground-weight", "10", "--decoder-depth", "1",
                "--caption-depth", "1", "--eval-every", "1000", "--eval-size", "16", "--log-every", "100", "--out", "unified"),
                List.of("unified"), List.of(), List.of(), 0.3));
        s.add(new Stage("generator-base", List.of("train", "generator", "--seed", "6", "--steps", "8", "--batch", "8", "--width", "32",
                "--depth", "1", "--components", "16", "--context-rate", "0", "--out", "generator-base"), List.of("generator-base"), List.of(),
                List.of("unified"), 0.3));
        List<String> quickBank = List.of("--batch", "8", "--audit-prompts", "none", "--sampled-rate", "0.3", "--sampled-prompts", "4",
                "--sampled-seeds", "2");
        s.add(detector("critic", "11", "6", "16", quickBank));
        s.add(detector("judge", "23", "6", "16", quickBank));
        s.add(new Stage("pool", List.of("pool", "--generator", "generator-base", "--prompts", "6", "--seeds", "2", "--steps", "2",
                "--seed", "7", "--out", pool), List.of(), List.of(pool), List.of("generator-base", "critic"), 0.2));
        s.add(reflection("generator", pool, "6", List.of("--batch", "8", "--context-drop", "0.3")));
        s.add(reflection("generator-sft", pool, "6", List.of("--batch", "8", "--no-context")));
        s.add(new Stage("ablate-base", List.of("train", "unified", "--seed", "1", "--steps", "4", "--batch", "8", "--warmup", "1",
                "--width", "32", "--latent", "32", "--decoder-depth", "1", "--caption-depth", "1", "--eval-every", "1000",
                "--eval-size", "8", "--out", "ablate-base"), List.of("ablate-base"), List.of(), List.of(), 0.2));
        s.add(new Stage("world-implicit", List.of("train", "world", "--seed", "1", "--steps", "4", "--batch", "4", "--eval-every", "1000",
                "--eval-size", "4", "--rollouts", "1", "--out", "world-implicit"), List.of("world-implicit"), List.of(), List.of(), 0.2));
        return s;
    }

    private static Stage detector(String role, String seed, String steps, String evalSize, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("train", role, "--seed", seed, "--steps", steps));
        if (!extra.contains("--batch")) {
            args.addAll(List.of("--batch", "64"));
        }
        args.addAll(List.of("--lr", "0.002", "--eval-size", evalSize, "--output-path", "generator-base", "--generated-rate", "0.75"));
        args.addAll(extra);
        return new Stage(role, args, List.of(role), List.of(), List.of("generator-base"),
                steps.length() > 3 ? 30 : steps.length() > 2 ? 20 : 0.2);
    }

    private static Stage reflection(String out, String pool, String steps, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("train", "generator", "--init", "generator-base", "--pool", pool));
        args.addAll(extra);
        if (!extra.contains("--batch")) {
            args.addAll(List.of("--batch", "32"));
        }
        args.addAll(List.of("--render-share", "0.25", "--seed", "8", "--steps", steps, "--lr", "0.0005", "--out", out));
        return new Stage(out, args, List.of(out), List.of(), List.of("pool"), steps.length() > 2 ? 20 : 0.2);
    }

    private static Stage ablation(String out, String steps, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("train", "unified", "--seed", "1", "--steps", steps, "--batch", "32", "--lr",
                "0.0015", "--warmup", "200", "--width", "96"));
        args.addAll(List.of("--latent", "128"));
        if (!extra.contains("--latent-noise")) {
            args.addAll(List.of("--latent-noise", "0.1", "--foreground-weight", "10"));
        }
        if (!extra.contains("--decoder-depth")) {
            args.addAll(List.of("--decoder-depth", "2"));
        }
        args.addAll(extra);
        if (!extra.contains("--weights")) {
            args.addAll(List.of("--weights", "10,1,1,0.2"));
        }
        args.addAll(List.of("--eval-every", "500", "--eval-size", "256", "--out", out));
        return new Stage(out, args, List.of(out), List.of(), List.of(), 9);
    }
}
