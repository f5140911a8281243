package org.reflectlab.core.serving.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.serving.WorkerBoard;

/**
 * The serving node's HTTP API on Pekko HTTP, bound on the node's own actor system:
 * {@code POST /v1/requests}, {@code GET /v1/routes}, {@code GET /health}, {@code GET /metrics}
 * (Prometheus text) and {@code GET /openapi.yaml}. Every request is checked here (size, media type,
 * JSON, route, input) before it can reach a worker; a body that does not arrive within the body
 * timeout is answered 408 and its connection closed. Problems are answered as one-line JSON
 * errors and logged as one line each.
 */
public final class ServingHttp implements AutoCloseable {

    /**
     * @param host interface to bind (127.0.0.1 unless told otherwise)
     * @param port 0 = any free port
     * @param maxBodyBytes larger bodies are answered 413
     * @param bodyTimeout a body still arriving after this is answered 408 and the connection closed
     * @param idleTimeout a connection with no bytes either way for this long is closed
     * @param maxConnections connections served at once; more wait in the accept backlog
     */
    public record Settings(String host, int port, long maxBodyBytes, Duration bodyTimeout, Duration idleTimeout, int maxConnections) {
        public static Settings defaults(int port) {
            return new Settings("127.0.0.1", port, 1 << 20, Duration.ofSeconds(5), Duration.ofSeconds(30), 1024);
        }

        public Settings withHost(String h) {
            return new Settings(h, port, maxBodyBytes, bodyTimeout, idleTimeout, maxConnections);
        }

        public Settings withLimits(long bodyBytes, Duration body, Duration idle) {
            return new Settings(host, port, bodyBytes, body, idle, maxConnections);
        }
    }

