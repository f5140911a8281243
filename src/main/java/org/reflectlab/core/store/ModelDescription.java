package org.reflectlab.core.store;

import java.util.Map;

/**
 * What the caller knows about a model it saves; the store adds files, checksums and the time.
 * {@code network} holds a config summary and the parameter count.
 */
public record ModelDescription(String kind, String command, Long seed, Map<String, Object> data,
                               Map<String, Object> config, Map<String, Object> network,
                               Map<String, Object> metrics) {
}
