package org.reflectlab.ui.reflect;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.reflectlab.ui.kit.CaptionCompletion;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.GlossaryView;
import org.reflectlab.ui.kit.SaveDialogs;
import org.reflectlab.ui.kit.Localized;

/** Reflect's top: the prompt with its error and fix, the run settings, Run/Cancel, exports and the status lines. */
final class ReflectToolbar extends VBox {

    private final ReflectViewModel vm;

    ReflectToolbar(ReflectViewModel vm, TextField promptField) {
        super(6);
        this.vm = vm;
        promptField.setId("prompt");
        promptField.promptTextProperty().bind(I18n.text("reflect.prompt.placeholder"));
        promptField.textProperty().bindBidirectional(vm.form().promptProperty());
        promptField.setOnAction(e -> vm.run());
        CaptionCompletion.install(promptField);
        HBox.setHgrow(promptField, Priority.ALWAYS);

        Spinner<Integer> k = spinner("k", ReflectFormViewModel.K_RANGE, vm.form().kProperty(), "reflect.k.tooltip");
        Spinner<Integer> seed = spinner("seed", ReflectFormViewModel.SEED_RANGE, vm.form().seedProperty(), "reflect.seed.tooltip");
        Spinner<Integer> steps = spinner("steps", ReflectFormViewModel.STEPS_RANGE, vm.form().samplingStepsProperty(),
                "reflect.steps.tooltip");
        Spinner<Integer> context = spinner("context", ReflectFormViewModel.CONTEXT_RANGE, vm.form().contextSizeProperty(),
                "reflect.context.tooltip");
        Spinner<Double> guidance = new Spinner<>(ReflectFormViewModel.GUIDANCE_RANGE.min(), ReflectFormViewModel.GUIDANCE_RANGE.max(),
                vm.form().guidanceProperty().get(), 0.5);
        guidance.setId("guidance");
        guidance.setEditable(true);
        guidance.setPrefWidth(80);
        guidance.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.form().guidanceProperty().set(b);
            }
        });
        guidance.setTooltip(tooltip("reflect.guidance.tooltip"));
        CheckBox early = new CheckBox();
        early.textProperty().bind(I18n.text("reflect.early-stop"));
        early.setId("early-stop");
        early.selectedProperty().bindBidirectional(vm.form().earlyStopProperty());
        early.setTooltip(tooltip("reflect.early-stop.tooltip"));
        CheckBox compare = new CheckBox();
        compare.textProperty().bind(I18n.text("reflect.compare"));
        compare.setId("compare");
        compare.selectedProperty().bindBidirectional(vm.form().compareProperty());
        compare.setTooltip(tooltip("reflect.compare.tooltip"));

        Button run = new Button();
        run.textProperty().bind(I18n.text("reflect.run"));
        run.setId("run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setTooltip(tooltip("reflect.run.tooltip"));
        Button cancel = new Button();
        cancel.textProperty().bind(I18n.text("reflect.cancel"));
        cancel.setId("cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setTooltip(tooltip("reflect.cancel.tooltip"));
        Button png = new Button();
        png.textProperty().bind(I18n.text("reflect.export.png"));
        png.setOnAction(e -> save(I18n.tr("reflect.export.png.title"), I18n.tr("reflect.export.png.filter"), "*.png", "reflection-strip.png",
                vm::exportStrip));
        png.disableProperty().bind(Bindings.isEmpty(vm.steps().iterations()));
        Button json = new Button();
        json.textProperty().bind(I18n.text("reflect.export.json"));
        json.setOnAction(e -> save(I18n.tr("reflect.export.json.title"), "JSON", "*.json", "reflection-run.json", vm::exportJson));
        json.disableProperty().bind(vm.lastRunProperty().isNull());

        HBox row1 = new HBox(8, label("reflect.prompt"), promptField, run, cancel);
        row1.setAlignment(Pos.CENTER_LEFT);
        // A flow, not a row: on a narrow window the settings wrap instead of being cut to "Se…".
        javafx.scene.layout.FlowPane row2 = new javafx.scene.layout.FlowPane(8, 6, label("reflect.k"), k, label("reflect.seed"), seed,
                label("reflect.steps"), steps, GlossaryView.explain(label("reflect.guidance"), "guidance"), guidance,
                GlossaryView.explain(label("reflect.context"), "context pairs"), context, early, compare, png, json);
        row2.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c && !(n instanceof Spinner)) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        row2.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("prompt-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> org.reflectlab.ui.kit.ModelWords.parseError(vm.form().promptErrorProperty().get()),
                vm.form().promptErrorProperty(), I18n.localeProperty()));
        Hyperlink fix = new Hyperlink();
        fix.textProperty().bind(Bindings.createStringBinding(() -> {
            var e = vm.form().promptErrorProperty().get();
            return e == null || e.suggestion() == null ? "" : I18n.tr("reflect.prompt.use", e.suggestion());
        }, vm.form().promptErrorProperty(), I18n.localeProperty()));
        fix.visibleProperty().bind(fix.textProperty().isNotEmpty());
        fix.setOnAction(e -> {
            var err = vm.form().promptErrorProperty().get();
            if (err != null && err.suggestion() != null) {
                vm.form().promptProperty().set(err.applySuggestion(vm.form().promptProperty().get()));
            }
        });
        HBox errorRow = new HBox(6, error, fix);
        errorRow.setAlignment(Pos.CENTER_LEFT);
        errorRow.managedProperty().bind(vm.form().promptErrorProperty().isNotNull());
        errorRow.visibleProperty().bind(vm.form().promptErrorProperty().isNotNull());

        Label models = new Label();
        models.setId("model-status");
        models.getStyleClass().add("muted");
        models.textProperty().bind(vm.modelStatusProperty());
        vm.modelsStateProperty().addListener((o, a, b) ->
                models.getStyleClass().setAll(b instanceof org.reflectlab.ui.kit.ModelsState.Unavailable ? "error-text" : "muted"));
        Label status = new Label();
        status.setId("reflect-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("strong");
        // One line each and wrapped: the final verdict and the model status are never cut short.
        for (Label l : List.of(models, status)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        getChildren().setAll(row1, errorRow, row2, status, models);
        getStyleClass().add("workspace-toolbar");
    }

    private Spinner<Integer> spinner(String id, org.reflectlab.core.settings.Range range, javafx.beans.property.IntegerProperty p,
                                     String tip) {
        Spinner<Integer> s = new Spinner<>((int) range.min(), (int) range.max(), p.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(id.equals("seed") ? 100 : 72);
        s.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                p.set(b);
            }
        });
        s.setTooltip(tooltip(tip));
        return s;
    }

    private void save(String title, String what, String pattern, String name, java.util.function.Consumer<java.nio.file.Path> action) {
        SaveDialogs.ask(this, title, what, pattern, name, action);
    }

    static Tooltip tooltip(String key) {
        return Localized.tooltip(key);
    }

    /** A toolbar label whose text is the key's in the current language. */
    static Label label(String key) {
        return Localized.toolbarLabel(key);
    }
}
