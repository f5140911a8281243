package org.reflectlab.ui.concepts;

import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.reflectlab.core.concepts.Derivation;
import org.reflectlab.core.concepts.ModalityLosses;
import org.reflectlab.core.concepts.Tradeoff;
import org.reflectlab.core.concepts.TttConvergence;
import org.reflectlab.core.concepts.VqSweep;
import org.reflectlab.ui.kit.I18n;

/** Results shaped into chart series (log axes are drawn as log10 values, and say so). */
final class ConceptsCharts {

    private ConceptsCharts() {
    }

    /** A chart whose title (may be null: set per result) and axis labels are {@link I18n} keys. */
    static LineChart<Number, Number> chart(String id, String titleKey, String xKey, String yKey) {
        NumberAxis xa = new NumberAxis();
        xa.labelProperty().bind(I18n.text(xKey));
        xa.setForceZeroInRange(false);
        NumberAxis ya = new NumberAxis();
        ya.labelProperty().bind(I18n.text(yKey));
        ya.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xa, ya);
        c.setId(id);
        if (titleKey != null) {
            c.titleProperty().bind(I18n.text(titleKey));
        }
        c.setAnimated(false);
        c.setCreateSymbols(true);
        c.setPrefSize(520, 300);
        return c;
    }

    static XYChart.Series<Number, Number> series(String name, double[] x, double[] y) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                s.getData().add(new XYChart.Data<>(x[i], y[i]));
            }
        }
        return s;
    }

    static void vq(LineChart<Number, Number> c, VqSweep.Result r) {
        int n = r.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] ref = new double[n];
        for (int i = 0; i < n; i++) {
            VqSweep.Point p = r.points().get(i);
            x[i] = Math.log10(p.size());
            y[i] = Math.log10(p.mse());
            ref[i] = Math.log10(r.reference(p.size()));
        }
        c.getData().setAll(List.of(series(I18n.tr("concepts.vq.series.measured"), x, y), series(I18n.tr("concepts.vq.series.reference"), x, ref)));
    }

    static void losses(List<LineChart<Number, Number>> charts, ModalityLosses.Result r) {
        for (int i = 0; i < charts.size() && i < r.curves().size(); i++) {
            ModalityLosses.Curve c = r.curves().get(i);
            LineChart<Number, Number> chart = charts.get(i);
            chart.setTitle(I18n.tr("concepts.losses.chart.title", c.modality(), c.perturbation()));
            chart.getXAxis().labelProperty().unbind();
            chart.getXAxis().setLabel(c.unit());
            chart.getData().clear();
            for (Map.Entry<String, double[]> e : c.losses().entrySet()) {
                double[] v = e.getValue();
                double max = 0;
                for (double d : v) {
                    max = Math.max(max, Math.abs(d));
                }
                double[] norm = new double[v.length];
                for (int j = 0; j < v.length; j++) {
                    norm[j] = max > 0 ? v[j] / max : 0;
                }
                chart.getData().add(series(e.getKey(), c.strengths(), norm));
            }
        }
    }

    static void ttt(LineChart<Number, Number> c, TttConvergence.Result r) {
        c.getData().clear();
        for (TttConvergence.Curve curve : r.curves()) {
            double[] x = new double[curve.losses().length];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
                y[i] = Math.log10(curve.losses()[i]);
            }
            c.getData().add(series(I18n.tr("concepts.ttt.series", String.format(java.util.Locale.ROOT, "%.0e", curve.rate()), curve.status()),
                    x, y));
        }
    }

    static void derivation(LineChart<Number, Number> q, LineChart<Number, Number> p, Derivation.Result r) {
        q.getData().clear();
        p.getData().clear();
        for (Derivation.MethodFit m : r.methods()) {
            q.getData().add(series(I18n.tr("concepts.derivation.series.measured", m.method()), m.k(), m.q()));
            double[] fx = new double[40];
            double[] fe = new double[40];
            double[] fp = new double[40];
            double top = m.k()[m.k().length - 1];
            for (int i = 0; i < 40; i++) {
                fx[i] = 1 + (top - 1) * i / 39.0;
                fe[i] = m.exponential().at(fx[i]);
                fp[i] = m.power().at(fx[i]);
            }
            q.getData().add(series(I18n.tr("concepts.derivation.series.exp", m.method()), fx, fe));
            q.getData().add(series(I18n.tr("concepts.derivation.series.power", m.method()), fx, fp));
            p.getData().add(series(I18n.tr("concepts.derivation.series.p", m.method()), m.k(), m.fixRate()));
        }
    }

    static void tradeoff(LineChart<Number, Number> c, Tradeoff.Result r) {
        c.getData().clear();
        for (Tradeoff.Checkpoint cp : r.checkpoints()) {
            List<Tradeoff.Point> pts = r.points().stream().filter(p -> p.checkpoint().equals(cp.name())).toList();
            double[] x = pts.stream().mapToDouble(p -> Math.log10(p.totalFlops())).toArray();
            double[] y = pts.stream().mapToDouble(Tradeoff.Point::quality).toArray();
            c.getData().add(series(I18n.tr("concepts.tradeoff.series", cp.name(), cp.steps()), x, y));
        }
    }
}
