package org.reflectlab.core.world;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.reflectlab.core.text.PhrasedException;

/**
 * A learner's guess, before a rollout is watched, at where the orange ball (ball 0, the one the
 * pushes move) is at the last frame, in box units (0..1 across, 0..1 down), and where each
 * sequence put it. Positions are read from the frames' pixels ({@link Perception}), so the models'
 * answers are judged exactly as the truth's is.
 */
public record EndPrediction(double x, double y) {

    public EndPrediction {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new PhrasedException("world.parse.outside", x, y);
        }
    }

    /** "0.3, 0.7" (x across, y down); a clear message otherwise. */
    public static EndPrediction parse(String text) {
        String[] parts = text.trim().replace("(", "").replace(")", "").split("[,;\\s]+");
        if (parts.length != 2) {
            throw new PhrasedException("world.parse.two-numbers");
        }
        try {
            return new EndPrediction(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (NumberFormatException e) {
            throw new PhrasedException("world.parse.not-numbers", text.trim());
        }
    }

    public String text() {
        return String.format(Locale.ROOT, "%.2f, %.2f", x, y);
    }

    /** Where each sequence shows the orange ball at the last frame (null: not visible there). */
    public record Outcome(EndPrediction predicted, int frame, Map<ModelKind, Perception.Detection> seen) {

        /** Distance from the guess to a sequence's ball in box widths, NaN if that ball is not visible. */
        public double miss(ModelKind kind) {
            Perception.Detection d = seen.get(kind);
            return d == null ? Double.NaN : Math.hypot(d.x() - predicted.x(), d.y() - predicted.y());
        }
    }

    public Outcome against(Comparison c) {
        Map<ModelKind, Perception.Detection> seen = new EnumMap<>(ModelKind.class);
        for (ModelKind k : ModelKind.values()) {
            if (c.has(k)) {
                seen.put(k, Perception.detect(c.frame(k, c.horizon()))[0]);
            }
        }
        return new Outcome(this, c.horizon(), seen);
    }

    /** The reveal in a sentence or two (short: it sits in the rollout page, above the chart). */
    public static String reveal(Outcome o, int frameSize) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "You predicted (%.2f, %.2f) for frame %d; ", o.predicted().x(),
                o.predicted().y(), o.frame()));
        Perception.Detection truth = o.seen().get(ModelKind.TRUTH);
        if (truth == null) {
            sb.append("the orange ball is not visible in the true last frame.");
        } else {
            sb.append(String.format(Locale.ROOT, "it is at (%.2f, %.2f): %.2f box widths off (%.1f px).", truth.x(), truth.y(),
                    o.miss(ModelKind.TRUTH), o.miss(ModelKind.TRUTH) * frameSize));
        }
        java.util.List<String> models = new java.util.ArrayList<>();
        for (ModelKind k : new ModelKind[] {ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID}) {
            if (!o.seen().containsKey(k)) {
                continue;
            }
            Perception.Detection d = o.seen().get(k);
            models.add(d == null ? k.label() + " lost the ball" : String.format(Locale.ROOT, "%s (%.2f, %.2f)%s", k.label(), d.x(), d.y(),
                    truth == null ? "" : String.format(Locale.ROOT, ", %.2f off", Math.hypot(d.x() - truth.x(), d.y() - truth.y()))));
        }
        if (!models.isEmpty()) {
            sb.append(" Models: ").append(String.join("; ", models)).append('.');
        }
        return sb.toString();
    }
}
