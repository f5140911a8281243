package org.reflectlab.ui.kit;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Layout helpers so nothing a learner reads is cut to "...": toolbars that wrap to another row
 * instead of squeezing their labels, labels that keep their full width, and table columns as wide
 * as their widest cell (the table scrolls sideways instead of cutting text).
 */
public final class Fit {

    private Fit() {
    }

    /** A toolbar as a flow: on a narrow window its items wrap to a second row, each at its full width. */
    public static FlowPane toolbar(Node... items) {
        FlowPane bar = new FlowPane(8, 6, items);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("workspace-toolbar");
        for (Node n : items) {
            whole(n);
        }
        return bar;
    }

    /** A single-line label or button never narrower than its text (wrapping ones are left alone). */
    public static <T extends Node> T whole(T n) {
        if (n instanceof Labeled l && !l.isWrapText()) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        return n;
    }

    /** {@link #whole} for every unwrapped label and button below a node. */
    public static void wholeLabels(Parent root) {
        for (Node n : root.getChildrenUnmodifiable()) {
            whole(n);
            if (n instanceof Parent p && !(n instanceof Labeled)) {
                wholeLabels(p);
            }
        }
    }

    /** A wrapping label that is never squeezed below the height its text needs. */
    public static <T extends Labeled> T wrapped(T l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * Columns as wide as their header and widest cell text (kept so as rows change); the last one
     * also takes what is left. The table scrolls sideways when the total is wider than it is.
     */
    public static <S> void fitColumns(TableView<S> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable refit = () -> {
            for (TableColumn<S, ?> c : table.getColumns()) {
                double w = width(c.getText()) + 24;
                for (int i = 0; i < table.getItems().size(); i++) {
                    Object v = c.getCellObservableValue(i) == null ? null : c.getCellObservableValue(i).getValue();
                    if (v != null) {
                        w = Math.max(w, width(v.toString()) + 20);
                    }
                }
                c.setPrefWidth(Math.ceil(w));
                c.setMinWidth(Math.ceil(w));
            }
        };
        table.getItems().addListener((ListChangeListener<S>) ch -> refit.run());
        table.itemsProperty().addListener((o, a, b) -> {
            b.addListener((ListChangeListener<S>) ch -> refit.run());
            refit.run();
        });
        refit.run();
    }

    private static final Text MEASURE = new Text();

    /** Width of a text in the app's font (a little generous, so bold headers fit too). */
    public static double width(String s) {
        MEASURE.setFont(Font.font("DejaVu Sans", 12.5));
        MEASURE.setText(s == null ? "" : s);
        return MEASURE.getLayoutBounds().getWidth() * 1.08;
    }
}
