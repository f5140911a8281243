package org.reflectlab.cli;

import picocli.CommandLine.Option;

/** How each image is sampled and how much reflection context it reads: shared by reflect, geneval and sweep. */
final class SamplingOptions {

    @Option(names = "--steps", defaultValue = "8", description = "Sampling steps per image (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--guidance", defaultValue = "2.0", description = "Classifier-free guidance, 1 = none (default: ${DEFAULT-VALUE}).")
    double guidance;
    @Option(names = "--context", defaultValue = "3", description = "(image, feedback) pairs in context, 1..3 (default: ${DEFAULT-VALUE}).")
    int context;
}
