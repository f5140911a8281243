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
import org.reflectlab.ui.kit.I18n;

/** The fits with their uncertainties and residuals, the answers they give, and the prompts behind a clicked point. */
final class FitsPane extends VBox {

    private final TableView<ScalingAnalysis.Curve> fits = new TableView<>();
    private TableView<SweepRow> rows;
    private ListView<Answers.Answer> answers;
    /** Held here (the locale keeps a weak reference): cell texts are computed, so a switch computes them again. */
    private final javafx.beans.InvalidationListener relabel = o -> {
        fits.refresh();
        rows.refresh();
        answers.refresh();
    };

    FitsPane(ScalingViewModel vm) {
        setSpacing(6);
        setPadding(new Insets(8));
        fits.setId("fits");

        fits.getColumns().add(col(I18n.text("scaling.fits.method"), c -> MethodStyle.name(c.method())));
        fits.getColumns().add(col(I18n.text(() -> "Q∞"), c -> c.fit() == null ? I18n.tr("scaling.fits.none", c.fitProblem())
                : pm(c.fit().qInf(), c.fit().qInfError())));
        fits.getColumns().add(col(I18n.text(() -> "A"), c -> fit(c, f -> pm(f.a(), f.aError()))));
        fits.getColumns().add(col(I18n.text(() -> "γ"), c -> fit(c, f -> pm(f.gamma(), f.gammaError()))));
        fits.getColumns().add(col(I18n.text(() -> "R²"), c -> fit(c, f -> Double.isFinite(f.rSquared()) ? I18n.number(f.rSquared(), 3)
                : I18n.tr("scaling.fits.r2.undefined"))));
        fits.getColumns().add(col(I18n.text("scaling.fits.bound"), c -> fit(c, f -> f.atBound() ? I18n.tr("scaling.fits.at-bound") : "")));
        fits.getColumns().add(col(I18n.text("scaling.fits.residuals"), c -> fit(c, f -> Arrays.stream(f.residuals())
                .mapToObj(r -> String.format(Locale.ROOT, "%+.3f", r)).collect(Collectors.joining(" ")))));
        vm.stored().currentProperty().addListener((o, a, b) -> fits.getItems().setAll(b == null ? java.util.List.of()
                : b.analysis().curves().values()));
        org.reflectlab.ui.kit.WrappedColumns.fit(fits);
        org.reflectlab.ui.kit.WrappedColumns.showAllRows(fits);
        MethodStyle.followLanguage(fits);
        answers = new ListView<>(vm.analysis().answers());
        answers.setId("answers");
        answers.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Answers.Answer a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : I18n.tr("scaling.fits.qa", a.question(), a.answer()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox.setVgrow(answers, Priority.ALWAYS);
        Label pointTitle = new Label();
        pointTitle.textProperty().bind(vm.stored().pointTitleProperty());
        rows = new TableView<>(vm.stored().pointRows());
        rows.setId("point-rows");
        rows.setPrefHeight(170);

        rows.getColumns().add(col(I18n.text("scaling.rows.judge"), (SweepRow r) -> r.score() == 1 ? "✓" : "✗"));
        rows.getColumns().add(col(I18n.text("scaling.rows.critic"), (SweepRow r) -> r.critic() ? "✓" : "✗"));
        rows.getColumns().add(col(I18n.text("scaling.rows.category"), (SweepRow r) -> org.reflectlab.ui.kit.CategoryNames.name(r.category())));
        rows.getColumns().add(col(I18n.text(() -> "NFE"), (SweepRow r) -> I18n.number(r.nfe(), 1)));
        rows.getColumns().add(col(I18n.text("scaling.rows.prompt"), SweepRow::prompt));
        org.reflectlab.ui.kit.WrappedColumns.fit(rows);
        MethodStyle.followLanguage(rows);
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
        Label fitsTitle = new Label();
        fitsTitle.textProperty().bind(I18n.text("scaling.fits.title"));
        Label answersTitle = new Label();
        answersTitle.textProperty().bind(I18n.text("scaling.fits.answers"));
        getChildren().addAll(org.reflectlab.ui.kit.GlossaryView.explain(org.reflectlab.ui.kit.Fit.wrapped(fitsTitle), "power-law fit"), fits,
                org.reflectlab.ui.kit.Fit.wrapped(answersTitle), answers, pointTitle, rows);
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    /** "0.412 ± 0.030"; without a finite standard error, the value alone and why (never "± NaN"). */
    static String pm(double v, double e) {
        if (!Double.isFinite(v)) {
            return I18n.tr("scaling.fits.na");
        }
        return Double.isFinite(e) ? I18n.tr("scaling.fits.pm", v, e) : I18n.tr("scaling.fits.no-error", v);
    }

    private static String fit(ScalingAnalysis.Curve c, java.util.function.Function<PowerLawFit.Fit, String> f) {
        return c.fit() == null ? "" : f.apply(c.fit());
    }

    private static <S> TableColumn<S, String> col(javafx.beans.value.ObservableStringValue title, java.util.function.Function<S, String> f) {
        return MethodStyle.column(title, f);
    }
}
