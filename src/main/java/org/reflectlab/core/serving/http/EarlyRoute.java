package org.reflectlab.core.serving.http;

import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.Query;
import org.reflectlab.core.serving.Modality;

/**
 * The route a request names on its request line ({@code POST /v1/requests?from=text&to=image&deadline_ms=500}),
 * so that admission can refuse it before its body is read: under overload a refusal then costs neither the
 * body's bytes nor its JSON, and a client sending a large body is told at once instead of after the upload.
 * The body stays the request: if it says otherwise than the query, the request is answered 400.
 *
 * @param deadline null = the route's default (or the body's deadline_ms)
 */
record EarlyRoute(Modality from, Modality to, Duration deadline) {

    /** The query's route, or empty when it names none (then admission decides once the body is in). */
    static Optional<EarlyRoute> of(Query q) {
        Optional<String> from = q.get("from");
        Optional<String> to = q.get("to");
        Optional<String> deadline = q.get("deadline_ms");
        if (from.isEmpty() && to.isEmpty() && deadline.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new ApiRequest.Problem(400, "the query names a route with both 'from' and 'to' (e.g. ?from=text&to=image), or neither");
        }
        Duration d = null;
        if (deadline.isPresent()) {
            long ms;
            try {
                ms = Long.parseLong(deadline.get());
            } catch (NumberFormatException e) {
                ms = -1;
            }
            if (ms < 1 || ms > ApiRequest.MAX_DEADLINE_MS) {
                throw new ApiRequest.Problem(400, "the query's 'deadline_ms' is a whole number of milliseconds from 1 to "
                        + ApiRequest.MAX_DEADLINE_MS + ", not " + ApiRequest.cut(deadline.get(), 20));
            }
            d = Duration.ofMillis(ms);
        }
        return Optional.of(new EarlyRoute(modality(from.get(), "from"), modality(to.get(), "to"), d));
    }

    /** The body must say what the query said (from, to, and deadline_ms where both give one). */
    void check(ApiRequest body) {
        if (body.from() != from || body.to() != to) {
            throw new ApiRequest.Problem(400, "the query names " + from.word() + "->" + to.word() + " but the body asks for "
                    + body.from().word() + "->" + body.to().word());
        }
        if (deadline != null && body.deadline() != null && !deadline.equals(body.deadline())) {
            throw new ApiRequest.Problem(400, "the query's deadline_ms is " + deadline.toMillis() + " but the body's is "
                    + body.deadline().toMillis());
        }
    }

    private static Modality modality(String word, String field) {
        try {
            return Modality.parse(word);
        } catch (IllegalArgumentException e) {
            throw new ApiRequest.Problem(404, "no route " + field + " '" + ApiRequest.cut(word, 20)
                    + "': routes go from text, image or audio to text, image or audio");
        }
    }
}
