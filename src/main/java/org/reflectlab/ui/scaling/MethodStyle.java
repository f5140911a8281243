package org.reflectlab.ui.scaling;

import java.util.function.DoubleFunction;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import org.reflectlab.ui.kit.I18n;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.reflectlab.core.scaling.Method;

/** One colour per method across every chart, and the small helpers the charts share. */
final class MethodStyle {

    private MethodStyle() {
    }

    static String color(Method m) {
        return switch (m) {
            case BEST_OF_N -> "#2f6fdf";
            case REFLECT -> "#d9480f";
            case REFLECT_PICK -> "#f08c00";
            case TEST_TIME_TRAINING -> "#2b8a3e";
        };
    }

    static final String REFERENCE = "#7048e8";

    /**
     * A table column whose header will follow the language: its title as plain text now (which {@code WrappedColumns}
     * moves into a wrapping header label), bound to the language by {@link #followLanguage} once that label exists.
     */
    static <S> javafx.scene.control.TableColumn<S, String> column(javafx.beans.value.ObservableStringValue title,
                                                                  java.util.function.Function<S, String> f) {
        javafx.scene.control.TableColumn<S, String> c = new javafx.scene.control.TableColumn<>(title.get());
        c.getProperties().put(TITLE, title);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private static final String TITLE = "reflectlab.title";

    /** After {@code WrappedColumns.fit}: each header label made from a {@link #column} title follows the language. */
    static void followLanguage(javafx.scene.control.TableView<?> table) {
        for (var c : table.getColumns()) {
            if (c.getGraphic() instanceof Label head && c.getProperties().get(TITLE) instanceof javafx.beans.value.ObservableStringValue t) {
                head.textProperty().bind(t);
            }
        }
    }

    /** A method's name in the current language (Best-of-N and Reflect-DiT stay as the lecture writes them). */
    static String name(Method m) {
        return I18n.tr(m.nameKey());
    }
    static final String NEUTRAL = "#868e96";

    /**
     * One line style per meaning, the same on every chart: a fit is solid, its extrapolation
     * dashed, a published reference dotted, an overlaid earlier sweep dash-dotted and thin, a
     * marker (K*) a thin long dash; measured points are symbols without a line.
     */
    enum Kind {
        MEASURED(null, 0.01), FIT(null, 2), EXTRAPOLATION("8 6", 2), REFERENCE("1.5 5", 2.2), OVERLAY("12 4 2 4", 1.5),
        MARKER("14 6", 1.2);

        final String dashes;
        final double width;

        Kind(String dashes, double width) {
            this.dashes = dashes;
            this.width = width;
        }
    }

    static String line(String color, Kind kind) {
        return "-fx-stroke: " + color + "; -fx-stroke-width: " + kind.width + ";"
                + (kind.dashes == null ? "" : " -fx-stroke-dash-array: " + kind.dashes + ";");
    }

    /** A legend entry: a short line in the kind's style (a dot for measured points). */
    static Label key(String text, String color, Kind kind) {
        javafx.scene.Node mark;
        if (kind == Kind.MEASURED) {
            javafx.scene.shape.Circle c = new javafx.scene.shape.Circle(4, javafx.scene.paint.Color.WHITE);
            c.setStroke(javafx.scene.paint.Color.web(color));
            c.setStrokeWidth(2);
            mark = c;
        } else {
            Line l = new Line(0, 0, 22, 0);
            l.setStyle(line(color, kind).replace("-fx-stroke-width: " + kind.width, "-fx-stroke-width: " + Math.max(2, kind.width)));
            mark = l;
        }
        Label label = new Label(text, mark);
        label.setPadding(new Insets(0, 10, 0, 0));
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    /** A legend entry for a shaded band. */
    static Label bandKey(String text, String color) {
        javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(22, 10, javafx.scene.paint.Color.web(color).deriveColor(0, 1, 1, 0.25));
        Label label = new Label(text, r);
        label.setPadding(new Insets(0, 10, 0, 0));
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    /** A series whose line (and symbols, if shown) follow a style once the chart has drawn it. */
    /**
     * One redraw of some charts: each series is filled while it is off its chart and the chart is handed all of them at
     * once by {@link #commit()}. A point added to a series already on a chart makes the chart create, insert and style its
     * symbol there and then: Scaling's redraw added ~1,000 points that way, 406 ms of the FX thread's CPU in one frame
     * (a JFR recording of {@code bench ui}, loaded). Points are given a symbol node only where they are meant to be seen
     * (the charts draw with {@code createSymbols} off): a fitted curve's 130 points had one each, styled transparent.
     */
    static final class Drawing {
        private final java.util.Map<LineChart<Number, Number>, java.util.List<XYChart.Series<Number, Number>>> pending =
                new java.util.LinkedHashMap<>();

        /** Charts to redraw: each ends with only the series made for it here (none if none were). */
        Drawing(java.util.List<? extends LineChart<Number, Number>> charts) {
            charts.forEach(c -> pending.put(c, new java.util.ArrayList<>()));
        }

        /** A new series for {@code chart}, shown on it at {@link #commit()}; {@code symbolStyle} null: a line without points. */
        XYChart.Series<Number, Number> series(LineChart<Number, Number> chart, String name, String lineStyle, String symbolStyle) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name);
            pending.computeIfAbsent(chart, c -> new java.util.ArrayList<>()).add(s);
            style(s, lineStyle, symbolStyle);
            return s;
        }

        /** Hands each chart its series, one change per chart. */
        void commit() {
            pending.forEach((chart, series) -> chart.getData().setAll(series));
        }
    }

    static void style(XYChart.Series<Number, Number> s, String lineStyle, String symbolStyle) {
        if (s.getNode() != null) {
            s.getNode().setStyle(lineStyle);
        }
        s.nodeProperty().addListener((o, a, n) -> {
            if (n != null) {
                n.setStyle(lineStyle);
            }
        });
        if (symbolStyle == null) {
            return;
        }
        for (XYChart.Data<Number, Number> d : s.getData()) {
            styleSymbol(d, symbolStyle);
        }
        s.getData().addListener((javafx.collections.ListChangeListener<XYChart.Data<Number, Number>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(d -> styleSymbol(d, symbolStyle));
            }
        });
    }

