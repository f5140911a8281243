package org.reflectlab.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** A manifest as JSON: reading it (with the reason when it cannot be read), writing it, and its configuration's checksum. */
final class ManifestJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ManifestJson() {
    }

    static Manifest read(Path manifestPath) throws ModelStoreException {
        try {
            return JSON.readValue(manifestPath.toFile(), Manifest.class);
        } catch (JsonProcessingException e) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    manifestPath + " is not a valid manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Could not read " + manifestPath + ": " + SaveSteps.describe(e), e);
        }
    }

    static byte[] bytes(Manifest manifest) throws JsonProcessingException {
        return JSON.writeValueAsBytes(manifest);
    }

    /** Replaces a manifest in one atomic rename (the weights are not touched). */
    static void replace(Path manifestPath, Manifest manifest) throws ModelStoreException {
        try {
            AtomicFile.write(manifestPath, out -> out.write(bytes(manifest)));
        } catch (IOException e) {
            throw new ModelStoreException(ModelStoreException.Reason.WRITE_FAILED, e.getMessage(), e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The SHA-256 of a configuration as JSON with sorted keys. */
    static String configSha256(Map<String, Object> config) {
        try {
            Object canonical = JSON.readValue(JSON.writeValueAsBytes(config == null ? Map.of() : config), Object.class);
            byte[] bytes = CANONICAL.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot checksum a configuration", e);
        }
    }
}
