package org.reflectlab.ui.shell;

import java.util.function.Function;
import javafx.scene.Node;

/**
 * An entry of the sidebar. {@code icon} is an SVG path in a 24x24 box; the view is built the
 * first time the workspace is opened and kept afterwards, so its state survives switching.
 */
public record Workspace(String id, String title, String hint, String icon, Function<AppServices, Node> factory) {
}
