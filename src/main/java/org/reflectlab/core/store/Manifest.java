package org.reflectlab.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * manifest.json of a stored model: its files with checksums, and how it was made (command,
 * seed, data spec, config, network summary, metrics, creation time), so anyone can reproduce it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
        int format,
        String name,
        String kind,
        Map<String, FileEntry> files,
        String command,
        Long seed,
        Map<String, Object> data,
        Map<String, Object> config,
        String configSha256,
        Map<String, Object> network,
        Map<String, Object> metrics,
        String created) {

    public static final int FORMAT = 1;

    public Manifest {
        files = files == null ? Map.of() : new LinkedHashMap<>(files);
        data = data == null ? Map.of() : new LinkedHashMap<>(data);
        config = config == null ? Map.of() : new LinkedHashMap<>(config);
        network = network == null ? Map.of() : new LinkedHashMap<>(network);
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
    }

    /** The file with the given role ("weights", "config", ...), if any. */
    public Optional<String> fileFor(String role) {
        return files.entrySet().stream().filter(e -> role.equals(e.getValue().role()))
                .map(Map.Entry::getKey).findFirst();
    }

    public Optional<Number> metric(String key) {
        return metrics.get(key) instanceof Number n ? Optional.of(n) : Optional.empty();
    }
}
