package org.reflectlab.ui.kit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A TeX formula drawn by JLaTeXMath: TeXFormula -> TeXIcon -> painted into a BufferedImage ->
 * a JavaFX image. Pure drawing with no toolkit state, so it may run on any thread. A formula that
 * does not parse is shown as its source text with the reason, never thrown.
 */
public final class Formula {

    private Formula() {
    }

    /** The formula as an image, {@code size} points high per line of text. */
    public static Image render(String tex, float size) {
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.setForeground(Color.BLACK);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }

    /** A node showing the formula (or its source and the parse error). */
    public static javafx.scene.Node view(String tex, float size) {
        try {
            ImageView v = new ImageView(render(tex, size));
            v.getStyleClass().add("formula");
            v.setUserData(tex);
            return v;
        } catch (ParseException e) {
            Label l = new Label(tex + "   (formula does not parse: " + e.getMessage() + ")");
            l.getStyleClass().add("formula-error");
            return l;
        }
    }
}
