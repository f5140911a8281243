package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.MetricSummary;
import org.reflectlab.core.aphasia.Retrieval;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.Manifest;

/**
 * The lecture's comprehension questions, each answered by a computation on the current models and
 * measurements, with the working shown. Reference values that were not measured here are labelled so.
 */
public final class Quiz {

    public record Answer(String question, String formula, List<String> working) {
    }

    // The answers' formulas (JLaTeXMath); listed by formulas() so a test renders each one.
    static final String RETRIEVAL = "\\mathrm{R}_1 = \\frac{1}{n}\\sum_i \\mathbb{1}[\\arg\\max_j \\cos(z^{img}_i, z^{txt}_j) \\equiv i]";
    static final String DOUBLING = "\\frac{Q(2C)-Q(C)}{Q_\\infty-Q(C)} = 1-2^{-\\gamma}";
    static final String LIMIT = "\\Delta = F(x, D_{img}(E_{img}(x))) - F(x, D_{img}(E_{txt}(D_{txt}(E_{img}(x)))))";
    static final String OBJECTIVES = "\\theta^*_{x}=\\arg\\min_\\theta L_{TTT}(\\theta; x_{test}) \\quad vs \\quad \\theta^*=\\arg\\min_\\theta"
            + " \\frac{1}{|D|}\\sum_{(x,y)\\in D} L_{FT}(\\theta; x, y)";

    private Quiz() {
    }

    /** Every formula an answer can carry. */
    public static List<String> formulas() {
        return List.of(RETRIEVAL, DOUBLING, LIMIT, OBJECTIVES);
    }

    /** Q1: Recall@1 and modality bias of the shared latent on held-out samples. */
    public static Answer retrieval(UnifiedModel model, long seed, int samples) {
        ShapesWorld world = new ShapesWorld(new DataSpec(seed, model.config().imageSize(), DataSpec.defaults(seed).categories()));
        List<Sample> data = world.samples(3_000_000, samples);
        INDArray zi = model.imageLatents(data.stream().map(s -> world.render(s.scene())).toList());
        INDArray zt = model.textLatents(data.stream().map(Sample::description).toList());
        Object[] keys = data.stream().map(s -> s.description().text()).toArray();
        Retrieval r = Retrieval.measure(zi.toDoubleMatrix(), zt.toDoubleMatrix(), keys);
        Set<Object> distinct = new HashSet<>(List.of(keys));
        List<String> w = new ArrayList<>();
        w.add(String.format(Locale.ROOT, "%d held-out pairs (seed %d); similarity = cosine of the unified model's latents", samples, seed));
        w.add(String.format(Locale.ROOT, "Recall@1 image->text = share of images whose most similar caption latent is their own caption: %.3f",
                r.imageToTextAt1()));
        w.add(String.format(Locale.ROOT, "Recall@1 text->image: %.3f   (Recall@5: %.3f / %.3f)", r.textToImageAt1(), r.imageToTextAt5(),
                r.textToImageAt5()));
        w.add(String.format(Locale.ROOT, "modality bias: %.3f of the %d latents have a nearest neighbour of their own modality (0 = mixed, 1 = two clusters);"
                + " centroid gap |mean z_img - mean z_txt| = %.3f", r.sameModalityShare(), 2 * samples, r.centroidGap()));
        w.add(String.format(Locale.ROOT, "chance Recall@1 would be about %.3f; matched cosine %.3f vs mismatched %.3f", 1.0 / distinct.size(),
                r.matchedCosine(), r.mismatchedCosine()));
        w.add(String.format(Locale.ROOT, "design: only %d distinct captions among %d scenes, so an identical twin caption counts as a hit (keys ="
                + " caption text), else Recall@1 would be capped near %.2f", distinct.size(), samples, (double) distinct.size() / samples));
        w.add("design: held-out scenes (never trained on), paired gaps with bootstrap intervals, and the same scenes for every model compared");
        return new Answer("How are cross-modal retrieval Recall@1 and a modality-bias measure computed to quantify modal aphasia,"
                + " and what must an experiment's design watch out for?",
                RETRIEVAL, w);
    }

