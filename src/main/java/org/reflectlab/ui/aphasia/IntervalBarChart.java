package org.reflectlab.ui.aphasia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Grouped bars with 95% interval whiskers, drawn on a canvas (JavaFX's BarChart has no error bars).
 * One group per category, one bar per series; the value axis spans [min, max] given by the caller
 * and a zero line is drawn when it is inside. Clicking a group reports its index; the highlighted
 * group is drawn with a band behind it. The title is on the first line, the legend on the second.
 */
final class IntervalBarChart extends Region {

    /** One bar series: its name, color and a (mean, low, high) per category. */
    record Series(String name, Color color, double[] mean, double[] low, double[] high) {
    }

    private static final double LEFT = 44;
    private static final double RIGHT = 10;
    private static final double TOP = 40;
    private static final double BOTTOM = 34;

    private final Canvas canvas = new Canvas();
    /** The title's key: the title is drawn (not a label), so it is looked up at every draw and drawn again on a switch. */
    private final String titleKey;
    private List<String> categories = List.of();
    private List<Series> series = List.of();
    private double min;
    private double max = 1;
    private int highlighted = -1;
    private java.util.function.IntFunction<String> describer;
    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

    IntervalBarChart(String titleKey, IntConsumer onClick) {
        this.titleKey = titleKey;
        org.reflectlab.ui.kit.I18n.localeProperty().addListener((o, a, l) -> draw());
        getStyleClass().add("interval-bar-chart");
        getChildren().add(canvas);
        setMinSize(240, 180);
        setPrefSize(520, 260);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(javafx.util.Duration.millis(150));
        javafx.scene.control.Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> {
            String text = describeAt(e.getX(), e.getY());
            tip.setText(text == null ? org.reflectlab.ui.kit.I18n.tr("aphasia.chart.hint") : text);
        });
        canvas.setOnMouseClicked(e -> {
            int i = categoryAt(e.getX());
            if (i >= 0) {
                onClick.accept(i);
            }
        });
    }

    void setData(List<String> categories, List<Series> series, double min, double max) {
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.min = min;
        this.max = max;
        draw();
    }

    void setHighlighted(int category) {
        highlighted = category;
        draw();
    }

    /** Centre x of a category's group, in this node's coordinates (tests click there). */
    double categoryCenterX(int i) {
        return LEFT + groupWidth() * (i + 0.5);
    }

    double plotCenterY() {
        return TOP + (getHeight() - TOP - BOTTOM) / 2;
    }

    int categoryAt(double x) {
        if (categories.isEmpty() || x < LEFT || x > getWidth() - RIGHT) {
            return -1;
        }
        return Math.min(categories.size() - 1, (int) ((x - LEFT) / groupWidth()));
    }

    private double groupWidth() {
        return (getWidth() - LEFT - RIGHT) / Math.max(1, categories.size());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double y(double v) {
        double h = getHeight() - TOP - BOTTOM;
        return TOP + h * (1 - (Math.max(min, Math.min(max, v)) - min) / (max - min));
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(12));
        g.setFill(Color.web("#1f2430"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(org.reflectlab.ui.kit.I18n.tr(titleKey), 6, 12);
        legend(g, w);
        if (categories.isEmpty() || w <= LEFT + RIGHT || h <= TOP + BOTTOM) {
            return;
        }
        double gw = groupWidth();
        if (highlighted >= 0 && highlighted < categories.size()) {
            g.setFill(Color.web("#ffd54f55"));
            g.fillRect(LEFT + gw * highlighted, TOP, gw, h - TOP - BOTTOM);
        }
        axis(g, w);
        double barW = Math.min(28, gw * 0.8 / Math.max(1, series.size()));
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + gw * c + (gw - barW * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                Series se = series.get(s);
                double v = se.mean()[c];
                if (Double.isNaN(v)) {
                    continue;
                }
                double bx = x0 + s * barW;
                double base = y(Math.max(min, Math.min(max, 0)));
                double top = y(v);
                g.setFill(se.color());
                g.fillRect(bx + 1, Math.min(base, top), barW - 2, Math.abs(base - top));
                whisker(g, bx + barW / 2, y(se.low()[c]), y(se.high()[c]));
            }
            g.setFill(Color.web("#1f2430"));
            g.setTextAlign(TextAlignment.CENTER);
            // a label that would be cut at 12 px is drawn smaller first (down to 9 px): a narrow group at 1024x700 cut
            // Japanese "細かい位置" to "細か." (Japanese has no space to split at, and each half was still too wide)
            double size = 12;
            String label = categories.get(c);
            List<String> lines = labelLines(label, gw - 6, IntervalBarChart::textWidth);
            while (size > 9 && lines.stream().anyMatch(x -> x.endsWith(".") && !label.contains(x))) {
                double smaller = --size;
                lines = labelLines(label, gw - 6, x -> textWidth(x, smaller));
            }
            g.setFont(Font.font(size));
            for (int l = 0; l < lines.size(); l++) {
                g.fillText(lines.get(l), LEFT + gw * (c + 0.5), h - BOTTOM + 10 + 13 * l);
            }
            g.setFont(Font.font(12));
        }
    }

    /**
     * A category label in at most two lines that fit {@code width}: whole if it fits, else split at
     * the space nearest the middle, else each line shortened to what fits (with a period), so
     * neighbouring labels never run into each other. The full name is in the tooltip.
     */
    static List<String> labelLines(String label, double width, java.util.function.ToDoubleFunction<String> measure) {
        if (measure.applyAsDouble(label) <= width) {
            return List.of(label);
        }
        List<String> lines = new ArrayList<>();
        int mid = label.length() / 2;
        int split = -1;
        for (int d = 0; d <= mid && split < 0; d++) {
            if (mid - d > 0 && label.charAt(mid - d) == ' ') {
                split = mid - d;
            } else if (mid + d < label.length() && label.charAt(mid + d) == ' ') {
                split = mid + d;
            }
        }
        if (split < 0 && label.indexOf(' ') < 0 && label.codePoints().anyMatch(IntervalBarChart::isCjk)) {
            split = (label.length() + 1) / 2; // Japanese has no spaces: two halves, the first the longer ("細かい" / "位置")
            lines.add(label.substring(0, split));
            lines.add(label.substring(split));
        } else if (split < 0) {
            lines.add(label);
        } else {
            lines.add(label.substring(0, split));
            lines.add(label.substring(split + 1));
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = line;
            while (l.length() > 1 && measure.applyAsDouble(l) > width) {
                l = l.substring(0, l.length() - (l.endsWith(".") ? 2 : 1)) + ".";
            }
            out.add(l);
        }
        return out;
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    static double textWidth(String s) {
        return textWidth(s, 12);
    }

    static double textWidth(String s, double size) {
        MEASURE.setFont(Font.font(size));
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** What the tooltip says about the bar (or group) under the mouse. */
    private String describeAt(double x, double y) {
        int c = categoryAt(x);
        if (c < 0 || series.isEmpty()) {
            return null;
        }
        double gw = groupWidth();
        double barW = Math.min(28, gw * 0.8 / Math.max(1, series.size()));
        double x0 = LEFT + gw * c + (gw - barW * series.size()) / 2;
        StringBuilder sb = new StringBuilder(categories.get(c));
        int hit = (int) Math.floor((x - x0) / barW);
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            if (Double.isNaN(se.mean()[c])) {
                continue;
            }
            sb.append(s == hit ? "\n▶ " : "\n   ").append(org.reflectlab.ui.kit.I18n.tr("aphasia.chart.value", se.name(), se.mean()[c]));
            if (Double.isFinite(se.low()[c]) && Double.isFinite(se.high()[c])) {
                sb.append("  ").append(org.reflectlab.ui.kit.I18n.tr("aphasia.chart.ci", se.low()[c], se.high()[c]));
            }
        }
        String more = describer == null ? null : describer.apply(c);
        return more == null ? sb.toString() : sb + "\n" + more;
    }

    /** Extra words per category for the tooltip (e.g. the metric's definition). */
    void setDescriber(java.util.function.IntFunction<String> describer) {
        this.describer = describer;
    }

    private void axis(GraphicsContext g, double w) {
        g.setStroke(Color.web("#d0d5dd"));
        g.setLineWidth(1);
        g.setFill(Color.web("#667085"));
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : ticks()) {
            double yy = Math.round(y(t)) + 0.5;
            g.strokeLine(LEFT, yy, w - RIGHT, yy);
            g.fillText(String.format(Locale.ROOT, "%.2f", t), LEFT - 4, yy);
        }
        if (min < 0 && max > 0) {
            g.setStroke(Color.web("#1f2430"));
            double zero = Math.round(y(0)) + 0.5;
            g.strokeLine(LEFT, zero, w - RIGHT, zero);
        }
    }

    private List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        double step = niceStep((max - min) / 5);
        for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
            t.add(Math.abs(v) < 1e-12 ? 0 : v);
        }
        return t;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
    }

    private static void whisker(GraphicsContext g, double x, double lowY, double highY) {
        if (Double.isNaN(lowY) || Double.isNaN(highY)) {
            return;
        }
        g.setStroke(Color.web("#1f2430"));
        g.setLineWidth(1.3);
        g.strokeLine(x, lowY, x, highY);
        g.strokeLine(x - 4, lowY, x + 4, lowY);
        g.strokeLine(x - 4, highY, x + 4, highY);
    }

    private void legend(GraphicsContext g, double w) {
        double x = w - RIGHT;
        g.setTextAlign(TextAlignment.RIGHT);
        for (int s = series.size() - 1; s >= 0; s--) {
            Series se = series.get(s);
            g.setFill(Color.web("#1f2430"));
            g.fillText(se.name(), x, 28);
            x -= textWidth(se.name()) + 6; // measured: Japanese names are about twice as wide per character
            g.setFill(se.color());
            g.fillRect(x - 10, 23, 10, 10);
            x -= 22;
        }
    }
}
