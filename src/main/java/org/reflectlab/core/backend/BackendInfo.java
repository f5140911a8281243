package org.reflectlab.core.backend;

import java.util.List;
import java.util.Map;
import org.reflectlab.core.text.Phrase;

/** What the compute backend turned out to be on this machine. */
public record BackendInfo(String backend, String blas, String binary, List<String> cpuFeatures,
                          int computeThreads, int cores, long maxMemoryBytes, long offHeapLimitBytes,
                          Map<String, String> versions, long startMillis) {

    /** One line for the status bar: "CPU · OpenBLAS 0.3.19 · AVX2 FMA AVX-512 · 1 compute thread". */
    public String summary() {
        return said().english();
    }

    /** {@link #summary()} as a phrase, for the app to say in the chosen language (the names stay as they are). */
    public Phrase said() {
        String features = cpuFeatures.isEmpty() ? "" : " · " + String.join(" ", cpuFeatures);
        return new Phrase(computeThreads == 1 ? "shell.backend.summary-one" : "shell.backend.summary", backend, blas, features,
                computeThreads, cores);
    }
}
