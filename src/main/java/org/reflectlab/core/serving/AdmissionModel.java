package org.reflectlab.core.serving;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * What admission predicts with: for each worker, the jobs it holds per stage (encode, decode) and,
 * given each worker's time per job per stage, when a new request would finish. A worker's encode and
 * decode cost differently (the audio worker reads a spectrum to encode and synthesizes a clip to
 * decode; the text worker runs an encoder, or a decoder plus a parser), so one time per job for
 * both would over-refuse one route and over-admit another. A request's decode cannot start before
 * its encode is done, while the decoder works off what it holds in parallel: on two workers the
 * request finishes at max(encoder's work + its encode, decoder's work) + its decode; on one worker
 * the two are serial. The router's, not thread-safe.
 *
 * @param <W> how a worker is named (an actor reference in the router, a string in tests)
 */
final class AdmissionModel<W> {

    private static final class Held {
        int encode;
        int decode;

        int total() {
            return encode + decode;
        }
    }

    private final Map<W, Held> held = new HashMap<>();
    private final ToDoubleBiFunction<W, Stage> cost;

    /** @param cost a worker's time per job of a stage in ms (never NaN: the caller substitutes its prior) */
    AdmissionModel(ToDoubleBiFunction<W, Stage> cost) {
        this.cost = cost;
    }

    void admit(W encoder, W decoder) {
        held(encoder).encode++;
        held(decoder).decode++;
    }

    void release(W worker, Stage stage) {
        Held h = held.get(worker);
        if (h != null) {
            if (stage == Stage.ENCODE) {
                h.encode = Math.max(0, h.encode - 1);
            } else {
                h.decode = Math.max(0, h.decode - 1);
            }
        }
    }

    void forget(W worker) {
        held.remove(worker);
    }

    /** Jobs the worker holds, both stages. */
    int inFlight(W worker) {
        Held h = held.get(worker);
        return h == null ? 0 : h.total();
    }

    /** Predicted ms for the worker to work off what it holds now. */
    double work(W worker) {
        Held h = held.get(worker);
        return h == null ? 0 : h.encode * cost.applyAsDouble(worker, Stage.ENCODE) + h.decode * cost.applyAsDouble(worker, Stage.DECODE);
    }

    /** Predicted ms from now until a request admitted now on these workers has its answer. */
    double finishMillis(W encoder, W decoder) {
        double enc = cost.applyAsDouble(encoder, Stage.ENCODE);
        double dec = cost.applyAsDouble(decoder, Stage.DECODE);
        if (encoder.equals(decoder)) {
            return work(encoder) + enc + dec;
        }
        return Math.max(work(encoder) + enc, work(decoder)) + dec;
    }

    private Held held(W w) {
        return held.computeIfAbsent(w, k -> new Held());
    }
}
