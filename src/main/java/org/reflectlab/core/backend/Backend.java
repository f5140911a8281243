package org.reflectlab.core.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starts ND4J with a deliberate thread count. On a 2-core machine one compute thread is faster
 * than two (OpenMP and OpenBLAS spin against each other and the JVM) and leaves a core to the
 * UI, so the default is cores - 1, at least 1. Override with -Dreflectlab.threads=N or the
 * REFLECTLAB_THREADS environment variable.
 */
public final class Backend {

    public static final String THREADS_PROPERTY = "reflectlab.threads";
    private static volatile BackendInfo info;

    private Backend() {
    }

    public static int configuredThreads() {
        String v = System.getProperty(THREADS_PROPERTY, System.getenv("REFLECTLAB_THREADS"));
        int cores = Runtime.getRuntime().availableProcessors();
        if (v != null && !v.isBlank()) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= 1 && n <= cores) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default; start() reports the count it used
            }
        }
        return Math.max(1, cores - 1);
    }

    /** Initialises ND4J (idempotent; takes 0.5-3 s the first time) and returns what it found. */
    public static synchronized BackendInfo start() {
        return start(configuredThreads());
    }

    public static synchronized BackendInfo start(int threads) {
        if (info != null && info.computeThreads() == threads) {
            return info;
        }
        long t0 = System.nanoTime();
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        setThreads(threads);
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        String binary = level(ops.binaryLevel()) + " build (this CPU supports " + level(ops.optimalLevel()) + ")";
        String backend = String.valueOf(env.getOrDefault("backend", "CPU"));
        Map<String, String> versions = versions();
        String blasVendor = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        String blas = blasVendor.equalsIgnoreCase("OPENBLAS")
                ? "OpenBLAS " + versions.getOrDefault("OpenBLAS", "") : blasVendor;
        long offHeap = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
        info = new BackendInfo("ND4J " + backend, blas.trim(), binary, cpuFeatures(), threads,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), offHeap,
                versions, (System.nanoTime() - t0) / 1_000_000);
        return info;
    }

    /** The info from the last start(), or null if the backend has not started. */
    public static BackendInfo current() {
        return info;
    }

    public static void setThreads(int threads) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        // with more than one lane the fast path cuts its products into row blocks itself, one per lane: OpenBLAS's own
        // threads would then compete with the lanes for the same cores (-Dreflectlab.gemm=openblas: the old split)
        Nd4j.factory().blas().setMaxThreads(org.reflectlab.core.nn.fast.Lanes.openblasThreads(threads));
        // the fast path's own work (Adam, element-wise kernels, attention) splits over as many lanes
        org.reflectlab.core.nn.fast.Lanes.set(threads);
    }

    private static String level(int level) {
        return switch (level) {
            case 1 -> "generic x86-64";
            case 2 -> "AVX2";
            case 3 -> "AVX-512";
            default -> "level " + level;
        };
    }

    /** The CPU's model name and its widest SIMD ("AMD EPYC, AVX-512"), to print beside every speed figure. */
    public static String cpuName() {
        String model = System.getProperty("os.arch", "unknown CPU");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // keep the architecture's name
        }
        List<String> f = cpuFeatures();
        String simd = f.contains("AVX-512") ? "AVX-512" : f.contains("AVX2") ? "AVX2" : "no AVX2";
        return model + ", " + simd + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** The SIMD features that matter for ND4J, read from /proc/cpuinfo (Linux). */
    static List<String> cpuFeatures() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    List<String> flags = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    addIf(out, flags, "sse4_2", "SSE4.2");
                    addIf(out, flags, "avx", "AVX");
                    addIf(out, flags, "avx2", "AVX2");
                    addIf(out, flags, "fma", "FMA");
                    addIf(out, flags, "avx512f", "AVX-512");
                    addIf(out, flags, "avx512_vnni", "VNNI");
                    addIf(out, flags, "avx512_bf16", "BF16");
                    break;
                }
            }
        } catch (IOException e) {
            out.add(System.getProperty("os.arch", "").toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private static void addIf(List<String> out, List<String> flags, String flag, String label) {
        if (flags.contains(flag)) {
            out.add(label);
        }
    }

    /** Versions of the stack, from the jars' Maven metadata. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        v.put("DL4J/ND4J", mavenVersion("org.nd4j", "nd4j-native"));
        v.put("JavaCPP", mavenVersion("org.bytedeco", "javacpp"));
        String openblas = mavenVersion("org.bytedeco", "openblas");
        v.put("OpenBLAS", openblas.contains("-") ? openblas.substring(0, openblas.indexOf('-')) : openblas);
        v.put("JavaFX", javafxVersion());
        return v;
    }

    static String mavenVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Backend.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String javafxVersion() {
        try (InputStream in = Backend.class.getResourceAsStream("/javafx.properties")) {
            if (in == null) {
                return "not on the class path";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("javafx.runtime.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
