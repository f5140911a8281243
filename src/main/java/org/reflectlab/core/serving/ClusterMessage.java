package org.reflectlab.core.serving;

/** Marker of the messages that may cross nodes; {@link ServingSerializer} writes them. */
public interface ClusterMessage {
}
