package org.reflectlab.ui.shell;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the first window goes. It must lie wholly inside a screen's visual bounds (menu, sidebar
 * and status bar all reachable: a 1280x800 window on a 1024x700 screen once opened at (-128,-33)).
 * A remembered size is restored only where it fits; a remembered position only on a screen that
 * still exists, moved inside it when it hangs over an edge.
 */
public final class WindowPlacement {

    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    private WindowPlacement() {
    }

    /**
     * The window's bounds on these screens (visual bounds, primary first). The size is the
     * remembered one, or the default, cut to the screen; centred unless a remembered position fits.
     */
    public static ShellViewModel.WindowState place(List<Rectangle2D> screens, Optional<ShellViewModel.WindowState> remembered) {
        Rectangle2D primary = screens.isEmpty() ? new Rectangle2D(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT) : screens.get(0);
        // the screen that holds the remembered window's centre, if it still exists
        Optional<Rectangle2D> was = remembered.flatMap(m -> screens.stream()
                .filter(s -> s.contains(m.x() + m.width() / 2, m.y() + m.height() / 2)).findFirst());
        Rectangle2D screen = was.orElse(primary);
        double w = Math.min(remembered.map(ShellViewModel.WindowState::width).orElse(DEFAULT_WIDTH), screen.getWidth());
        double h = Math.min(remembered.map(ShellViewModel.WindowState::height).orElse(DEFAULT_HEIGHT), screen.getHeight());
        double x = was.isPresent() ? remembered.get().x() : screen.getMinX() + (screen.getWidth() - w) / 2;
        double y = was.isPresent() ? remembered.get().y() : screen.getMinY() + (screen.getHeight() - h) / 2;
        x = clamp(x, screen.getMinX(), screen.getMaxX() - w);
        y = clamp(y, screen.getMinY(), screen.getMaxY() - h);
        return new ShellViewModel.WindowState(x, y, w, h, remembered.map(ShellViewModel.WindowState::maximized).orElse(false));
    }

    /** The window's minimum size on this screen: the usual minimum, or the whole screen when that is smaller. */
    public static double[] minimum(Rectangle2D screen) {
        return new double[] {Math.min(MIN_WIDTH, screen.getWidth()), Math.min(MIN_HEIGHT, screen.getHeight())};
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(v, hi));
    }
}
