package org.reflectlab.core.serving;

/** How a request ended: exactly one of these, always. */
public sealed interface Reply {

    long requestId();

    /** "text->image". */
    String route();

    /** The output, how each step was made, and which workers made it. */
    record Completed(long requestId, String route, Payload output, String encodeNote, String decodeNote,
                     String encodedBy, String decodedBy) implements Reply {
    }

    /** No answer within the budget; the job was cancelled at its worker. */
    record TimedOut(long requestId, String route, String where) implements Reply {
    }

    /** Refused at once (full queues, no worker for a modality, node shutting down). */
    record Rejected(long requestId, String route, String reason) implements Reply {
    }

    /** A worker answered with an error (bad input, a crash while it held the request). */
    record Failed(long requestId, String route, String reason) implements Reply {
    }

    static String route(Modality in, Modality out) {
        return in.word() + "->" + out.word();
    }
}
