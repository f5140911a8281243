package org.reflectlab.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration record as the map a manifest stores, and back, through Jackson instead of a
 * hand-written toMap/fromMap per record. Keys are the record's components in declaration order;
 * reading requires every component (a missing one is named in the message), ignores keys the
 * record does not have, and lets the record's own checks speak for themselves.
 */
public final class ConfigJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern PROPERTY = Pattern.compile("creator property '([^']+)'");

    private ConfigJson() {
    }

    public static Map<String, Object> toMap(Record config) {
        return MAPPER.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /**
     * As {@link #toMap(Record)}, leaving out every component that still has its value in {@code unsetValues}:
     * a component added to a record after models were saved is written only where set, so the configuration
     * checksum of every model saved before it stays the same.
     */
    public static Map<String, Object> toMap(Record config, Map<String, Object> unsetValues) {
        Map<String, Object> m = toMap(config);
        unsetValues.forEach((key, unset) -> {
            if (same(m.get(key), unset)) {
                m.remove(key);
            }
        });
        return m;
    }

    /** As {@link #fromMap(Map, Class, String)}, a key missing from the map taking its value from {@code unsetValues}. */
    public static <T extends Record> T fromMap(Map<String, Object> map, Class<T> type, String lacks,
                                               Map<String, Object> unsetValues) {
        Map<String, Object> full = new LinkedHashMap<>(map);
        unsetValues.forEach(full::putIfAbsent);
        return fromMap(full, type, lacks);
    }

    private static boolean same(Object value, Object unset) {
        return value instanceof Number a && unset instanceof Number b ? a.doubleValue() == b.doubleValue()
                : java.util.Objects.equals(value, unset);
    }

    /**
     * Reads a record from a manifest's map; {@code lacks} is the message for a missing key, with
     * {@code %s} for the key ("detector config lacks '%s'").
     */
    public static <T extends Record> T fromMap(Map<String, Object> map, Class<T> type, String lacks) {
        try {
            return MAPPER.convertValue(map, type);
        } catch (IllegalArgumentException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ValueInstantiationException && c.getCause() instanceof IllegalArgumentException own) {
                    throw own; // the record's own check (a range, an unknown name): its message is for the user
                }
            }
            Matcher m = PROPERTY.matcher(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException(m.find() ? String.format(java.util.Locale.ROOT, lacks, m.group(1))
                    : type.getSimpleName() + " cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse(s);
    }
}
