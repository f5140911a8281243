package org.reflectlab.core.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reflectlab.core.store.AtomicFile;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/**
 * One experiment in one small JSON file, for a teacher to hand out: the workspace, every setting
 * (seeds among them), the SHA-256 of each model's weights as its manifest records them, and the
 * learner's notes. Opening it elsewhere restores the settings and says which model differs.
 */
public record Experiment(int format, String workspace, Map<String, String> settings, Map<String, String> models, String notes,
                         String created) {

    public static final int FORMAT = 1;
    /** The models the lab's experiments read; those absent from a store are left out of the file. */
    public static final List<String> MODELS = List.of("unified", "generator", "generator-base", "critic", "judge", "world-implicit");
    /** Where the window was is no part of an experiment. */
    private static final List<String> PRIVATE = List.of("shell.window.");

    public Experiment {
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
        models = models == null ? Map.of() : new TreeMap<>(models);
        notes = notes == null ? "" : notes;
    }

    /** The current state: settings without the window's place, and the SHA-256 of every model present. */
    public static Experiment capture(String workspace, Map<String, String> settings, ModelStore store, String notes) {
        Map<String, String> kept = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (PRIVATE.stream().noneMatch(k::startsWith)) {
                kept.put(k, v);
            }
        });
        return new Experiment(FORMAT, workspace, kept, fingerprints(store), notes, java.time.Instant.now().toString());
    }

    /** Model name to the SHA-256 of its weights, for every lab model in the store. */
    public static Map<String, String> fingerprints(ModelStore store) {
        Map<String, String> out = new TreeMap<>();
        for (String name : MODELS) {
            Path manifest = store.dir(name).resolve(ModelStore.MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                continue;
            }
            try {
                Manifest m = ModelStore.readManifest(manifest);
                String file = m.fileFor("weights").orElse(m.files().keySet().iterator().next());
                out.put(name, m.files().get(file).sha256());
            } catch (ModelStoreException | java.util.NoSuchElementException e) {
                out.put(name, "unreadable");
            }
        }
        return out;
    }

    /** One line per model that is missing here or differs from the file's; empty when all match. */
    public List<String> modelDifferences(ModelStore store) {
        Map<String, String> here = fingerprints(store);
        List<String> out = new ArrayList<>();
        models.forEach((name, sha) -> {
            String mine = here.get(name);
            if (mine == null) {
                out.add("model '" + name + "' is missing from " + store.root());
            } else if (!mine.equalsIgnoreCase(sha)) {
                out.add("model '" + name + "' differs: the experiment used " + sha.substring(0, Math.min(12, sha.length())) + "…, this "
                        + "machine has " + mine.substring(0, Math.min(12, mine.length())) + "…; numbers may differ");
            }
        });
        return out;
    }

    public void write(Path file) throws IOException {
        AtomicFile.writeJson(file, this);
    }

    /** Reads a file; a file that is not an experiment gets a one-line reason. */
    public static Experiment read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no experiment file at " + file);
        }
        Experiment e;
        try {
            e = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(file.toFile(), Experiment.class);
        } catch (IOException ex) {
            throw new IOException(file.getFileName() + " is not a ReflectLab experiment (" + ex.getMessage().lines().findFirst().orElse("") + ")", ex);
        }
        if (e == null || e.format() != FORMAT || e.workspace() == null) {
            throw new IOException(file.getFileName() + " is not a ReflectLab experiment of format " + FORMAT);
        }
        return e;
    }
}
