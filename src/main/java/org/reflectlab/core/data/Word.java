package org.reflectlab.core.data;

/** A word of typed text with its character span, so errors can point at it. */
public record Word(String text, int start, int end) {
}