    static final String OPENAPI = "/org/reflectlab/core/serving/http/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType YAML = ContentTypes.create(MediaTypes.applicationWithOpenCharset("yaml"),
            org.apache.pekko.http.javadsl.model.HttpCharsets.UTF_8);
    private static final ContentType PROMETHEUS = ContentTypes.parse("text/plain; version=0.0.4; charset=UTF-8");

    private final ServingNode node;
    private final Settings settings;
    private final Consumer<String> log;
    private final SceneInputs scenes = new SceneInputs(1);
    private final int imageSize;
    private final String openapi;
    private final ServerBinding binding;

    private ServingHttp(ServingNode node, Settings settings, Consumer<String> log) {
        this.node = node;
        this.settings = settings;
        this.log = log;
        this.imageSize = ((Payload.Image) scenes.scene(Modality.IMAGE, 0)).image().width();
        this.openapi = resource(OPENAPI);
        ServerSettings server = ServerSettings.create(ConfigFactory.parseString(
                "pekko.http.server.idle-timeout = " + settings.idleTimeout().toMillis() + "ms\n"
                        + "pekko.http.server.request-timeout = " + (ApiRequest.MAX_DEADLINE_MS + 10_000) + "ms\n"
                        + "pekko.http.server.max-connections = " + settings.maxConnections() + "\n"
                        + "pekko.http.server.parsing.max-content-length = " + settings.maxBodyBytes() + "\n"
                        + "pekko.http.server.server-header = reflectlab\n"
                        + "pekko.http.server.parsing.illegal-header-warnings = off\n")
                .withFallback(node.actorSystem().settings().config()));
        try {
            binding = Http.get(node.actorSystem()).newServerAt(settings.host(), settings.port()).withSettings(server)
                    .bind(this::handle).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot serve HTTP on " + settings.host() + ":" + settings.port() + ": "
                    + (c instanceof java.net.BindException || String.valueOf(c.getMessage()).contains("Address already in use")
                    ? "the port is in use (another server?); choose another with --http PORT" : c.getMessage()), e);
        }
    }

    /** Binds the API on the node's actor system; throws IllegalStateException with one line if it cannot. */
    public static ServingHttp start(ServingNode node, Settings settings, Consumer<String> log) {
        return new ServingHttp(node, settings, log);
    }

    public int port() {
        return binding.localAddress().getPort();
    }

    public String address() {
        return binding.localAddress().getHostString() + ":" + port();
    }

    private CompletionStage<HttpResponse> handle(HttpRequest req) {
        // a request's deadline runs from here: reading its body and any backlog in front of the router count
        long arrived = System.nanoTime();
        String path = req.getUri().path();
        String method = req.method().value();
        try {
            return switch (path) {
                case "/v1/requests" -> method.equals("POST") ? serve(req, arrived) : done(req, notAllowed("POST"));
                case "/v1/routes" -> method.equals("GET") ? done(req, json(200, routes())) : done(req, notAllowed("GET"));
                case "/health" -> method.equals("GET") ? done(req, health()) : done(req, notAllowed("GET"));
                case "/metrics" -> method.equals("GET") ? done(req, HttpResponse.create().withEntity(HttpEntities.create(PROMETHEUS,
                        PrometheusText.render(node).getBytes(StandardCharsets.UTF_8)))) : done(req, notAllowed("GET"));
                case "/openapi.yaml" -> method.equals("GET") ? done(req, HttpResponse.create().withEntity(HttpEntities.create(YAML, openapi.getBytes(StandardCharsets.UTF_8))))
                        : done(req, notAllowed("GET"));
                default -> done(req, error(404, "no such path '" + ApiRequest.cut(path, 60)
                        + "'; the API is POST /v1/requests, GET /v1/routes, /health, /metrics, /openapi.yaml"));
            };
        } catch (RuntimeException e) {
            return done(req, error(500, "internal error (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private CompletionStage<HttpResponse> serve(HttpRequest req, long arrived) {
        ContentType type = req.entity().getContentType();
        if (!type.mediaType().equals(MediaTypes.APPLICATION_JSON)) {
            req.discardEntityBytes(node.actorSystem());
            return done(req, error(415, "the body must be application/json, not " + type.mediaType()));
        }
        Optional<Long> declared = req.entity().getContentLengthOption().isPresent()
                ? Optional.of(req.entity().getContentLengthOption().getAsLong()) : Optional.empty();
        if (declared.isPresent() && declared.get() > settings.maxBodyBytes()) {
            req.discardEntityBytes(node.actorSystem());
            return done(req, tooLarge(declared.get()));
        }
        Optional<EarlyRoute> early;
        try {
            early = EarlyRoute.of(req.getUri().query());
        } catch (ApiRequest.Problem p) {
            req.discardEntityBytes(node.actorSystem());
            return done(req, error(p.status, p.getMessage()));
        }
        ServingNode.Ahead ahead = null;
        if (early.isPresent()) {
            // the route is on the request line: admission decides now, and an overloaded route is refused with its body never
            // read (discarded as it arrives; a body still on its way closes the connection rather than keep a refused upload
            // going); an admitted one holds its place while its body arrives, so that no refusal comes after that wait
            EarlyRoute e = early.get();
            Duration deadline = e.deadline() != null ? e.deadline() : node.config().deadline(Reply.route(e.from(), e.to()));
            ahead = node.admitAhead(e.from(), e.to(), deadline, arrived);
            Optional<Reply.Rejected> no = ahead.refused();
            if (no.isPresent()) {
                boolean streaming = !(req.entity() instanceof org.apache.pekko.http.javadsl.model.HttpEntity.Strict);
                req.discardEntityBytes(node.actorSystem());
                HttpResponse r = timed(respond(no.get(), Negotiation.Choice.JSON, 0), no.get(), arrived);
                return done(req, streaming ? r.addHeader(org.apache.pekko.http.javadsl.model.headers.Connection.create("close")) : r);
            }
        }
        ServingNode.Ahead held = ahead;
        return req.entity().toStrict(settings.bodyTimeout().toMillis(), settings.maxBodyBytes(), node.actorSystem())
                .handle((body, e) -> e == null ? answer(req, body.getData().toArray(), arrived, early.orElse(null), held)
                        : CompletableFuture.completedFuture(unread(e, held)))
                .thenCompose(x -> x)
                .thenApply(r -> logged(req, r));
    }

    /** Why a body could not be read: too large (413), too slow (408, and the connection is closed), or broken. */
    private HttpResponse unread(Throwable e, ServingNode.Ahead held) {
        if (held != null) {
            held.giveBack();
        }
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof EntityStreamSizeException) {
            return tooLarge(-1);
        }
        if (c instanceof TimeoutException) {
            return error(408, "the body did not arrive within " + settings.bodyTimeout().toMillis() + " ms; closing")
                    .addHeader(org.apache.pekko.http.javadsl.model.headers.Connection.create("close"));
        }
        return error(400, "the body could not be read (" + c.getClass().getSimpleName() + ")");
    }

    private CompletionStage<HttpResponse> answer(HttpRequest req, byte[] body, long arrived, EarlyRoute early, ServingNode.Ahead held) {
        ApiRequest r;
        Negotiation.Choice choice;
        try {
            r = ApiRequest.parse(body);
            if (early != null) {
                early.check(r);
            }
            choice = Negotiation.choose(req.getHeader("Accept").map(h -> h.value()).orElse("*/*"), r.to());
        } catch (ApiRequest.Problem p) {
            if (held != null) {
                held.giveBack();
            }
            return CompletableFuture.completedFuture(error(p.status, p.getMessage()));
        }
        Duration deadline = r.deadline() != null ? r.deadline()
                : early != null && early.deadline() != null ? early.deadline() : node.config().deadline(Reply.route(r.from(), r.to()));
        CompletionStage<Reply> reply;
        try {
            // admission first, on this thread: the input is decoded only for a request that will run
            if (held != null && deadline.equals(held.deadline())) {
                reply = held.run(() -> r.payload(scenes, imageSize));
            } else {
                if (held != null) {
                    held.giveBack(); // admitted with the route's default deadline, but the body asks for another: decided again
                }
                reply = node.request(r.from(), () -> r.payload(scenes, imageSize), r.to(), deadline, arrived);
            }
        } catch (ApiRequest.Problem p) {
            return CompletableFuture.completedFuture(error(p.status, p.getMessage()));
        }
        return reply.thenApply(x -> timed(respond(x, choice, (System.nanoTime() - arrived) / 1e6), x, arrived));
    }

    /** Refusals and timeouts carry the server's own time too, so a client can tell its own delays from the server's. */
    private static HttpResponse timed(HttpResponse r, Reply x, long arrived) {
        return x instanceof Reply.Completed ? r : r.addHeader(RawHeader.create("Server-Timing",
                String.format(Locale.ROOT, "total;dur=%.2f", (System.nanoTime() - arrived) / 1e6)));
    }

    private HttpResponse respond(Reply r, Negotiation.Choice choice, double ms) {
        if (r instanceof Reply.Completed c) {
            String timing = String.format(Locale.ROOT, "encode;dur=%.2f, decode;dur=%.2f, total;dur=%.2f", c.encodeMillis(), c.decodeMillis(), ms);
            HttpResponse out = choice == Negotiation.Choice.JSON ? json(200, completedJson(c, ms)) : native200(c.output());
            out = out.addHeader(RawHeader.create("Server-Timing", timing))
                    .addHeader(RawHeader.create("X-Request-Id", Long.toString(c.requestId())))
                    .addHeader(RawHeader.create("X-Workers", c.encodedBy() + "," + c.decodedBy()));
            return c.notUnderstood() == null ? out : out.addHeader(RawHeader.create("X-Not-Understood", ApiRequest.cut(c.notUnderstood(), 200)));
        }
        if (r instanceof Reply.Rejected j) {
            HttpResponse out = error(503, j.reason());
            // Retry-After is whole seconds: round the predicted drain time up
            return j.shed() ? out.addHeader(RawHeader.create("Retry-After", Long.toString(Math.max(1, (j.retryAfterMillis() + 999) / 1000))))
                    .addHeader(RawHeader.create("X-Retry-After-Ms", Long.toString(j.retryAfterMillis()))) : out;
        }
        if (r instanceof Reply.TimedOut t) {
            return error(504, "timed out after admission: " + t.where());
        }
        return error(500, ((Reply.Failed) r).reason());
    }

    private static HttpResponse native200(Payload p) {
        if (p instanceof Payload.Image i) {
            return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.create(MediaTypes.IMAGE_PNG), Media.png(i.image())));
        }
        if (p instanceof Payload.Audio a) {
            return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.create(MediaTypes.AUDIO_WAV), Media.wav(a.clip())));
        }
        return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, ((Payload.Text) p).text() + "\n"));
    }

    private static ObjectNode completedJson(Reply.Completed c, double ms) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.requestId()).put("route", c.route());
        ObjectNode out = o.putObject("output");
        if (c.output() instanceof Payload.Text t) {
            out.put("type", "text/plain").put("caption", t.text());
        } else if (c.output() instanceof Payload.Image i) {
            out.put("type", "image/png").put("base64", Base64.getEncoder().encodeToString(Media.png(i.image())));
        } else {
            out.put("type", "audio/wav").put("base64", Base64.getEncoder().encodeToString(Media.wav(((Payload.Audio) c.output()).clip())));
        }
        o.put("encoded_by", c.encodedBy()).put("encode_note", c.encodeNote()).put("decoded_by", c.decodedBy())
                .put("decode_note", c.decodeNote());
        if (c.notUnderstood() != null) {
            o.put("not_understood", c.notUnderstood());
        }
        o.putObject("timings_ms").put("encode", round(c.encodeMillis())).put("decode", round(c.decodeMillis())).put("total", round(ms));
        return o;
    }

    private ObjectNode routes() {
        ObjectNode o = JSON.createObjectNode();
        Map<Modality, Integer> reach = node.reachableWorkers();
        ArrayNode list = o.putArray("routes");
        for (Modality in : Modality.values()) {
            for (Modality out : Modality.values()) {
                String route = Reply.route(in, out);
                ObjectNode r = list.addObject();
                r.put("route", route).put("from", in.word()).put("to", out.word())
                        .put("deadline_ms", node.config().deadline(route).toMillis())
                        .put("available", reach.getOrDefault(in, 0) > 0 && reach.getOrDefault(out, 0) > 0);
                r.putArray("inputs").add(in == Modality.TEXT ? "caption" : in.word()).add("scene");
                r.put("produces", switch (out) {
                    case TEXT -> "text/plain";
                    case IMAGE -> "image/png";
                    case AUDIO -> "audio/wav";
                });
            }
        }
        o.put("scenes", SceneInputs.SCENES);
        o.put("image_size", imageSize);
        return o;
    }

    private HttpResponse health() {
        Map<Modality, Integer> reach = node.reachableWorkers();
        ObjectNode o = JSON.createObjectNode();
        boolean ready = true;
        ObjectNode workers = o.putObject("workers");
        for (Modality m : node.config().roles()) {
            int n = reach.getOrDefault(m, 0);
            workers.put(m.word(), n);
            ready &= n > 0;
        }
        long degraded = node.board().views().stream().filter(v -> v.state() == WorkerBoard.State.DEGRADED).count();
        o.put("status", ready ? (degraded == 0 ? "ready" : "degraded") : "unavailable").put("degraded_workers", degraded)
                .put("node", node.address());
        return json(ready ? 200 : 503, o);
    }

    private HttpResponse tooLarge(long bytes) {
        return error(413, "the body is " + (bytes >= 0 ? bytes + " bytes" : "larger than the limit") + "; the limit is "
                + settings.maxBodyBytes() + " bytes").addHeader(org.apache.pekko.http.javadsl.model.headers.Connection.create("close"));
    }

    private static HttpResponse notAllowed(String allow) {
        return error(405, "this path takes " + allow).addHeader(RawHeader.create("Allow", allow));
    }

    static HttpResponse error(int status, String message) {
        ObjectNode o = JSON.createObjectNode().put("status", status).put("error", message);
        return json(status, o);
    }

    private static HttpResponse json(int status, ObjectNode o) {
        return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, o.toString()));
    }

    private CompletionStage<HttpResponse> done(HttpRequest req, HttpResponse r) {
        return CompletableFuture.completedFuture(logged(req, r));
    }

    /** Problems leave one line on the log (successes none): the status, method, path and the reason. */
    private HttpResponse logged(HttpRequest req, HttpResponse r) {
        int s = r.status().intValue();
        if (s >= 400 && s != 503) {
            log.accept(s + " " + req.method().value() + " " + ApiRequest.cut(req.getUri().path(), 60) + ": " + errorText(r));
        }
        return r;
    }

    private static String errorText(HttpResponse r) {
        if (r.entity() instanceof org.apache.pekko.http.javadsl.model.HttpEntity.Strict st) {
            return ApiRequest.cut(st.getData().utf8String(), 200);
        }
        return "";
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    private static String resource(String name) {
        try (InputStream in = ServingHttp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            binding.terminate(java.time.Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the node's actor system goes away next; nothing to keep
        }
    }
}
