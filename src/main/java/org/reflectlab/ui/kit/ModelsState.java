package org.reflectlab.ui.kit;

/**
 * Where a workspace's models stand, as a type: views style and enable by the kind of state,
 * never by the words of its message.
 */
public sealed interface ModelsState {

    /** What the user reads about it. */
    String message();

    /** Loading in the background. */
    record Loading(String message) implements ModelsState {
    }

    /** Loaded; the workspace can run. */
    record Ready(String message) implements ModelsState {
    }

    /** Could not be loaded; the message says why and how to make them. */
    record Unavailable(String message) implements ModelsState {
    }
}
