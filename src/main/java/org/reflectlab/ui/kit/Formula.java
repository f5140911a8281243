package org.reflectlab.ui.kit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javax.swing.JLabel;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * LaTeX formulas as images (JLaTeXMath renders to AWT; the image is handed to JavaFX). Shared by
 * the What-to-notice panels and the glossary; cached, since the same formulas come back. A formula
 * JLaTeXMath cannot parse shows as its plain text with the reason (never an exception on the FX
 * thread, which would blank the whole panel), and is recorded so a test can see it.
 */
public final class Formula {

    /** Bounded: the app shows a few dozen formulas; the cap keeps a long session's glossary browsing from growing it. */
    private static final int CACHE_SIZE = 128;
    private static final Map<String, Image> CACHE = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHE_SIZE;
        }
    });
    private static final List<String> FAILURES = new CopyOnWriteArrayList<>();
    private static final Map<String, Boolean> SHOWN = new ConcurrentHashMap<>();

    private Formula() {
    }

    /** The formula drawn in ink on a transparent background; a formula that does not parse throws. */
    public static BufferedImage renderAwt(String latex, float size) {
        TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        icon.setInsets(new java.awt.Insets(2, 2, 2, 2));
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        JLabel ink = new JLabel();
        ink.setForeground(new Color(0x1f, 0x24, 0x30));
        icon.paintIcon(ink, g, 0, 0);
        g.dispose();
        return img;
    }

    public static Image render(String latex, float size) {
        String key = size + "|" + latex;
        Image img = CACHE.get(key);
        if (img == null) { // rendered outside the lock: the FX thread never waits on a worker's render
            img = SwingFXUtils.toFXImage(renderAwt(latex, size), null);
            CACHE.put(key, img);
        }
        return img;
    }

    /**
     * Renders into the cache ahead of use, on any thread (JLaTeXMath's first formula takes a few hundred ms: not on the FX
     * thread). A formula that does not parse is left for {@link #view} to report.
     */
    public static void prerender(String latex, float size) {
        try {
            render(latex, size);
        } catch (RuntimeException e) {
            // view() shows it as text with the reason, on the FX thread
        }
    }

    /** The rendered formula, or (when it does not parse) its text and the parser's reason, styled as an error. */
    public static Node view(String latex, float size) {
        SHOWN.put(latex, Boolean.TRUE);
        try {
            ImageView v = new ImageView(render(latex, size));
            v.getStyleClass().add("formula");
            v.setAccessibleText(latex);
            return v;
        } catch (RuntimeException e) {
            FAILURES.add(latex + " -> " + e.getMessage());
            Label plain = new Label(I18n.tr("kit.formula.failed", latex, String.valueOf(e.getMessage())));
            plain.setWrapText(true);
            plain.getStyleClass().addAll("formula", "formula-error");
            return plain;
        }
    }

    /**
     * The formula, shrunk (never enlarged) to the width of the scroll pane it ends up in, less
     * {@code inset}: a wide formula in a drawer or a panel otherwise makes it scroll sideways. The
     * width comes from the scroll pane's viewport, not the formula's own container, which the
     * formula itself would keep wide.
     */
    public static Node fitted(String latex, float size, double inset) {
        Node n = view(latex, size);
        if (n instanceof ImageView iv) {
            double natural = iv.getImage().getWidth();
            iv.setPreserveRatio(true);
            iv.sceneProperty().addListener((o, a, scene) -> {
                iv.fitWidthProperty().unbind();
                javafx.scene.Parent p = iv.getParent();
                while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                    p = p.getParent();
                }
                if (p instanceof javafx.scene.control.ScrollPane sp) {
                    iv.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                            () -> Math.min(natural, Math.max(60, sp.getViewportBounds().getWidth() - inset)), sp.viewportBoundsProperty()));
                }
            });
        }
        return n;
    }

    /** Every formula that failed to render since start, with the reason (for tests and the layout probe). */
    public static List<String> failures() {
        return List.copyOf(FAILURES);
    }

    /** How many distinct formulas were shown since start (for tests: the tour reached them). */
    public static int shownCount() {
        return SHOWN.size();
    }
}
