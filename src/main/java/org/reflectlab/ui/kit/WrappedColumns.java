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
            shareWidth(table);
        };
        table.getItems().addListener((ListChangeListener<S>) ch -> refit.run());
        table.itemsProperty().addListener((o, a, b) -> {
            b.addListener((ListChangeListener<S>) ch -> refit.run());
            refit.run();
        });
        // the resize policy shares out a change of the table's width, not a change of the columns' preferred widths made
        // after it (new items): seen as a last column only a sideways scroll reached at 1024x700
        table.widthProperty().addListener((o, a, b) -> shareWidth(table));
        refit.run();
    }

    /**
     * Where the columns' preferred widths add up to more than the table has, each gives up width in proportion to what
     * it has above its minimum, so they end exactly as wide as the table and only text wraps.
     */
    static <S> void shareWidth(TableView<S> table) {
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLLBAR_ALLOWANCE;
        if (room <= 0) {
            return;
        }
        double pref = 0;
        double min = 0;
        for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) {
            pref += c.getPrefWidth();
            min += c.getMinWidth();
        }
        if (pref <= room || pref <= min) {
            return;
        }
        double keep = Math.max(0, (room - min) / (pref - min));
        for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) {
            c.setPrefWidth(Math.floor(c.getMinWidth() + (c.getPrefWidth() - c.getMinWidth()) * keep));
        }
    }

    /** Room kept for a vertical scroll bar, so one that appears does not push the last column out of sight. */
    private static final double SCROLLBAR_ALLOWANCE = 16;

    /**
     * A table of a few rows as tall as its rows need, however its cells wrap, so no row hides behind a scroll bar (the
     * power-law fits at 1024x700 showed only their first method). Measured, not laid out: each row is as tall as its
     * highest wrapped cell at its column's width. For tables of a handful of rows: every row is measured.
     */
    public static <S> void showAllRows(TableView<S> table) {
        new RowFit<>(table);
    }

    /** {@link #showAllRows}'s measure, run once per pulse at most after whatever can change a row's height. */
    private static final class RowFit<S> {

        private final TableView<S> table;
        private boolean due;
        private javafx.scene.layout.Region watchedHeader;

        RowFit(TableView<S> table) {
            this.table = table;
            table.getItems().addListener((ListChangeListener<S>) ch -> request());
            table.itemsProperty().addListener((o, a, b) -> {
                b.addListener((ListChangeListener<S>) ch -> request());
                request();
            });
            for (TableColumn<S, ?> c : table.getColumns()) {
                c.widthProperty().addListener((o, a, b) -> request());
            }
            table.skinProperty().addListener((o, a, b) -> request());
            table.needsLayoutProperty().addListener((o, a, b) -> {
                if (table.getMinHeight() <= 0) {
                    request(); // the header's height is known after the first layout
                }
            });
        }

        private void request() {
            if (!due) {
                due = true;
                javafx.application.Platform.runLater(this::measure);
            }
        }

        private void measure() {
            due = false;
            if (!(table.lookup(".column-header-background") instanceof javafx.scene.layout.Region header) || header.getHeight() <= 0) {
                return;
            }
            if (watchedHeader != header) {
                // a header that wraps onto another line when its columns narrow grows after this measure
                watchedHeader = header;
                header.heightProperty().addListener((o, a, b) -> request());
            }
            Text probe = new Text("Xg");
            if (table.lookup(".wrapped-cell-text") instanceof Text cell) {
                probe.setFont(cell.getFont());
            }
            double line = probe.getLayoutBounds().getHeight();
            double rows = 0;
            for (int i = 0; i < table.getItems().size(); i++) {
                double h = line;
                for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) {
                    Object v = c.getCellData(i);
                    if (v != null && !v.toString().isEmpty()) {
                        probe.setText(v.toString());
                        probe.setWrappingWidth(Math.max(1, c.getWidth() - 8));
                        h = Math.max(h, probe.getLayoutBounds().getHeight());
                    }
                }
                rows += Math.ceil(h) + ROW_PADDING;
            }
            if (table.getItems().isEmpty()) {
                rows = 2 * (Math.ceil(line) + ROW_PADDING); // room for the placeholder's sentence
            }
            double height = Math.ceil(header.getHeight() + rows + table.snappedTopInset() + table.snappedBottomInset() + 2);
            table.setMinHeight(height);
            table.setPrefHeight(height);
            table.setMaxHeight(height);
        }
    }

    /** A row's height beyond its text: the cell's padding and the row's border (Modena: 0.25em and 1 px). */
    private static final double ROW_PADDING = 9;

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
            // the header row asks its labels for their height at no particular width, which a wrapping label answers
            // with one line: a header of three lines (Japanese, narrow columns) was cut; so the height is measured at
            // the column's width
            head.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
                Text probe = new Text(head.getText());
                probe.setFont(head.getFont());
                probe.setWrappingWidth(Math.max(1, c.getWidth() - 8));
                return Math.ceil(probe.getLayoutBounds().getHeight()) + 2;
            }, c.widthProperty(), head.textProperty(), head.fontProperty()));
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
