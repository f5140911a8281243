package org.reflectlab.core.cluster;

/** Marker of the job messages that may cross nodes; {@link JobSerializer} writes them. */
public interface JobMessage {
}
