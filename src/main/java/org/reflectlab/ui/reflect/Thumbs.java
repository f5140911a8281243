package org.reflectlab.ui.reflect;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.I18n;

/** A small image with its title and both verdicts (critic and judge), for the strips and grids of the Reflect labs. */
final class Thumbs {

    private Thumbs() {
    }

    static VBox of(String title, Iteration it, int scale, String... extra) {
        Label t = new Label(title);
        t.getStyleClass().add("strong");
        Label critic = verdict(I18n.tr("reflect.thumb.critic"), it.criticSaysCorrect());
        Label judge = verdict(I18n.tr("reflect.thumb.judge"), it.judgeCorrect());
        VBox box = new VBox(2, t, new ImageView(Images.toFx(it.image(), scale)), critic, judge);
        for (String e : extra) {
            Label l = new Label(e);
            l.getStyleClass().add("muted");
            l.setWrapText(true);
            l.setMaxWidth(32.0 * scale + 40);
            box.getChildren().add(l);
        }
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("film-cell");
        // the critic's feedback and the judge's checks are the models' own English words, said in the current language
        Tooltip.install(box, new Tooltip(I18n.tr("reflect.thumb.tooltip", org.reflectlab.ui.kit.ModelWords.feedback(it.feedback()),
                it.judgeCorrect() ? I18n.tr("reflect.judge.correct") : org.reflectlab.ui.kit.ModelWords.feedback(it.judgeChecks()))));
        return box;
    }

    static Label verdict(String who, boolean correct) {
        Label l = new Label((correct ? "✓ " : "✗ ") + who);
        l.getStyleClass().add(correct ? "good" : "bad");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static String words(List<String> sentences) {
        return sentences.isEmpty() ? I18n.tr("reflect.words.none") : String.join("; ", sentences);
    }
}
