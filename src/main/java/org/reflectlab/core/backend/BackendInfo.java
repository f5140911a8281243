package org.reflectlab.core.backend;

import java.util.List;
import java.util.Map;

/** What the compute backend turned out to be on this machine. */
public record BackendInfo(String backend, String blas, String binary, List<String> cpuFeatures,
                          int computeThreads, int cores, long maxMemoryBytes, long offHeapLimitBytes,
                          Map<String, String> versions, long startMillis) {

    /** One line for the status bar: "CPU · OpenBLAS 0.3.19 · AVX2 FMA AVX-512 · 1 compute thread". */
    public String summary() {
        String features = cpuFeatures.isEmpty() ? "" : " · " + String.join(" ", cpuFeatures);
        return backend + " · " + blas + features + " · " + computeThreads + " compute thread"
                + (computeThreads == 1 ? "" : "s") + " of " + cores + " cores";
    }
}
