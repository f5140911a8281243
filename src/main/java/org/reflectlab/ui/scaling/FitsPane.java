package org.reflectlab.ui.scaling;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.scaling.Answers;
import org.reflectlab.core.scaling.PowerLawFit;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.core.scaling.SweepRow;

/** The fits with their uncertainties and residuals, the answers they give, and the prompts behind a clicked point. */
final class FitsPane extends VBox {

    private final TableView<ScalingAnalysis.Curve> fits = new TableView<>();

    FitsPane(ScalingViewModel vm) {
        setSpacing(6);
        setPadding(new Insets(8));
        fits.setId("fits");
        fits.setPrefHeight(120);

        fits.getColumns().add(col("method", c -> c.method().label()));
        fits.getColumns().add(col("Q∞", c -> c.fit() == null ? "no fit: " + c.fitProblem() : pm(c.fit().qInf(), c.fit().qInfError())));
        fits.getColumns().add(col("A", c -> fit(c, f -> pm(f.a(), f.aError()))));
        fits.getColumns().add(col("γ", c -> fit(c, f -> pm(f.gamma(), f.gammaError()))));
        fits.getColumns().add(col("R²", c -> fit(c, f -> Double.isFinite(f.rSquared()) ? String.format(Locale.ROOT, "%.3f", f.rSquared())
                : "undefined (the points are all equal)")));
        fits.getColumns().add(col("bound", c -> fit(c, f -> f.atBound() ? "at a bound" : "")));
        fits.getColumns().add(col("residuals at each K", c -> fit(c, f -> Arrays.stream(f.residuals())
                .mapToObj(r -> String.format(Locale.ROOT, "%+.3f", r)).collect(Collectors.joining(" ")))));
        vm.stored().currentProperty().addListener((o, a, b) -> fits.getItems().setAll(b == null ? java.util.List.of()
                : b.analysis().curves().values()));
        org.reflectlab.ui.kit.WrappedColumns.fit(fits);
        ListView<Answers.Answer> answers = new ListView<>(vm.analysis().answers());
        answers.setId("answers");
        answers.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Answers.Answer a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.question() + "\n   " + a.answer());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox.setVgrow(answers, Priority.ALWAYS);
        Label pointTitle = new Label();
        pointTitle.textProperty().bind(vm.stored().pointTitleProperty());
        TableView<SweepRow> rows = new TableView<>(vm.stored().pointRows());
        rows.setId("point-rows");
        rows.setPrefHeight(170);

        rows.getColumns().add(rowCol("judge", r -> r.score() == 1 ? "✓" : "✗"));
        rows.getColumns().add(rowCol("critic", r -> r.critic() ? "✓" : "✗"));
        rows.getColumns().add(rowCol("category", r -> r.category().key()));
        rows.getColumns().add(rowCol("NFE", r -> String.format(Locale.ROOT, "%.1f", r.nfe())));
        rows.getColumns().add(rowCol("prompt", SweepRow::prompt));
        org.reflectlab.ui.kit.WrappedColumns.fit(rows);
        rows.setRowFactory(t -> {
            TableRow<SweepRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.compareRow(row.getItem());
                }
            });
            return row;
        });
        org.reflectlab.ui.kit.Fit.wrapped(pointTitle);
        getChildren().addAll(org.reflectlab.ui.kit.GlossaryView.explain(org.reflectlab.ui.kit.Fit.wrapped(new Label(
                "Power-law fits Q(K) = Q∞ − A/K^γ (Levenberg-Marquardt, ± one standard error)")), "power-law fit"), fits, org.reflectlab.ui.kit.Fit.wrapped(new Label("The lecture's questions, answered from the fits")),
                answers, pointTitle, rows);
    }

    /** "0.412 ± 0.030"; without a finite standard error, the value alone and why (never "± NaN"). */
    static String pm(double v, double e) {
        if (!Double.isFinite(v)) {
            return "not available";
        }
        return Double.isFinite(e) ? String.format(Locale.ROOT, "%.3f ± %.3f", v, e) : String.format(Locale.ROOT, "%.3f (no error estimate)", v);
    }

    private static String fit(ScalingAnalysis.Curve c, java.util.function.Function<PowerLawFit.Fit, String> f) {
        return c.fit() == null ? "" : f.apply(c.fit());
    }

    private static TableColumn<ScalingAnalysis.Curve, String> col(String t, java.util.function.Function<ScalingAnalysis.Curve, String> f) {
        TableColumn<ScalingAnalysis.Curve, String> c = new TableColumn<>(t);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private static TableColumn<SweepRow, String> rowCol(String t, java.util.function.Function<SweepRow, String> f) {
        TableColumn<SweepRow, String> c = new TableColumn<>(t);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }
}
