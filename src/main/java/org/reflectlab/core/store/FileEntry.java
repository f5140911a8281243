package org.reflectlab.core.store;

/** One file of a stored model: what it is for, its size and its SHA-256 (hex). */
public record FileEntry(String role, long bytes, String sha256) {
}
