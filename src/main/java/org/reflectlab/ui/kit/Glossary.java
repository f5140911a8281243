package org.reflectlab.ui.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The terms a learner meets on screen, each with a plain definition, how this lab measures it,
 * and a formula where one helps. Toolkit-free data; {@link GlossaryView} shows it and
 * {@link GlossaryView#explain} ties a term to a control.
 */
public final class Glossary {

    /** One term: what it means, and (optional) its formula in LaTeX. */
    public record Term(String name, String definition, String latex) {
    }

    private static final Map<String, Term> TERMS = new LinkedHashMap<>();

    static {
        add("NFE", "Network function evaluations: how many times the generator network runs. Compute in this lab is counted in NFE so "
                + "methods are compared at equal cost: a sampling step is 1 NFE (2 with guidance); critic calls, decoding and "
                + "test-time gradient steps are converted with a stated factor.", "\\text{NFE} = \\text{steps} \\times (1 + [w > 1]) + c_{\\text{critic}} + c_{\\text{decode}}");
        add("guidance", "Classifier-free guidance: the generator runs with and without the prompt and moves further in the prompt's "
                + "direction. w = 1 is no guidance; larger w follows the prompt harder, at twice the NFE per step.",
                "\\hat v = v_\\varnothing + w\\,(v_{\\text{prompt}} - v_\\varnothing)");
        add("context pairs", "In Reflect-DiT, the (image, feedback) pairs of earlier iterations that the generator reads when it draws "
                + "the next image (here up to 3, recent ones with different feedback first).", null);
        add("critic", "A network that reads an image and writes what is wrong with it against the prompt (\"the circle should be red but it "
                + "is blue\"), or \"correct\". Its words are the feedback reflection reads; it also picks among best-of-N samples.", null);
        add("judge", "A separately trained detector used only for scoring (GenEval-lite), never for feedback, so scores are not "
                + "self-graded. Critic and judge can read the same image differently.", null);
        add("GenEval-lite", "This lab's version of GenEval: prompts in six categories (single object, two objects, counting, colors, "
                + "position, color attribution); the judge says whether each image is right; the score is the mean of the category scores.",
                "Q = \\frac{1}{6}\\sum_{c} \\frac{\\#\\text{correct}_c}{\\#\\text{images}_c}");
        add("best-of-N", "Draw N independent samples and keep the one the critic likes best. The baseline every inference-time method "
                + "must beat at equal compute.", null);
        add("Reflect-DiT", "Reflection for diffusion transformers (arXiv 2503.12271): the generator redraws with its earlier attempts and "
                + "the critic's feedback in context, and stops when the critic says correct.", null);
        add("test-time training", "Spend part of the budget fine-tuning a copy of the generator on its own samples that the critic "
                + "accepted, then sample from the adapted copy.", null);
        add("R@1", "Recall at 1: the share of queries whose nearest neighbour in the other modality (image to text, or text to image) is "
                + "a correct match. R@5 counts a hit among the five nearest.", null);
        add("modality bias", "How much a shared latent still separates the modalities: the share of latents whose nearest neighbour is "
                + "of their own modality (0 = every latent's nearest is its partner, 1 = two separate clusters), and the centroid gap "
                + "between mean image and mean text latents.", "\\text{gap} = \\lVert \\bar z_{\\text{img}} - \\bar z_{\\text{txt}} \\rVert");
        add("modal aphasia", "A unified model reproduces a scene better through its image latent than through the caption it reads from "
                + "the same scene: it can see more than it can say (arXiv 2510.21842).", null);
        add("fine position", "Where an object sits inside its 3x3 cell (a sub-cell offset of up to about 2.4 px). No caption carries it, "
                + "so the textual route loses it; scored as the share of objects whose centroid moved less than 0.5 px.", null);
        add("drift horizon", "The first frame at which a world model's prediction is off by more than MSE 0.01 (about one ball drawn in "
                + "the wrong place): how long a rollout stays trustworthy.", "h = \\min\\{t : \\text{MSE}_t > 0.01\\}");
        add("hybrid", "A per-pixel blend of the explicit (physics) and implicit (learned) world models' frames. It wins on error by "
                + "hedging between two guesses, at the cost of ghosted balls where they disagree.",
                "\\hat x = \\alpha\\, x_{\\text{explicit}} + (1-\\alpha)\\, x_{\\text{implicit}}");
        add("power-law fit", "Quality against compute K fitted as Q(K) = Q∞ - A/K^γ (Levenberg-Marquardt). Q∞ is the ceiling, γ how fast "
                + "returns diminish; each doubling of K gains 2^-γ times the previous doubling's gain. Needs at least 4 K values.",
                "Q(K) = Q_\\infty - A\\,K^{-\\gamma}");
        add("K*", "Optimal stopping: the K that maximises value = quality - λ·c·K for a cost weight λ and a cost c per unit of K. Beyond "
                + "K*, one more unit of compute buys less quality than it costs.", "K^* = \\left(\\frac{A\\gamma}{\\lambda c}\\right)^{\\frac{1}{\\gamma+1}}");
        add("bootstrap interval", "A 95% interval from resampling the prompts (or scenes) with replacement 1000 times and taking the "
                + "2.5th and 97.5th percentiles of the score: how much the number would move on other prompts like these.", null);
        add("PSNR", "Peak signal-to-noise ratio of a reconstruction against the original, in dB; higher is closer. 30 dB is close; 20 dB "
                + "blurry.", "\\text{PSNR} = 10 \\log_{10} \\frac{1}{\\text{MSE}}");
        add("contrastive alignment", "The loss that pulls an image's latent towards its own caption's latent and away from the other "
                + "captions in the batch (InfoNCE), so the two modalities share one space.",
                "\\mathcal{L} = -\\log \\frac{e^{s(z_i, t_i)/\\tau}}{\\sum_j e^{s(z_i, t_j)/\\tau}}");
    }

    private static void add(String name, String definition, String latex) {
        TERMS.put(key(name), new Term(name, definition, latex));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private Glossary() {
    }

    public static List<Term> all() {
        return List.copyOf(TERMS.values());
    }

    public static Optional<Term> find(String name) {
        return Optional.ofNullable(TERMS.get(key(name)));
    }

    /** The term, or an error naming it: a typo in a view's term fails its test, not silently. */
    public static Term get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no glossary term '" + name + "'"));
    }
}
