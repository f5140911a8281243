package org.reflectlab.ui.scaling;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.scaling.Answers;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.OptimalStopping;
import org.reflectlab.core.scaling.ScalingAnalysis;

/**
 * What the Scaling workspace derives from the current sweep's fits: the lecture's questions
 * answered, and optimal stopping for a cost weight lambda and a cost unit. Follows the current
 * sweep and the two settings.
 */
public final class AnalysisViewModel {

    /** How the cost of one unit of K is counted for optimal stopping. */
    public enum CostUnit { NFE, SECONDS }

    /** Where K* lands for one method: from the closed form, by scanning the fit, and among measured points. */
    public record Stopping(Method method, double costPerK, double closedForm, double numeric, int measuredK) {
    }

    private final ReadOnlyObjectProperty<StoredSweeps.Run> current;
    private final ObservableList<Answers.Answer> answers = FXCollections.observableArrayList();
    private final ObservableList<Stopping> stopping = FXCollections.observableArrayList();
    /** The cost weights the slider offers (10^-6 to 1); remembered values go through the same range. */
    public static final org.reflectlab.core.settings.Range LAMBDA_RANGE = org.reflectlab.core.settings.Range.reals(1e-6, 1);

    private final DoubleProperty lambda = new SimpleDoubleProperty(0.002);
    private final ObjectProperty<CostUnit> costUnit = new SimpleObjectProperty<>(CostUnit.NFE);

    AnalysisViewModel(ReadOnlyObjectProperty<StoredSweeps.Run> current) {
        this.current = current;
        lambda.addListener((o, a, b) -> refresh());
        costUnit.addListener((o, a, b) -> refresh());
        current.addListener((o, a, b) -> refresh());
    }

    private void refresh() {
        answers.clear();
        stopping.clear();
        StoredSweeps.Run run = current.get();
        if (run == null) {
            return;
        }
        for (ScalingAnalysis.Curve c : run.analysis().curves().values()) {
            double cost = costPerK(c);
            answers.addAll(Answers.of(c, lambda.get(), cost));
            if (c.fit() != null && cost > 0) {
                int measured = OptimalStopping.measuredArgmax(c.ks(), c.qualities(), lambda.get(), cost);
                stopping.add(new Stopping(c.method(), cost, OptimalStopping.closedForm(c.fit(), lambda.get(), cost),
                        OptimalStopping.numericArgmax(c.fit(), lambda.get(), cost, 100, 0.1), (int) c.ks()[measured]));
            }
        }
    }

    /** c for a method: its measured NFE (or seconds) per unit of K. */
    public double costPerK(ScalingAnalysis.Curve c) {
        return costUnit.get() == CostUnit.NFE ? c.nfePerK() : c.secondsPerK();
    }

    /** "4.2", or what a K* below 1 or without a cost means, in words (never "0.0" or "Infinity"). */
    static String kStar(double k) {
        if (!Double.isFinite(k)) {
            return org.reflectlab.ui.kit.I18n.tr("scaling.stopping.k-none");
        }
        return k < 1 ? org.reflectlab.ui.kit.I18n.tr("scaling.stopping.k-one") : org.reflectlab.ui.kit.I18n.number(k, 1);
    }

    // Properties //

    public ObservableList<Answers.Answer> answers() {
        return answers;
    }

    public ObservableList<Stopping> stopping() {
        return stopping;
    }

    public DoubleProperty lambdaProperty() {
        return lambda;
    }

    public ObjectProperty<CostUnit> costUnitProperty() {
        return costUnit;
    }

    /** Keeps the cost weight and its unit across restarts. */
    void remember(org.reflectlab.ui.kit.Remembered r) {
        r.decimal("lambda", lambdaProperty(), LAMBDA_RANGE).value("costUnit", costUnitProperty(), CostUnit::valueOf,
                org.reflectlab.ui.kit.I18n.tr("scaling.remembered.one-of", java.util.Arrays.toString(CostUnit.values())));
    }
}
