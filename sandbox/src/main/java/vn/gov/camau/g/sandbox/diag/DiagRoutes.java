package vn.gov.camau.g.sandbox.diag;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.gov.camau.g.sandbox.auth.Caller;
import vn.gov.camau.g.sandbox.http.ErrorBody;
import vn.gov.camau.g.sandbox.http.SystemGate;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;
import vn.gov.camau.g.sandbox.systems.Systems;

/**
 * {@code /<system>/_diag/*}: what the gateway's proxy tests look at. Raw Vert.x routes, so a body
 * is streamed (the echo hashes 10 MB without holding it) and waits use timers, never a thread.
 * The {@link SystemGate} has already applied faults and authentication by the system's mode.
 */
@ApplicationScoped
public class DiagRoutes {

    static final int ORDER = 500;
    static final int MAX_SLOW_MS = 60_000;
    static final long MAX_BYTES = 100L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final Vertx vertx;
    private final Systems systems;

    DiagRoutes(Vertx vertx, Systems systems) {
        this.vertx = vertx;
        this.systems = systems;
    }

    void install(@Observes Router router) {
        for (SandboxSystem system : SandboxSystem.values()) {
            String base = system.prefix() + "/_diag";
            router.route(base + "/echo").order(ORDER).handler(this::echo);
            router.route(base + "/echo/*").order(ORDER).handler(this::echo);
            router.routeWithRegex(base.replace("-", "\\-") + "/status/([0-9]{1,3})")
                    .order(ORDER)
                    .handler(this::status);
            router.route(base + "/slow").order(ORDER).handler(this::slow);
            router.route(base + "/redirect").order(ORDER).handler(this::redirect);
            router.route(base + "/bytes").order(ORDER).handler(this::bytes);
            router.route(base + "/headers").order(ORDER).handler(this::headers);
            router.route(base + "/credentials").order(ORDER).handler(this::credentials);
        }
    }

