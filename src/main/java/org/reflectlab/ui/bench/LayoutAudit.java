package org.reflectlab.ui.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * What a learner would see cut off, in one laid-out scene: Labeled controls whose shown text
 * differs from their text (the skin put an ellipsis in), and controls that lie outside the
 * window or outside an ancestor that clips them, where no scroll bar can bring them back, and
 * content that needs a sideways scroll to be seen (a visible horizontal scroll bar of a scroll pane,
 * table, list or text area: what lies right of it is as good as cut for a learner who never
 * scrolls sideways). Only visible nodes count. Call on the FX thread.
 */
public final class LayoutAudit {

    /** Allowed overhang in pixels (sub-pixel layout rounding). */
    private static final double SLACK = 1.0;

    /** Findings, keyed by node so the same node found twice (e.g. in two tab states) counts once. */
    public static final class Findings {
        private final Map<Node, String> truncated = new LinkedHashMap<>();
        private final Map<Node, String> clipped = new LinkedHashMap<>();
        private final Map<Node, String> sideways = new LinkedHashMap<>();

        public int truncated() {
            return truncated.size();
        }

        public int clipped() {
            return clipped.size();
        }

        public int sideways() {
            return sideways.size();
        }

        /** One line per finding: "truncated Label#id 'shown' of 'full'" or "clipped Button#id at [..] outside [..]". */
        public List<String> details() {
            List<String> out = new ArrayList<>();
            truncated.values().forEach(v -> out.add("truncated " + v));
            clipped.values().forEach(v -> out.add("clipped " + v));
            sideways.values().forEach(v -> out.add("sideways " + v));
            return out;
        }

        public void addAll(Findings other) {
            other.truncated.forEach(truncated::putIfAbsent);
            other.clipped.forEach(clipped::putIfAbsent);
            other.sideways.forEach(sideways::putIfAbsent);
        }
    }

    private LayoutAudit() {
    }

    public static Findings audit(Scene scene) {
        Findings f = new Findings();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        walk(scene.getRoot(), window, false, f);
        return f;
    }

    private static void walk(Node node, Bounds visibleArea, boolean scrollable, Findings f) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled l) {
            checkText(l, f);
        }
        if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
            checkSideways(bar, f);
        }
        Bounds b = node.localToScene(node.getLayoutBounds()); // layout bounds: a drop shadow is not a control outside the window
        boolean clippedHere = false;
        if (node instanceof Control c && !scrollable && b.getWidth() > 0 && b.getHeight() > 0 && outside(b, visibleArea)) {
            f.clipped.putIfAbsent(c, describe(c) + String.format(Locale.ROOT, " at [%.0f,%.0f %.0fx%.0f] outside [%.0f,%.0f %.0fx%.0f]",
                    b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), visibleArea.getMinX(), visibleArea.getMinY(),
                    visibleArea.getWidth(), visibleArea.getHeight()));
            clippedHere = true; // its parts are cut with it: count the control once
        }
        if (!(node instanceof Parent p) || clippedHere) {
            return;
        }
        // Inside a scroll pane or a virtual list, what lies outside can be scrolled to: not clipped.
        boolean scrollsBelow = scrollable || node instanceof ScrollPane || node instanceof VirtualFlow
                || node instanceof javafx.scene.control.skin.TableHeaderRow; // table headers scroll sideways with their columns
        Bounds area = visibleArea;
        if (node.getClip() != null && !scrollsBelow) {
            area = intersect(area, node.localToScene(node.getClip().getBoundsInParent()));
        }
        for (Node child : p.getChildrenUnmodifiable()) {
            walk(child, area, scrollsBelow, f);
        }
    }

    private static void checkText(Labeled l, Findings f) {
        String full = l.getText();
        if (full == null || full.isEmpty()) {
            return;
        }
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                String shown = t.getText();
                if (shown != null && !shown.equals(full) && child.isVisible()) {
                    f.truncated.putIfAbsent(l, describe(l) + " shows '" + oneLine(shown) + "' of '" + oneLine(full) + "'");
                }
                return;
            }
        }
    }

    /** A shown horizontal scroll bar with somewhere to go: its owner's content is wider than the owner. */
    private static void checkSideways(ScrollBar bar, Findings f) {
        double range = bar.getMax() - bar.getMin();
        // a scroll pane's bar runs 0..1 (visible amount = the shown share), a virtual flow's in pixels: compare as shares
        if (range <= 0 || bar.getVisibleAmount() >= range * 0.99 || bar.getWidth() <= 0 || bar.getHeight() <= 0) {
            return;
        }
        Node owner = bar.getParent();
        while (owner != null && !(owner instanceof Control)) {
            owner = owner.getParent();
        }
        Node key = owner == null ? bar : owner;
        double shown = bar.getVisibleAmount() / range;
        String widest = key instanceof ScrollPane sp && sp.getContent() != null ? widest(sp) : "";
        f.sideways.putIfAbsent(key, describe(key) + String.format(Locale.ROOT, " shows %.0f%% of its width", 100 * shown) + widest);
    }

    /** The innermost node of a scroll pane's content that is too wide for its viewport (what makes it scroll). */
    private static String widest(ScrollPane sp) {
        double room = sp.getViewportBounds().getWidth();
        Node n = sp.getContent();
        Node found = null;
        while (n instanceof Parent p) {
            Node next = null;
            for (Node c : p.getChildrenUnmodifiable()) {
                if (c.isVisible() && c.isManaged() && minWidth(c) > room + SLACK && (next == null || minWidth(c) > minWidth(next))) {
                    next = c;
                }
            }
            if (next == null) {
                break;
            }
            found = next;
            n = next;
        }
        return found == null ? "" : String.format(Locale.ROOT, ": %s needs %.0f px of %.0f", describe(found), minWidth(found), room);
    }

    private static double minWidth(Node n) {
        return n.isResizable() ? n.minWidth(-1) : n.getLayoutBounds().getWidth();
    }

    private static boolean outside(Bounds b, Bounds area) {
        return b.getMinX() < area.getMinX() - SLACK || b.getMinY() < area.getMinY() - SLACK
                || b.getMaxX() > area.getMaxX() + SLACK || b.getMaxY() > area.getMaxY() + SLACK;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    static String describe(Node n) {
        String text = n instanceof Labeled l && l.getText() != null ? " '" + abbreviate(l.getText()) + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text + " in " + path(n);
    }

    private static String path(Node n) {
        StringBuilder sb = new StringBuilder();
        Node p = n.getParent();
        int depth = 0;
        while (p != null && depth < 4) {
            if (p.getId() != null) {
                sb.insert(0, "#" + p.getId() + " ");
                depth++;
            }
            p = p.getParent();
        }
        return sb.toString().trim();
    }

    private static String oneLine(String s) {
        return s.replace("\n", " / ");
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