    /** Q2: gain per doubling of compute from the power-law fits of a stored sweep. */
    public static Answer doubling(Derivation.Result d) {
        List<String> w = new ArrayList<>();
        if (d == null || d.methods().isEmpty()) {
            w.add("no stored sweep with 4 or more K values: run `reflectlab sweep --quick` first");
        } else {
            w.add("sweep " + d.sweep() + ", power law Q(K) = Q_inf - A K^-gamma fitted per method:");
            for (Derivation.MethodFit m : d.methods()) {
                Derivation.Fit f = m.power();
                double g = f.rate();
                w.add(String.format(Locale.ROOT, "%s: gamma %.3f -> each doubling of C removes 1 - 2^-gamma = %.1f%% of the remaining gap;"
                        + " Q(8) - Q(4) = %.3f, Q(16) - Q(8) = %.3f (fit); AIC prefers the %s%s", m.method(), g,
                        100 * (1 - Math.pow(2, -g)), f.at(8) - f.at(4), f.at(16) - f.at(8), m.better().form(),
                        g <= 1.01e-3 ? " (gamma at its lower bound: no power law here)" : ""));
            }
        }
        w.add("reference, not measured here: published inference-time scaling fits usually report exponents well below 1"
                + " (roughly 0.1-0.5), i.e. each doubling buys a shrinking, single-digit-percent gain");
        return new Answer("In an inference-time scaling experiment, how much does quality improve when compute C doubles,"
                + " and what is the usual range of the power-law exponent?",
                DOUBLING, w);
    }

    /** Q3: the largest limit, measured as the modal-aphasia gap of the shipped model. */
    public static Answer limit(AphasiaResult a) {
        List<String> w = new ArrayList<>();
        MetricSummary worst = null;
        for (Metric m : Metric.values()) {
            MetricSummary s = a.summary(m);
            w.add(String.format(Locale.ROOT, "%-14s visual %.3f  textual %.3f  gap %+.3f [%+.3f, %+.3f]", m.label(), s.visual().mean(),
                    s.textual().mean(), s.gap().mean(), s.gap().low(), s.gap().high()));
            if (worst == null || s.gap().mean() > worst.gap().mean()) {
                worst = s;
            }
        }
        w.add(0, String.format(Locale.ROOT, "%d held-out scenes: image -> latent -> image (visual) vs image -> caption -> image (textual)",
                a.samples().size()));
        w.add(String.format(Locale.ROOT, "largest measured gap: %s (%+.3f): what the model sees it cannot say (modal aphasia);"
                + " the caption bottleneck drops detail the image path keeps", worst.metric().label(), worst.gap().mean()));
        w.add("remedies the lecture expects: deeper modality-specific heads after the shared latent, training both image->text and"
                + " text->image, separating fine from abstract detail; the first is measured as the Aphasia ablation variant ablate-heads"
                + " (`aphasia --variants all`), the others are not run here");
        return new Answer("Name the largest limit of today's unified multimodal models and a remedy the field expects next.",
                LIMIT, w);
    }

    /** Q4: TTT vs fine-tuning as objectives, with the measured TTT run and the stored fine-tune's manifest. */
    public static Answer objectives(TttConvergence.Result ttt, Manifest sft, Manifest base) {
        List<String> w = new ArrayList<>();
        w.add("L_TTT: a self-supervised loss on the one test input only, minimised at inference (a few steps, weights thrown away after)");
        w.add("L_FT: the task loss summed over a training set, minimised once before deployment; every later input benefits");
        if (ttt != null) {
            TttConvergence.Curve best = ttt.curves().stream().filter(c -> !c.status().equals("diverged"))
                    .min(java.util.Comparator.comparingDouble(TttConvergence.Curve::last)).orElse(ttt.curves().get(0));
            w.add(String.format(Locale.ROOT, "measured TTT on \"%s\": lr %.0e, %d steps on %d accepted samples of this prompt: L_TTT %.4f -> %.4f",
                    ttt.prompt(), best.rate(), best.losses().length, ttt.accepted(), best.initial(), best.last()));
        }
        if (sft != null) {
            w.add(String.format(Locale.ROOT, "measured FT (models/%s manifest): %s; held-out flow loss %s (base model: %s)", sft.name(),
                    sft.command(), sft.metric("heldOutFlowLoss").map(Object::toString).orElse("n/a"),
                    base == null ? "n/a" : base.metric("heldOutFlowLoss").map(Object::toString).orElse("n/a")));
        }
        w.add("TTT applies when one input is unusual and a check exists at test time (a critic to accept samples); FT when a whole"
                + " distribution shifts and data are at hand before deployment");
        return new Answer("Write test-time training and fine-tuning as objectives, L_TTT(theta; x_test) vs L_FT(theta; D_train),"
                + " and say when each applies.",
                OBJECTIVES, w);
    }

    public static List<String> table(List<Answer> answers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            out.add((i + 1) + ". " + a.question());
            out.add("   formula: " + a.formula());
            a.working().forEach(l -> out.add("   - " + l));
        }
        return out;
    }
}