    /** The point's symbol, made here (the chart adds its style classes and places it) and styled. */
    private static void styleSymbol(XYChart.Data<Number, Number> d, String symbolStyle) {
        if (d.getNode() == null) {
            d.setNode(new javafx.scene.layout.StackPane());
        }
        d.getNode().setStyle(symbolStyle);
    }

    /** A measured point's symbol in the method's colour; null (no symbol at all) where {@code visible} is false. */
    static String symbol(String color, boolean visible) {
        return visible ? "-fx-background-color: " + color + ", white; -fx-background-insets: 0, 2; -fx-background-radius: 5px; -fx-padding: 4px;"
                : null;
    }

    /** A diamond, for published reference numbers (never confused with a measured circle). */
    static String referenceSymbol() {
        return "-fx-background-color: " + REFERENCE + "; -fx-shape: \"M5,0 L10,5 L5,10 L0,5 Z\"; -fx-padding: 5px;";
    }

    static FlowPane legend() {
        FlowPane p = new FlowPane(6, 4);
        p.getStyleClass().add("chart-legend-row");
        return p;
    }

    /** K on a log2 axis: x = log2 K, labelled with K itself. */
    static NumberAxis log2KAxis(double maxK) {
        NumberAxis x = new NumberAxis(0, Math.log(maxK) / Math.log(2), 1);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(converter(v -> String.valueOf(Math.round(Math.pow(2, v)))));
        x.labelProperty().bind(I18n.text("scaling.axis.k-log"));
        return x;
    }

    static StringConverter<Number> converter(DoubleFunction<String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return f.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        };
    }

    static double log2(double k) {
        return Math.log(k) / Math.log(2);
    }

    static <T> StringConverter<T> converterOf(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
