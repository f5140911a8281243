package org.reflectlab.core.reflect;

import java.util.List;
import org.reflectlab.core.data.Caption;

/** A whole reflection run; the final image is the last iteration's. */
public record ReflectionRun(Caption prompt, ReflectSettings settings, List<Iteration> iterations, boolean stoppedEarly,
                            boolean cancelled) {

    public Iteration last() {
        return iterations.isEmpty() ? null : iterations.get(iterations.size() - 1);
    }

    public double nfe() {
        return iterations.isEmpty() ? 0 : last().nfe();
    }
}
