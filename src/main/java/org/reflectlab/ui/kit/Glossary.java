package org.reflectlab.ui.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The terms a learner meets on screen, each with a plain definition (in the current language), how this lab
 * measures it, and a formula where one helps. Toolkit-free data; {@link GlossaryView} shows it and
 * {@link GlossaryView#explain} ties a term to a control.
 */
public final class Glossary {

    /**
     * One term: its English name (how views refer to it), the key of its texts in the kit bundle
     * ({@code kit.glossary.<key>.name} and {@code .definition}), and (optional) its formula in LaTeX.
     */
    public record Term(String id, String key, String latex) {

        /** The name as shown in the current language (Japanese keeps the lecture's English term beside it). */
        public String name() {
            return I18n.tr(PREFIX + key + ".name");
        }

        /** The definition in the current language. */
        public String definition() {
            return I18n.tr(PREFIX + key + ".definition");
        }

        /** The bundle keys this term uses. */
        public List<String> keys() {
            return List.of(PREFIX + key + ".name", PREFIX + key + ".definition");
        }
    }

    private static final String PREFIX = "kit.glossary.";

    private static final Map<String, Term> TERMS = new LinkedHashMap<>();

    static {
        // every term is listed by its English name (what views pass to explain/link); its text is in the kit bundle
        add("NFE", "nfe", "\\text{NFE} = \\text{steps} \\times (1 + [w > 1]) + c_{\\text{critic}} + c_{\\text{decode}}");
        add("guidance", "guidance", "\\hat v = v_\\varnothing + w\\,(v_{\\text{prompt}} - v_\\varnothing)");
        add("context pairs", "context-pairs", null);
        add("critic", "critic", null);
        add("judge", "judge", null);
        add("GenEval-lite", "geneval-lite", "Q = \\frac{1}{6}\\sum_{c} \\frac{\\#\\text{correct}_c}{\\#\\text{images}_c}");
        add("best-of-N", "best-of-n", null);
        add("Reflect-DiT", "reflect-dit", null);
        add("test-time training", "test-time-training", null);
        add("R@1", "r-at-1", null);
        add("modality bias", "modality-bias", "\\text{gap} = \\lVert \\bar z_{\\text{img}} - \\bar z_{\\text{txt}} \\rVert");
        add("modal aphasia", "modal-aphasia", null);
        add("fine position", "fine-position", null);
        add("drift horizon", "drift-horizon", "h = \\min\\{t : \\text{MSE}_t > 0.01\\}");
        add("hybrid", "hybrid", "\\hat x = \\alpha\\, x_{\\text{explicit}} + (1-\\alpha)\\, x_{\\text{implicit}}");
        add("power-law fit", "power-law-fit", "Q(K) = Q_\\infty - A\\,K^{-\\gamma}");
        add("K*", "k-star", "K^* = \\left(\\frac{A\\gamma}{\\lambda c}\\right)^{\\frac{1}{\\gamma+1}}");
        add("bootstrap interval", "bootstrap-interval", null);
        add("PSNR", "psnr", "\\text{PSNR} = 10 \\log_{10} \\frac{1}{\\text{MSE}}");
        add("contrastive alignment", "contrastive-alignment", "\\mathcal{L} = -\\log \\frac{e^{s(z_i, t_i)/\\tau}}{\\sum_j e^{s(z_i, t_j)/\\tau}}");
        add("inference-time scaling", "inference-time-scaling", null);
        add("unified multimodal model", "unified-model", null);
    }

    private static void add(String name, String key, String latex) {
        TERMS.put(key(name), new Term(name, key, latex));
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
