package org.reflectlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Start the compute backend and print what it found: backend, BLAS, CPU features, threads, versions.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--threads", description = "ND4J compute threads (default: cores - 1, at least 1).")
    Integer threads;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        BackendInfo info = threads == null ? Backend.start() : Backend.start(threads);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("backend", info.backend());
        rows.put("blas", info.blas());
        rows.put("native build", info.binary());
        rows.put("cpu features", String.join(" ", info.cpuFeatures()));
        rows.put("fast kernels", org.reflectlab.core.nn.fast.Kernels.VECTOR ? "vectorised (Vector API)"
                : "scalar loops (run java with --add-modules jdk.incubator.vector for the vectorised ones)");
        rows.put("compute threads", info.computeThreads());
        rows.put("cores", info.cores());
        rows.put("max heap", mb(info.maxMemoryBytes()));
        rows.put("off-heap limit", mb(info.offHeapLimitBytes()));
        rows.put("backend start", ms + " ms");
        rows.put("models folder", AppPaths.models().toString());
        rows.put("models", new ModelStore(AppPaths.models()).list().stream().map(m -> m.name()).toList());
        info.versions().forEach((k, v) -> rows.put(k, v));
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(ModelStore.toJson(rows));
        } else {
            rows.forEach((k, v) -> out.printf("%-16s %s%n", k, v));
        }
        return 0;
    }

    private static String mb(long bytes) {
        return String.format("%,d MB", bytes / (1024 * 1024));
    }
}
