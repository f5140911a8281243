package org.reflectlab.ui.reflect;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.reflect.ContextWords;
import org.reflectlab.core.reflect.CriticPresets;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;

/** Be the critic: bindings to {@link CriticViewModel}. */
final class CriticPane extends VBox {

    private final CriticViewModel vm;
    private final HBox before = new HBox(8);
    private final HBox after = new HBox(8);
    private final VBox afterReads = new VBox(2);

    CriticPane(CriticViewModel vm, javafx.beans.value.ObservableValue<Iteration> current) {
        super(8);
        this.vm = vm;
        setId("critic-pane");
        setPadding(new Insets(10));
        Label title = Fit.wrapped(new Label());
        title.getStyleClass().add("section-title");
        title.textProperty().bind(I18n.text(() -> current.getValue() == null ? I18n.tr("reflect.critic.title.none")
                : I18n.tr("reflect.critic.title", current.getValue().k()), current));

        FlowPane presets = new FlowPane(6, 6);
        for (CriticPresets.Preset p : CriticPresets.Preset.values()) {
            Button b = new Button();
            b.textProperty().bind(I18n.text(presetKey(p)));
            b.setId("preset-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setOnAction(e -> vm.applyPreset(p));
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> current.getValue() == null, current));
            presets.getChildren().add(b);
        }
        TextField words = new TextField();
        words.setId("critic-words");
        words.promptTextProperty().bind(I18n.text("reflect.critic.words.placeholder"));
        words.textProperty().bindBidirectional(vm.wordsProperty());
        words.setOnAction(e -> vm.rerun());
        HBox.setHgrow(words, Priority.ALWAYS);
        Button rerun = new Button();
        rerun.textProperty().bind(I18n.text("reflect.critic.rerun"));
        rerun.setId("rerun");
        rerun.getStyleClass().add("accent");
        rerun.setOnAction(e -> vm.rerun());
        rerun.disableProperty().bind(vm.canRerunProperty().not());
        rerun.setTooltip(ReflectToolbar.tooltip("reflect.critic.rerun.tooltip"));
        rerun.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, words, rerun);
        row.setAlignment(Pos.CENTER_LEFT);

        Label error = Fit.wrapped(new Label());
        error.setId("critic-words-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(Bindings.createStringBinding(() -> org.reflectlab.ui.kit.ModelWords.parseError(vm.errorProperty().get()),
                vm.errorProperty(), I18n.localeProperty()));
        Hyperlink fix = new Hyperlink();
        fix.setId("critic-words-fix");
        fix.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get() == null
                || vm.errorProperty().get().suggestion() == null ? "" : I18n.tr("reflect.prompt.use", vm.errorProperty().get().suggestion()),
                vm.errorProperty(), I18n.localeProperty()));
        fix.visibleProperty().bind(fix.textProperty().isNotEmpty());
        fix.setOnAction(e -> vm.applySuggestion());
        HBox errorRow = new HBox(6, error, fix);
        errorRow.visibleProperty().bind(vm.errorProperty().isNotNull());
        errorRow.managedProperty().bind(errorRow.visibleProperty());
        Label reads = Thumbs.muted("");
        reads.setId("critic-reads");
        reads.textProperty().bind(vm.readsProperty());
        Label status = Fit.wrapped(new Label());
        status.setId("critic-status");
        status.getStyleClass().add("strong");
        status.textProperty().bind(vm.statusProperty());

        Label beforeTitle = Thumbs.muted("");
        beforeTitle.textProperty().bind(I18n.text("reflect.critic.before"));
        Label afterTitle = Thumbs.muted("");
        afterTitle.textProperty().bind(I18n.text("reflect.critic.after"));
        Label presetsNote = Thumbs.muted("");
        presetsNote.textProperty().bind(I18n.text("reflect.critic.presets"));
        before.setId("critic-before");
        after.setId("critic-after");
        afterReads.setId("critic-after-reads");
        VBox strips = new VBox(6, afterTitle, scroll(after), afterReads, beforeTitle, scroll(before));
        vm.rerunIterations().addListener((ListChangeListener<Iteration>) c -> rebuild());
        vm.resultProperty().addListener((o, a, b) -> rebuild());
        getChildren().addAll(title, presetsNote, presets, row, errorRow, reads, status, strips);
    }

    private static String presetKey(CriticPresets.Preset p) {
        return switch (p) {
            case CRITIC -> "reflect.preset.critic";
            case NONE -> "reflect.preset.none";
            case OTHER_PROMPT -> "reflect.preset.other";
            case WRONG -> "reflect.preset.wrong";
        };
    }

    private static ScrollPane scroll(HBox strip) {
        ScrollPane s = new ScrollPane(strip);
        s.setFitToHeight(true);
        s.setPrefViewportHeight(150);
        s.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return s;
    }

    private void rebuild() {
        before.getChildren().clear();
        after.getChildren().clear();
        afterReads.getChildren().clear();
        CriticViewModel.Edited r = vm.resultProperty().get();
        if (r != null) {
            for (Iteration it : r.before().iterations()) {
                if (it.k() > r.at()) {
                    before.getChildren().add(Thumbs.of("#" + it.k(), it, 2));
                }
            }
        }
        for (Iteration it : vm.rerunIterations()) {
            if (r == null || it.k() > r.at()) {
                after.getChildren().add(Thumbs.of("#" + it.k(), it, 2));
                if (r != null) {
                    afterReads.getChildren().add(Thumbs.muted(read(it.k(), r.readBy(it))));
                }
            }
        }
    }

    private static String read(int k, java.util.List<ContextWords.Pair> pairs) {
        return "#" + k + " read  " + String.join("   ", pairs.stream().map(ContextWords.Pair::describe).toList());
    }
}
