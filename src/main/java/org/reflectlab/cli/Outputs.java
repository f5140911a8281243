package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.reflectlab.core.store.AtomicFile;
import org.reflectlab.core.store.ModelOutput;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.store.Names;

/** Checks a command's output files and names before any work starts, so a typo costs nothing. */
final class Outputs {

    private Outputs() {
    }

    /**
     * Pairs of (option name, path); null paths are skipped. Prints "error: --csv out/x: it is a
     * folder, not a file" for the first path that cannot be written and returns false.
     */
    static boolean writable(PrintWriter err, Object... optionsAndPaths) {
        for (int i = 0; i < optionsAndPaths.length; i += 2) {
            Path p = (Path) optionsAndPaths[i + 1];
            if (p == null) {
                continue;
            }
            String problem = AtomicFile.problem(p);
            if (problem != null) {
                err.println("error: " + optionsAndPaths[i] + " " + p + ": " + problem);
                return false;
            }
        }
        return true;
    }

    /** Reserves a model name for a training run ({@link ModelOutput#reserve}) and prints what that cleaned up. */
    static ModelOutput reserve(PrintWriter err, ModelStore store, String name, long bytes) throws ModelStoreException {
        ModelOutput output = ModelOutput.reserve(store, name, bytes);
        output.cleaned().forEach(note -> err.println("warning: " + note));
        return output;
    }

    /** Prints "error: --out '../x' is not a plain name: ..." and returns false unless the name is plain. */
    static boolean plainName(PrintWriter err, String option, String name) {
        String problem = Names.problem(name);
        if (problem != null) {
            err.println("error: " + option + " '" + (name == null ? "" : name) + "' is not a plain name: " + problem
                    + ". Use a folder name such as 'unified-2'; it goes into the models or sweeps folder.");
            return false;
        }
        return true;
    }
}
