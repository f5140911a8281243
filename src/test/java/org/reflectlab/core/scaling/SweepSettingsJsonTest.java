package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SweepSettings through Jackson: what sweeps saved before (info.json, cluster jobs) reads back, and is written the same. */
class SweepSettingsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** info.json's "settings" as the hand-written describe() wrote it before the move to Jackson. */
    private static final String SAVED = "{\"methods\":[\"bon\",\"reflect\",\"reflect-pick\",\"ttt\"],\"k\":[1,2,4,8,12,16,20],"
            + "\"promptsPerCategory\":10,\"seed\":1,\"samplingSteps\":8,\"guidance\":2.0,\"contextSize\":3}";

    @Test
    void writesWhatTheHandWrittenMapWrote() throws Exception {
        assertEquals(SAVED, JSON.writeValueAsString(SweepSettings.defaults(1).describe()));
        SweepSettings odd = new SweepSettings(List.of(Method.TEST_TIME_TRAINING, Method.BEST_OF_N), List.of(4, 1), 3, 123_456_789_012L,
                5, 1.5, 2);
        assertEquals("{\"methods\":[\"ttt\",\"bon\"],\"k\":[1,4],\"promptsPerCategory\":3,\"seed\":123456789012,"
                + "\"samplingSteps\":5,\"guidance\":1.5,\"contextSize\":2}", JSON.writeValueAsString(odd.describe()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsSavedSettingsBack() throws Exception {
        Map<String, Object> saved = JSON.readValue(SAVED, Map.class);
        assertEquals(SweepSettings.defaults(1), SweepSettings.fromMap(saved));
        SweepSettings quick = SweepSettings.quick(7);
        assertEquals(quick, SweepSettings.fromMap(JSON.readValue(JSON.writeValueAsString(quick.describe()), Map.class)));
        Map<String, Object> extra = new LinkedHashMap<>(saved);
        extra.put("note", "a key a later version added");
        assertEquals(SweepSettings.defaults(1), SweepSettings.fromMap(extra), "unknown keys are ignored");
    }

    @Test
    @SuppressWarnings("unchecked")
    void badSettingsAreRefusedWithTheReason() throws Exception {
        Map<String, Object> saved = JSON.readValue(SAVED, Map.class);
        Map<String, Object> missing = new LinkedHashMap<>(saved);
        missing.remove("promptsPerCategory");
        assertEquals("sweep settings lack 'promptsPerCategory'",
                assertThrows(IllegalArgumentException.class, () -> SweepSettings.fromMap(missing)).getMessage());
        Map<String, Object> tooBig = new LinkedHashMap<>(saved);
        tooBig.put("k", List.of(1, 99));
        assertEquals("K values must be 1 to 20", assertThrows(IllegalArgumentException.class, () -> SweepSettings.fromMap(tooBig)).getMessage());
        Map<String, Object> unknown = new LinkedHashMap<>(saved);
        unknown.put("methods", List.of("bon", "magic"));
        String why = assertThrows(IllegalArgumentException.class, () -> SweepSettings.fromMap(unknown)).getMessage();
        assertTrue(why.contains("magic"), why);
    }
}
