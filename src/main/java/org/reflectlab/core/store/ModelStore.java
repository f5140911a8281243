package org.reflectlab.core.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models on disk: one folder per model holding its files and a manifest.json with their
 * checksums and provenance.
 *
 * <p>Saving never leaves a half-written model behind. Each file is written to a temp file,
 * fsynced and renamed to a content-addressed name ("weights-3fa2b1c4d5e6.sdz"), so a new file
 * never overwrites one the current manifest points to. The manifest is then replaced by one
 * atomic rename: the single commit point. A crash before it leaves the previous model intact; a
 * crash after it leaves the new one. Files no manifest references are removed afterwards.
 *
 * <p>Loading checks every file's presence, size and SHA-256 before any bytes reach a
 * deserialiser, and nothing here uses Java object serialisation.
 */
public final class ModelStore {

    public static final String MANIFEST = "manifest.json";

    /** Writes one model file into the path it is given. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path target) throws IOException;
    }

    /** Reads a file that has passed the checksum check. */
    @FunctionalInterface
    public interface FileReader<T> {
        T read(Path verified) throws IOException;
    }

    /** A file to save: its role in the model and the stem/extension of its stored name. */
    public record NewFile(String role, String stem, String extension, FileWriter writer) {
    }

    private final Path root;
    private final Runnable beforeCommit;

    public ModelStore(Path root) {
        this(root, () -> { });
    }

    /** For tests: {@code beforeCommit} runs after all files are written, just before the manifest rename. */
    ModelStore(Path root, Runnable beforeCommit) {
        this.root = root;
        this.beforeCommit = beforeCommit;
    }

    public Path root() {
        return root;
    }

    public Path dir(String name) {
        return root.resolve(name);
    }

    public boolean exists(String name) {
        return Files.isRegularFile(dir(name).resolve(MANIFEST));
    }

