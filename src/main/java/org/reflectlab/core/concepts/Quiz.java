package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.reflectlab.core.text.Phrase;

/**
 * The lecture's comprehension questions, each answered by a computation on the current models and
 * measurements, with the working shown. Reference values that were not measured here are labelled so.
 */
public final class Quiz {

    /** A question, its formula (LaTeX) and the working, as phrases: the app says them in the chosen language, the CLI in English. */
    public record Answer(Phrase question, String formula, List<Phrase> working) {
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
        List<Phrase> w = new ArrayList<>();
        w.add(new Phrase("concepts.quiz.retrieval.pairs", samples, seed));
        w.add(new Phrase("concepts.quiz.retrieval.r1", r.imageToTextAt1()));
        w.add(new Phrase("concepts.quiz.retrieval.r1-text", r.textToImageAt1(), r.imageToTextAt5(), r.textToImageAt5()));
        w.add(new Phrase("concepts.quiz.retrieval.bias", r.sameModalityShare(), 2 * samples, r.centroidGap()));
        w.add(new Phrase("concepts.quiz.retrieval.chance", 1.0 / distinct.size(), r.matchedCosine(), r.mismatchedCosine()));
        w.add(new Phrase("concepts.quiz.retrieval.twins", distinct.size(), samples, (double) distinct.size() / samples));
        w.add(new Phrase("concepts.quiz.retrieval.design"));
        return new Answer(new Phrase("concepts.quiz.retrieval.q"), RETRIEVAL, w);
    }

    /** Q2: gain per doubling of compute from the power-law fits of a stored sweep. */
    public static Answer doubling(Derivation.Result d) {
        List<Phrase> w = new ArrayList<>();
        if (d == null || d.methods().isEmpty()) {
            w.add(new Phrase("concepts.quiz.doubling.none"));
        } else {
            w.add(new Phrase("concepts.quiz.doubling.sweep", d.sweep()));
            for (Derivation.MethodFit m : d.methods()) {
                Derivation.Fit f = m.power();
                double g = f.rate();
                w.add(new Phrase("concepts.quiz.doubling.method", m.method(), g, 100 * (1 - Math.pow(2, -g)), f.at(8) - f.at(4),
                        f.at(16) - f.at(8), Derivation.formName(m.better().form()),
                        g <= 1.01e-3 ? new Phrase("concepts.quiz.doubling.at-bound") : Phrase.none()));
            }
        }
        w.add(new Phrase("concepts.quiz.doubling.reference"));
        return new Answer(new Phrase("concepts.quiz.doubling.q"), DOUBLING, w);
    }

    /** Q3: the largest limit, measured as the modal-aphasia gap of the shipped model. */
    public static Answer limit(AphasiaResult a) {
        List<Phrase> w = new ArrayList<>();
        MetricSummary worst = null;
        for (Metric m : Metric.values()) {
            MetricSummary s = a.summary(m);
            w.add(new Phrase("concepts.quiz.limit.metric", m, s.visual().mean(), s.textual().mean(), s.gap().mean(), s.gap().low(),
                    s.gap().high()));
            if (worst == null || s.gap().mean() > worst.gap().mean()) {
                worst = s;
            }
        }
        w.add(0, new Phrase("concepts.quiz.limit.scenes", a.samples().size()));
        w.add(new Phrase("concepts.quiz.limit.largest", worst.metric(), worst.gap().mean()));
        w.add(new Phrase("concepts.quiz.limit.remedies"));
        return new Answer(new Phrase("concepts.quiz.limit.q"), LIMIT, w);
    }

    /** Q4: TTT vs fine-tuning as objectives, with the measured TTT run and the stored fine-tune's manifest. */
    public static Answer objectives(TttConvergence.Result ttt, Manifest sft, Manifest base) {
        List<Phrase> w = new ArrayList<>();
        w.add(new Phrase("concepts.quiz.objectives.ttt"));
        w.add(new Phrase("concepts.quiz.objectives.ft"));
        if (ttt != null) {
            TttConvergence.Curve best = ttt.curves().stream().filter(c -> !c.status().equals("diverged"))
                    .min(java.util.Comparator.comparingDouble(TttConvergence.Curve::last)).orElse(ttt.curves().get(0));
            w.add(new Phrase("concepts.quiz.objectives.ttt-measured", ttt.prompt(), best.rate(), best.losses().length, ttt.accepted(),
                    best.initial(), best.last()));
        }
        if (sft != null) {
            w.add(new Phrase("concepts.quiz.objectives.ft-measured", sft.name(), sft.command(),
                    sft.metric("heldOutFlowLoss").map(Object::toString).orElse("n/a"),
                    base == null ? "n/a" : base.metric("heldOutFlowLoss").map(Object::toString).orElse("n/a")));
        }
        w.add(new Phrase("concepts.quiz.objectives.when"));
        return new Answer(new Phrase("concepts.quiz.objectives.q"), OBJECTIVES, w);
    }

    /** The answers as the CLI prints them (English). */
    public static List<String> table(List<Answer> answers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            out.add((i + 1) + ". " + a.question().english());
            out.add("   formula: " + a.formula());
            a.working().forEach(l -> out.add("   - " + l.english()));
        }
        return out;
    }
}
