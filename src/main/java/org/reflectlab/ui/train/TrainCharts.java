package org.reflectlab.ui.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.train.LossHistory;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.UnifiedEval;
import org.reflectlab.ui.kit.PointStream;

/**
 * The point streams behind the Train workspace's two charts (losses, held-out quality): fed
 * from the training thread step by step, or replayed from a loaded checkpoint's history.
 */
final class TrainCharts {

    /** The loss chart's series of held-out evaluations (one point per evaluation step). */
    static final String HELD_OUT = "heldout";
    /** Series of the loss chart, in legend order. */
    static final List<String> LOSS_SERIES = List.of("total", "reconstruction", "generation", "captioning",
            "alignment", HELD_OUT);
    /** Series of the held-out quality chart. */
    static final List<String> QUALITY_SERIES = List.of("captionAccuracy", "t2iAccuracy", "recall1");
    /** The bundle key of a series' shown name (the streams are named by ids). */
    static String key(String series) {
        return switch (series) {
            case "total" -> "train.series.total";
            case "reconstruction" -> "train.series.reconstruction";
            case "generation" -> "train.series.generation";
            case "captioning" -> "train.series.captioning";
            case "alignment" -> "train.series.alignment";
            case HELD_OUT -> "train.series.held-out";
            case "captionAccuracy" -> "train.series.caption-attributes";
            case "t2iAccuracy" -> "train.series.t2i-attributes";
            case "recall1" -> "train.series.r1";
            default -> throw new IllegalArgumentException(series);
        };
    }

    /** The training-step series, in the order the loss history stores its columns. */
    private static final List<String> STEP_SERIES = LOSS_SERIES.subList(0, 5);

    private final Map<String, PointStream> losses = new LinkedHashMap<>();
    private final Map<String, PointStream> quality = new LinkedHashMap<>();

    TrainCharts() {
        LOSS_SERIES.forEach(s -> losses.put(s, new PointStream(s)));
        QUALITY_SERIES.forEach(s -> quality.put(s, new PointStream(s)));
    }

    Map<String, PointStream> losses() {
        return losses;
    }

    Map<String, PointStream> quality() {
        return quality;
    }

    void clear() {
        losses.values().forEach(PointStream::clear);
        quality.values().forEach(PointStream::clear);
    }

    void offerStep(StepResult r) {
        long x = r.iteration();
        losses.get("total").offer(x, r.loss());
        losses.get("reconstruction").offer(x, r.components().get(UnifiedModel.LOSS_RECON));
        losses.get("generation").offer(x, r.components().get(UnifiedModel.LOSS_GEN));
        losses.get("captioning").offer(x, r.components().get(UnifiedModel.LOSS_CAPTION));
        losses.get("alignment").offer(x, r.components().get(UnifiedModel.LOSS_ALIGN));
    }

    void offerEval(long x, Map<String, Double> m) {
        offerIf(losses.get(HELD_OUT), x, m.get(UnifiedEval.HELDOUT_LOSS));
        offerIf(quality.get("captionAccuracy"), x, m.get(UnifiedEval.CAPTION_ACCURACY));
        offerIf(quality.get("t2iAccuracy"), x, m.get(UnifiedEval.T2I_ACCURACY));
        offerIf(quality.get("recall1"), x, m.get(UnifiedEval.RECALL1));
    }

    /** A loaded checkpoint's history, drawn as if it had just been trained. */
    void replay(LossHistory h) {
        for (int i = 0; i < h.size(); i++) {
            for (int c = 0; c < STEP_SERIES.size(); c++) {
                losses.get(STEP_SERIES.get(c)).offer(h.step(i), h.value(c, i));
            }
        }
        h.evals().forEach(this::offerEval);
    }

    private static void offerIf(PointStream s, long x, Double v) {
        if (v != null) {
            s.offer(x, v);
        }
    }
}
