package org.reflectlab.ui.reflect;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.I18n;

/**
 * One cell per iteration: thumbnail, critic and judge verdicts, a FIX or BREAK badge where the
 * judge's verdict flipped, and "critic ≠ judge" where they disagree; click to select.
 */
final class Filmstrip extends HBox {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final IterationsViewModel vm;
    /** Held here (the locale keeps a weak reference): the cells' texts are made again on a switch. */
    private final javafx.beans.InvalidationListener relabel = o -> rebuild();

    Filmstrip(IterationsViewModel vm) {
        super(6);
        this.vm = vm;
        setId("filmstrip");
        vm.iterations().addListener((ListChangeListener<Iteration>) this::changed);
        vm.selectedProperty().addListener((o, a, b) -> highlight());
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        rebuild();
    }

    /**
     * A running reflection adds one iteration at a time: its cell is appended (an iteration's mark depends only on it and
     * the one before, so the cells already there stay right). Rebuilding every cell per iteration made the FX thread
     * convert every image and make every tooltip again, K times per run. Anything else (a new run, a removal) rebuilds.
     */
    private void changed(ListChangeListener.Change<? extends Iteration> c) {
        boolean appendOnly = true;
        int from = getChildren().size();
        while (c.next()) {
            appendOnly &= c.wasAdded() && !c.wasRemoved() && !c.wasPermutated() && !c.wasUpdated() && c.getFrom() == from;
            from = c.getTo();
        }
        if (!appendOnly || from != vm.iterations().size()) {
            rebuild();
            return;
        }
        List<Iteration> its = vm.iterations();
        for (int i = getChildren().size(); i < its.size(); i++) {
            getChildren().add(cell(its.get(i), vm.mark(i), i));
        }
        highlight();
    }

    private void rebuild() {
        getChildren().clear();
        List<Iteration> its = vm.iterations();
        for (int i = 0; i < its.size(); i++) {
            getChildren().add(cell(its.get(i), vm.mark(i), i));
        }
        highlight();
    }

    private VBox cell(Iteration it, IterationMark mark, int index) {
        Label verdicts = fixed(new Label(I18n.tr("reflect.film.cell", it.k(), it.criticSaysCorrect() ? "✓" : "✗", it.judgeCorrect() ? "✓" : "✗")));
        verdicts.getStyleClass().add("muted");
        VBox cell = new VBox(2, new ImageView(Images.toFx(it.image(), 2)), verdicts);
        cell.getStyleClass().add("film-cell");
        String tip = mark.explanation();
        if (mark.transition() != IterationMark.Transition.NONE) {
            String kind = mark.transition() == IterationMark.Transition.FIX ? "fix" : "break";
            Label badge = fixed(new Label(kind.toUpperCase(Locale.ROOT)));
            badge.getStyleClass().addAll("badge", kind);
            badge.setId("badge-" + it.k());
            verdicts.setGraphic(badge);
            verdicts.setContentDisplay(ContentDisplay.RIGHT);
            cell.getStyleClass().add(kind);
        }
        if (!mark.disagreement().isEmpty()) {
            Label disagree = fixed(new Label(I18n.tr("reflect.film.disagree")));
            disagree.getStyleClass().add("disagree");
            cell.getChildren().add(disagree);
            tip = I18n.tr("reflect.film.tooltip", tip, capitalise(mark.disagreement()), mark.readings());
        }
        Tooltip tooltip = new Tooltip(tip);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        tooltip.setShowDelay(Duration.millis(300));
        Tooltip.install(cell, tooltip);
        cell.setOnMouseClicked(e -> vm.select(index));
        return cell;
    }

    private void highlight() {
        for (int i = 0; i < getChildren().size(); i++) {
            getChildren().get(i).pseudoClassStateChanged(CHOSEN, i == vm.selectedProperty().get());
        }
    }

    // Cell text is short; never let the strip cut it to "…".
    private static Label fixed(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
