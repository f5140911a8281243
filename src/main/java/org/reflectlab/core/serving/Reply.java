package org.reflectlab.core.serving;

/** How a request ended: exactly one of these, always. */
public sealed interface Reply {

    long requestId();

    /** "text->image". */
    String route();

    /**
     * The output, how each step was made, which workers made it, and how long each step took as the
     * request's handler saw it (waiting at the worker included).
     *
     * @param notUnderstood what of a decoded caption was not understood and left out of the answer; null when all was
     */
    record Completed(long requestId, String route, Payload output, String encodeNote, String decodeNote,
                     String encodedBy, String decodedBy, String notUnderstood, double encodeMillis, double decodeMillis)
            implements Reply {
    }

    /** No answer within the budget; the job was cancelled at its worker. */
    record TimedOut(long requestId, String route, String where) implements Reply {
    }

    /**
     * Refused at once (it could not finish within its deadline, full queues, no worker for a modality,
     * node shutting down).
     *
     * @param retryAfterMillis when the queues should have drained enough to admit it; 0 when waiting would not help
     */
    record Rejected(long requestId, String route, String reason, long retryAfterMillis) implements Reply {
        /** Shed by admission control (overload), as opposed to refused for want of a worker. */
        public boolean shed() {
            return retryAfterMillis > 0;
        }
    }

    /** A worker answered with an error (bad input, a crash while it held the request). */
    record Failed(long requestId, String route, String reason) implements Reply {
    }

    static String route(Modality in, Modality out) {
        return in.word() + "->" + out.word();
    }
}