    public Manifest save(String name, List<NewFile> files, ModelDescription description) throws ModelStoreException {
        checkName(name);
        Path dir = dir(name);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            SaveSteps.removeTempFiles(dir);
            Map<String, FileEntry> entries = new LinkedHashMap<>();
            for (NewFile f : files) {
                Path tmp = AtomicFile.tempFile(dir, "." + f.stem() + "-", SaveSteps.TEMP_SUFFIX);
                written.add(tmp);
                f.writer().write(tmp);
                SaveSteps.fsync(tmp);
                String sha = sha256(tmp);
                long bytes = Files.size(tmp);
                String fileName = f.stem() + "-" + sha.substring(0, 12) + "." + f.extension();
                Path target = dir.resolve(fileName);
                SaveSteps.move(tmp, target);
                written.add(target);
                entries.put(fileName, new FileEntry(f.role(), bytes, sha));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, name, description.kind(), entries,
                    description.command(), description.seed(), description.data(), description.config(),
                    configSha256(description.config()), description.network(), description.metrics(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            Path tmpManifest = AtomicFile.tempFile(dir, ".manifest-", SaveSteps.TEMP_SUFFIX);
            written.add(tmpManifest);
            Files.write(tmpManifest, ManifestJson.bytes(manifest));
            SaveSteps.fsync(tmpManifest);
            beforeCommit.run();
            SaveSteps.move(tmpManifest, dir.resolve(MANIFEST));
            SaveSteps.fsync(dir);
            SaveSteps.removeUnreferenced(dir, entries.keySet());
            return manifest;
        } catch (IOException | RuntimeException e) {
            SaveSteps.cleanUpAfterFailedSave(dir, written);
            throw SaveSteps.saveFailure(name, e);
        }
    }

    /** A model's name is one folder under the root: "../x", "a/b" and "" are refused. */
    private static void checkName(String name) throws ModelStoreException {
        String problem = Names.problem(name);
        if (problem != null) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_NAME,
                    "'" + name + "' is not a plain model name: " + problem + ".");
        }
    }

    /** "name@" + the first 12 hex digits of its weights' SHA-256: how one model names another it was made from. */
    public String ref(String name) throws ModelStoreException {
        Manifest m = verify(name);
        String file = m.fileFor("weights").orElse(m.files().keySet().iterator().next());
        return name + "@" + m.files().get(file).sha256().substring(0, 12);
    }

    /** The lock file a training run holds while it may save model {@code name} (see {@link ModelOutput}). */
    Path lockFile(String name) {
        return root.resolve("." + name + ".lock");
    }

    /**
     * Removes what a killed run or a failed save left behind: hidden temp files in model folders
     * (older than a minute, so a save in progress elsewhere keeps its own) and model folders left
     * empty. Folders whose name a running training holds are not touched. Returns a line per
     * folder cleaned, for the user to read.
     */
    public List<String> removeLeftovers() {
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return notes;
        }
        long minute = System.currentTimeMillis() - 60_000;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (Names.problem(name) != null || ModelOutput.isHeld(lockFile(name))) {
                    continue;
                }
                int removed = 0;
                try (DirectoryStream<Path> temps = Files.newDirectoryStream(d, SaveSteps::isTemp)) {
                    for (Path t : temps) {
                        if (Files.getLastModifiedTime(t).toMillis() < minute && Files.deleteIfExists(t)) {
                            removed++;
                        }
                    }
                }
                boolean empty;
                try (java.util.stream.Stream<Path> left = Files.list(d)) {
                    empty = left.findAny().isEmpty();
                }
                if (empty) {
                    Files.deleteIfExists(d);
                    notes.add("removed the empty model folder " + d + (removed > 0 ? " and " + removed + " temp file(s) in it" : "")
                            + ", left by an interrupted save");
                } else if (removed > 0) {
                    notes.add("removed " + removed + " temp file(s) in " + d + ", left by an interrupted save");
                }
            }
        } catch (IOException e) {
            notes.add("could not clean up " + root + ": " + SaveSteps.describe(e));
        }
        return notes;
    }

    /** Reads and checks the manifest and every file it lists; nothing is deserialised. */
    public Manifest verify(String name) throws ModelStoreException {
        Manifest manifest = verifyFiles(name);
        String claimed = manifest.name();
        if (claimed != null && !claimed.equals(name) && Names.problem(claimed) == null && exists(claimed)) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST, "Model '" + name + "': its manifest says it is '"
                    + claimed + "', another model in " + root + " (a manifest copied from there?). Copy a model as its whole "
                    + "folder; if this folder really holds its own model, adopt the folder's name with: reflectlab models --seal "
                    + name);
        }
        return manifest;
    }

    /** As {@link #verify} without comparing the manifest's name with the folder's. */
    private Manifest verifyFiles(String name) throws ModelStoreException {
        checkName(name);
        Path dir = dir(name);
        Path manifestPath = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestPath)) {
            throw new ModelStoreException(ModelStoreException.Reason.MISSING_MODEL,
                    "No model '" + name + "' at " + dir + " (its " + MANIFEST + " is missing).");
        }
        Manifest manifest = ManifestJson.read(manifestPath);
        if (manifest.format() != Manifest.FORMAT) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST, "Model '" + name + "': its manifest has format "
                    + manifest.format() + ", but this version of ReflectLab reads format " + Manifest.FORMAT + " only ("
                    + manifestPath + " was written by another version, or edited).");
        }
        if (manifest.files().isEmpty()) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    manifestPath + " lists no files.");
        }
        if (manifest.configSha256() != null && !manifest.configSha256().equalsIgnoreCase(configSha256(manifest.config()))) {
            throw new ModelStoreException(ModelStoreException.Reason.CORRUPT, "Model '" + name + "': its configuration was "
                    + "changed after the model was saved (the \"config\" section of " + manifestPath + " no longer matches its "
                    + "configSha256). The weights only work with the configuration they were trained with: restore the "
                    + "manifest, or train the model again.");
        }
        for (Map.Entry<String, FileEntry> e : manifest.files().entrySet()) {
            FileChecks.check(dir, e.getKey(), e.getValue());
        }
        return manifest;
    }

    /**
     * The SHA-256 of a manifest's configuration, as JSON with sorted keys: saving records it and
     * loading checks it, so an edited configuration never runs silently with the old weights.
     */
    public static String configSha256(Map<String, Object> config) {
        return ManifestJson.configSha256(config);
    }

    /**
     * Adds a config checksum to a manifest saved before manifests had one (nothing else changes;
     * the weights are not touched). Only for manifests whose configuration is known to be the one
     * the weights were trained with, such as the shipped models as committed. Also gives the manifest
     * its folder's name when it names another model of the folder. Returns false if nothing changed.
     */
    public boolean seal(String name) throws ModelStoreException {
        Manifest m = verifyFiles(name);
        boolean foreignName = m.name() != null && !m.name().equals(name) && exists(m.name());
        if (m.configSha256() != null && !foreignName) {
            return false;
        }
        // a name that is another model's becomes the folder's; other names (shipped models renamed on disk) stay as saved
        Manifest sealed = new Manifest(m.format(), foreignName ? name : m.name(), m.kind(), m.files(), m.command(), m.seed(),
                m.data(), m.config(), m.configSha256() != null ? m.configSha256() : configSha256(m.config()), m.network(),
                m.metrics(), m.created());
        ManifestJson.replace(dir(name).resolve(MANIFEST), sealed);
        return true;
    }

    /**
     * Records which command made a model, when a pipeline ran the command that saved it (the
     * manifest's command becomes "reflectlab pipeline ... (stage ...: the stage's command)"); the
     * weights and the configuration's checksum are untouched.
     */
    public void recordMaker(String name, String command) throws ModelStoreException {
        Manifest m = verify(name);
        Manifest named = new Manifest(m.format(), m.name(), m.kind(), m.files(), command, m.seed(), m.data(), m.config(),
                m.configSha256(), m.network(), m.metrics(), m.created());
        ManifestJson.replace(dir(name).resolve(MANIFEST), named);
    }

    /** Verifies the model, then reads the file with the given role. */
    public <T> T load(String name, String role, FileReader<T> reader) throws ModelStoreException {
        Manifest manifest = verify(name);
        String file = manifest.fileFor(role).orElseThrow(() -> new ModelStoreException(
                ModelStoreException.Reason.BAD_MANIFEST,
                "Model '" + name + "' has no '" + role + "' file in its manifest."));
        Path path = dir(name).resolve(file);
        try {
            return reader.read(path);
        } catch (IOException | RuntimeException e) {
            throw new ModelStoreException(ModelStoreException.Reason.UNREADABLE,
                    "Model '" + name + "': " + path.getFileName() + " passed its checksum but could not be read: "
                            + SaveSteps.describe(e), e);
        }
    }

    /**
     * Manifests of every model under the root that has one (unreadable ones are skipped), each
     * named by its folder: the name commands and {@link #load} take.
     */
    public List<Manifest> list() {
        List<Manifest> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                Path m = d.resolve(MANIFEST);
                if (Files.isRegularFile(m)) {
                    try {
                        Manifest read = ManifestJson.read(m);
                        // models are loaded by folder, whatever name their manifest was saved with
                        out.add(new Manifest(read.format(), d.getFileName().toString(), read.kind(), read.files(), read.command(),
                                read.seed(), read.data(), read.config(), read.configSha256(), read.network(), read.metrics(),
                                read.created()));
                    } catch (ModelStoreException ignored) {
                        // a broken model is reported when someone loads it, not while listing
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(java.util.Comparator.comparing(Manifest::name));
        return out;
    }

    public static Manifest readManifest(Path manifestPath) throws ModelStoreException {
        return ManifestJson.read(manifestPath);
    }

    public static String toJson(Object value) {
        return ManifestJson.toJson(value);
    }

    public static String sha256(Path file) throws IOException {
        return FileChecks.sha256(file);
    }

}
