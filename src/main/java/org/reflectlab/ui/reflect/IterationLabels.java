package org.reflectlab.ui.reflect;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.GlossaryView;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.ModelWords;

/**
 * The labels of Reflect's iteration details, made once and their texts set per iteration: a running reflection selects
 * each new iteration as it arrives, and making a dozen labels (their skins, text layout, CSS) and six tooltips each time
 * was the largest share of Reflect's FX-thread work per iteration.
 */
final class IterationLabels {

    private final Label hint = new Label();
    final Label title = new Label();
    final Label critic = new Label();
    final Label sees = new Label();
    final Label judge = new Label();
    final Label judgeNote = new Label();
    final Label numbers = new Label();
    private final Label contextHead = new Label();
    final VBox context = new VBox(4, contextHead);

    IterationLabels() {
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        title.getStyleClass().add("section-title");
        title.setId("iteration-title");
        critic.setId("critic-feedback");
        critic.setWrapText(true);
        sees.setWrapText(true);
        sees.getStyleClass().add("muted");
        judge.setId("judge-verdict");
        judge.setWrapText(true);
        judgeNote.getStyleClass().add("muted");
        judgeNote.setWrapText(true);
        numbers.setId("iteration-nfe");
        GlossaryView.explain(numbers, "NFE");
        GlossaryView.explain(judgeNote, "judge");
        contextHead.getStyleClass().add("strong");
        context.getStyleClass().add("card");
    }

    /** What shows before any iteration: how to start. */
    Label hint() {
        hint.setText(I18n.tr("reflect.hint"));
        return hint;
    }

    void fill(Iteration it, ReflectViewModel vm) {
        title.setText(I18n.tr("reflect.iteration.title", it.k(), vm.steps().iterations().size()));
        // the critic's feedback, its reading and the judge's checks are the models' own English words: said in the current
        // language from their parsed structure (ModelWords), the English original in a tooltip in Japanese
        ModelWords.Text feedback = ModelWords.feedback(it.feedback());
        critic.setText(I18n.tr(it.criticSaysCorrect() ? "reflect.critic.yes" : "reflect.critic.no", feedback));
        ModelWords.originalTooltip(critic, feedback);
        verdict(critic, it.criticSaysCorrect());
        ModelWords.Text seen = ModelWords.objects(it.criticReading(), false);
        sees.setText(I18n.tr("reflect.critic.sees", it.criticReading().isEmpty() ? I18n.tr("reflect.critic.sees.nothing") : seen));
        ModelWords.originalTooltip(sees, seen);
        judge.setText(I18n.tr(it.judgeCorrect() ? "reflect.judge.yes" : "reflect.judge.no", vm.runPrompt() == null ? ""
                : org.reflectlab.ui.kit.CategoryNames.name(vm.runPrompt().category()),
                it.judgeCorrect() ? I18n.tr("reflect.judge.correct") : ModelWords.feedback(it.judgeChecks())));
        if (it.judgeCorrect()) {
            judge.tooltipProperty().unbind();
            judge.setTooltip(null);
        } else {
            ModelWords.originalTooltip(judge, ModelWords.feedback(it.judgeChecks()));
        }
        verdict(judge, it.judgeCorrect());
        judgeNote.setText(I18n.tr("reflect.judge.note"));
        numbers.setText(I18n.tr("reflect.iteration.compute", it.nfe(), it.millis()));
        fillContext(it, vm);
    }

    /** "good" or "bad", changed only when it changes (a style class changed makes the label's CSS apply again). */
    private static void verdict(Label l, boolean good) {
        String want = good ? "good" : "bad";
        if (!l.getStyleClass().contains(want)) {
            l.getStyleClass().removeAll("good", "bad");
            l.getStyleClass().add(want);
        }
    }

    /** The iterations this one was generated from, with their feedback. */
    private void fillContext(Iteration it, ReflectViewModel vm) {
        contextHead.setText(it.contextFrom().isEmpty() ? I18n.tr("reflect.context.none")
                : I18n.tr("reflect.context.some", String.join(", ", it.contextFrom().stream().map(String::valueOf).toList())));
        context.getChildren().setAll(contextHead);
        for (int k : it.contextFrom()) {
            Iteration prior = vm.steps().iterations().get(k - 1);
            Label fb = new Label(I18n.tr("reflect.context.feedback", k, ModelWords.feedback(prior.feedback())));
            ModelWords.originalTooltip(fb, ModelWords.feedback(prior.feedback()));
            fb.setWrapText(true);
            HBox row = new HBox(6, new ImageView(Images.toFx(prior.image(), 2)), fb);
            row.setAlignment(Pos.CENTER_LEFT);
            context.getChildren().add(row);
        }
    }
}
