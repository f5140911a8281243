package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.detector.Detector;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.nn.world.ImplicitModel;
import org.reflectlab.core.reflect.DetectorTraining;
import org.reflectlab.core.reflect.GeneratorTraining;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;
import org.reflectlab.core.world.ImplicitModelIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Check that every model in the models folder loads: its files and checksums, its configuration's",
            "checksum, and that its weights hold exactly the parameters its configuration needs.",
            "--seal adds the configuration checksum to manifests saved before manifests had one, and gives a manifest that",
            "names another model of the folder its own folder's name."})
final class ModelsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelsFolder models;
    @Option(names = "--seal", description = "Add a configuration checksum to manifests that lack one. Only for manifests "
            + "known to be as saved, such as the shipped models as committed.")
    boolean seal;
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Models to check (default: all).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelStore store = models.store();
        store.removeLeftovers().forEach(note -> err.println("warning: " + note));
        List<String> which = names.isEmpty() ? all(store) : names;
        if (which.isEmpty()) {
            err.println("error: no models in " + store.root());
            return Cli.FAILED;
        }
        Backend.start();
        int bad = 0;
        for (String name : which) {
            try {
                // sealing first: it is also what gives a manifest naming another model its folder's name
                boolean sealed = seal && store.seal(name);
                Manifest m = store.verify(name);
                load(store, name, m.kind());
                String status = sealed ? "ok, sealed (configuration checksum added, the folder's name adopted)"
                        : m.configSha256() != null ? "ok" : "ok, but its configuration has no checksum";
                o.printf("%-20s %-22s %s%n", name, m.kind(), status);
            } catch (ModelStoreException e) {
                bad++;
                o.printf("%-20s %-22s %s%n", name, "?", "FAILED");
                err.println("error: " + e.getMessage());
            }
        }
        return bad == 0 ? 0 : Cli.FAILED;
    }

    /** Loads the model the way the app does, which checks its parameters against its configuration. */
    private static void load(ModelStore store, String name, String kind) throws ModelStoreException {
        switch (kind == null ? "" : kind) {
            case UnifiedModel.KIND -> UnifiedModelIO.load(store, name);
            case Generator.KIND -> NetworkIO.load(store, name, Generator.NETWORK);
            case Detector.KIND -> NetworkIO.load(store, name, Detector.NETWORK);
            case ImplicitModel.KIND -> ImplicitModelIO.load(store, name);
            default -> throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + name + "' is of an unknown kind '" + kind + "'.");
        }
    }

    private static List<String> all(ModelStore store) throws java.io.IOException {
        if (!Files.isDirectory(store.root())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(store.root())) {
            return s.filter(p -> Files.isRegularFile(p.resolve(ModelStore.MANIFEST))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
    }
}
