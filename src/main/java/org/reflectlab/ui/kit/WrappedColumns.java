package org.reflectlab.ui.kit;

import java.util.Arrays;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * A table that fits its width instead of scrolling sideways: the columns share the table's width
 * in proportion to their text, never narrower than their longest word, and headers and cells
 * wrap onto more lines rather than being cut. (What a learner never scrolls to is as good as cut.)
 */
public final class WrappedColumns {

    private static final double PAD = 10;

    private WrappedColumns() {
    }

    public static <S> void fit(TableView<S> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        for (TableColumn<S, ?> c : table.getColumns()) {
            wrapCells(c);
        }
        Runnable refit = () -> {
            for (TableColumn<S, ?> c : table.getColumns()) {
                String head = c.getGraphic() instanceof Label l ? l.getText() : c.getText();
                double min = longestWord(head);
                double pref = Fit.width(head);
                for (int i = 0; i < table.getItems().size(); i++) {
                    Object v = c.getCellObservableValue(i) == null ? null : c.getCellObservableValue(i).getValue();
                    if (v != null) {
                        min = Math.max(min, longestWord(v.toString()));
                        pref = Math.max(pref, Fit.width(v.toString()));
                    }
                }
                c.setMinWidth(Math.ceil(min + PAD));
                c.setPrefWidth(Math.ceil(pref + PAD));
            }
        };
        table.getItems().addListener((ListChangeListener<S>) ch -> refit.run());
        table.itemsProperty().addListener((o, a, b) -> {
            b.addListener((ListChangeListener<S>) ch -> refit.run());
            refit.run();
        });
        refit.run();
    }

    private static double longestWord(String s) {
        return s == null ? 0 : Arrays.stream(BREAKS.split(s)).mapToDouble(Fit::width).max().orElse(0);
    }

    /**
     * Where a line may break: at spaces, and (Japanese has none) before and after each kanji, hiragana or CJK punctuation
     * mark, as JavaFX's own line breaking does; a run of katakana (a loanword such as クリティック) is kept whole.
     */
    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile(
            "\\s+|(?<=[\\p{IsHan}\\p{IsHiragana}\\u3000-\\u303F\\uFF08\\uFF09\\uFF0C\\uFF1A])|(?=[\\p{IsHan}\\p{IsHiragana}\\u3000-\\u303F\\uFF08\\uFF09\\uFF0C\\uFF1A])");

    /** The header as a wrapping label and each cell as wrapping text, both as wide as the column. */
    private static <S, T> void wrapCells(TableColumn<S, T> c) {
        if (c.getText() != null) {
            Label head = new Label(c.getText());
            head.setWrapText(true);
            head.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            head.maxWidthProperty().bind(c.widthProperty().subtract(8));
            c.setText(null);
            c.setGraphic(head);
        }
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(8));
                text.getStyleClass().add("wrapped-cell-text");
                setGraphic(text);
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item.toString());
            }
        });
    }
}
