package org.reflectlab.core.cluster;

/**
 * One job as its feature made it: the kind says which handler runs it, the label says what it is
 * (for progress lines), the body is the feature's own encoding.
 */
public record JobSpec(String kind, String label, byte[] body) {
}