    /** Any method: what arrived, with the body's length and SHA-256 computed as it streams in. */
    private void echo(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        SandboxSystem system = SystemGate.system(ctx);
        MessageDigest sha256 = sha256();
        long[] length = {0};
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
        request.handler(chunk -> {
            sha256.update(chunk.getByteBuf().nioBuffer());
            length[0] += chunk.length();
        });
        request.exceptionHandler(broken -> ctx.response().reset());
        request.endHandler(ended -> {
            JsonObject body = new JsonObject()
                    .put("length", length[0])
                    .put("sha256", HexFormat.of().formatHex(sha256.digest()));
            JsonObject echo = new JsonObject()
                    .put("system", system.id())
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers(request.headers()))
                    .put("body", body)
                    .put("authMode", systems.rules(system).mode().wireName())
                    .put("token", token(SystemGate.caller(ctx)))
                    .put("sample", true);
            json(ctx, 200, echo);
        });
        request.resume();
    }

    private void status(RoutingContext ctx) {
        ctx.request().resume();
        int code = Integer.parseInt(ctx.pathParam("param0"));
        SandboxSystem system = SystemGate.system(ctx);
        if (code < 200 || code > 599) {
            badRequest(ctx, "status must be 200..599");
            return;
        }
        if (code == 204 || code == 304) {
            ctx.response().setStatusCode(code).end();
            return;
        }
        json(
                ctx,
                code,
                new JsonObject().put("status", code).put("system", system.id()).put("sample", true));
    }

    private void slow(RoutingContext ctx) {
        ctx.request().resume();
        Long ms = longParam(ctx, "ms", 0, MAX_SLOW_MS);
        if (ms == null) {
            return;
        }
        SandboxSystem system = SystemGate.system(ctx);
        JsonObject answer =
                new JsonObject().put("sleptMs", ms).put("system", system.id()).put("sample", true);
        if (ms == 0) {
            json(ctx, 200, answer);
        } else {
            vertx.setTimer(ms, fired -> json(ctx, 200, answer));
        }
    }

    private void redirect(RoutingContext ctx) {
        ctx.request().resume();
        String to = ctx.request().getParam("to");
        if (to == null || to.isBlank()) {
            badRequest(ctx, "to is required");
            return;
        }
        Long status = longParam(ctx, "status", 301, 308);
        if (status == null) {
            return;
        }
        int code = ctx.request().getParam("status") == null ? 302 : status.intValue();
        if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
            badRequest(ctx, "status must be 301, 302, 303, 307 or 308");
            return;
        }
        ctx.response().putHeader("Location", to);
        json(
                ctx,
                code,
                new JsonObject()
                        .put("location", to)
                        .put("system", SystemGate.system(ctx).id()));
    }

    /** n bytes of a JSON document, streamed in 64 KB chunks as the client reads them. */
    private void bytes(RoutingContext ctx) {
        ctx.request().resume();
        Long n = longParam(ctx, "n", 0, MAX_BYTES);
        if (n == null) {
            return;
        }
        boolean chunked = "true".equalsIgnoreCase(ctx.request().getParam("chunked"));
        HttpServerResponse response =
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8");
        if (chunked) {
            response.setChunked(true);
        } else {
            response.putHeader("Content-Length", Long.toString(n));
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.end();
            return;
        }
        new Payload(response, n).write();
    }

    /** An answer with hop-by-hop headers a proxy must not pass on, and end-to-end ones it must. */
    private void headers(RoutingContext ctx) {
        ctx.request().resume();
        SandboxSystem system = SystemGate.system(ctx);
        ctx.response()
                .putHeader("Connection", "keep-alive, X-Hop")
                .putHeader("X-Hop", "secret")
                .putHeader("Keep-Alive", "timeout=5")
                .putHeader("Proxy-Authenticate", "Basic realm=\"upstream-proxy\"")
                .putHeader("X-End-To-End", "kept")
                .putHeader("X-Upstream", system.id());
        json(
                ctx,
                200,
                new JsonObject()
                        .put("system", system.id())
                        .put(
                                "hopByHop",
                                new JsonArray()
                                        .add("Connection")
                                        .add("X-Hop")
                                        .add("Keep-Alive")
                                        .add("Proxy-Authenticate"))
                        .put("endToEnd", new JsonArray().add("X-End-To-End").add("X-Upstream"))
                        .put("sample", true));
    }

    /** What authenticated the call, without repeating the credential (unlike the echo). */
    private void credentials(RoutingContext ctx) {
        ctx.request().resume();
        SandboxSystem system = SystemGate.system(ctx);
        Caller caller = SystemGate.caller(ctx);
        json(
                ctx,
                200,
                new JsonObject()
                        .put("system", system.id())
                        .put("authMode", systems.rules(system).mode().wireName())
                        .put("token", token(caller))
                        .put("apiKeyMatched", caller != null && caller.viaApiKey())
                        .put("sample", true));
    }

    private static JsonObject headers(MultiMap headers) {
        Map<String, JsonArray> sorted = new TreeMap<>();
        for (Map.Entry<String, String> header : headers) {
            sorted.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new JsonArray())
                    .add(header.getValue());
        }
        JsonObject result = new JsonObject();
        sorted.forEach(result::put);
        return result;
    }

    private static JsonObject token(Caller caller) {
        if (caller == null || caller.viaApiKey()) {
            return null;
        }
        return new JsonObject()
                .put("sub", caller.subject())
                .put("aud", new JsonArray(caller.audience()))
                .put("azp", caller.authorizedParty())
                .put("scope", caller.scope());
    }

    private Long longParam(RoutingContext ctx, String name, long min, long max) {
        String raw = ctx.request().getParam(name);
        if (raw == null) {
            return min;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        badRequest(ctx, name + " must be a whole number " + min + ".." + max);
        return null;
    }

    private static void badRequest(RoutingContext ctx, String why) {
        new ErrorBody(
                        "bad_request",
                        "Tham số không hợp lệ: " + why,
                        why,
                        400,
                        SystemGate.system(ctx).id())
                .send(ctx);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * {@code {"p":"0123456789abcdef0123…"}} of exactly n bytes (for n under 8, that many spaces):
     * JSON-ish, cheap to make, and written only as fast as the client takes it.
     */
    private static final class Payload {
        private static final byte[] PATTERN = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final byte[] HEAD = "{\"p\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final byte[] TAIL = "\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        private final HttpServerResponse response;
        private final long total;
        private long written;

        Payload(HttpServerResponse response, long total) {
            this.response = response;
            this.total = total;
        }

        void write() {
            while (written < total && !response.writeQueueFull()) {
                if (response.closed()) {
                    return;
                }
                int size = (int) Math.min(CHUNK, total - written);
                byte[] chunk = new byte[size];
                for (int i = 0; i < size; i++) {
                    chunk[i] = byteAt(written + i);
                }
                written += size;
                response.write(Buffer.buffer(chunk));
            }
            if (written >= total) {
                response.end();
            } else {
                response.drainHandler(drained -> write());
            }
        }

        private byte byteAt(long position) {
            if (total < HEAD.length + TAIL.length) {
                return ' ';
            }
            if (position < HEAD.length) {
                return HEAD[(int) position];
            }
            long fromEnd = total - position;
            if (fromEnd <= TAIL.length) {
                return TAIL[TAIL.length - (int) fromEnd];
            }
            return PATTERN[(int) ((position - HEAD.length) % PATTERN.length)];
        }
    }
}
