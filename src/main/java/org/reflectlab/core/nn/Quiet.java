package org.reflectlab.core.nn;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs code with System.out silenced. SameDiff M2.1 prints a line per op to stdout while it
 * builds a gradient graph, which would flood the CLI's tables.
 */
public final class Quiet {

    private Quiet() {
    }

    public static synchronized void run(Runnable r) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
    }
}
