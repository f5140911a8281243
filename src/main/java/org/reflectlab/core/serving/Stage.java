package org.reflectlab.core.serving;

/** A worker's two jobs: into the shared latent (input side) and out of it (output side). */
public enum Stage {
    ENCODE, DECODE
}
