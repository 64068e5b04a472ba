package vn.gov.camau.g.sandbox.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.gov.camau.g.sandbox.auth.AuthFailure;
import vn.gov.camau.g.sandbox.auth.Authenticator;
import vn.gov.camau.g.sandbox.auth.Caller;
import vn.gov.camau.g.sandbox.faults.FaultSettings;
import vn.gov.camau.g.sandbox.faults.Faults;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;
import vn.gov.camau.g.sandbox.systems.Systems;

/**
 * The front door of every system: runs before any route under {@code /<system>/}, on the event
 * loop and without blocking. It applies the system's faults (latency, outage, error rate,
 * malformed), refuses business bodies over the system's limit, authenticates the caller by the
 * system's auth mode, and only then lets the request through with the {@link Caller} attached.
 * The request body is paused meanwhile, so nothing is read (or lost) before a route wants it.
 */
@ApplicationScoped
public class SystemGate {

    /** After Quarkus's own body-size check (-2) and compression (0), before every route. */
    public static final int ORDER = 100;

    private static final String SYSTEM = "camau.sandbox.system";
    private static final String CALLER = "camau.sandbox.caller";
    private static final String MALFORMED_BODY = "{\"sample\": true, \"items\": [{\"id\": \"9f3c";
    private static final Logger LOG = Logger.getLogger(SystemGate.class);

    private final Vertx vertx;
    private final Faults faults;
    private final Systems systems;
    private final Authenticator authenticator;

    SystemGate(Vertx vertx, Faults faults, Systems systems, Authenticator authenticator) {
        this.vertx = vertx;
        this.faults = faults;
        this.systems = systems;
        this.authenticator = authenticator;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    /** The caller the gate let through (null outside a system's routes). */
    public static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }

    public static SandboxSystem system(RoutingContext ctx) {
        return ctx.get(SYSTEM);
    }

    public static boolean isDiag(String path) {
        int second = path.indexOf('/', 1);
        return second > 0 && path.startsWith("/_diag", second);
    }

    private void handle(RoutingContext ctx) {
        Optional<SandboxSystem> found = SandboxSystem.ofPath(ctx.normalizedPath());
        if (found.isEmpty()) {
            ctx.next();
            return;
        }
        SandboxSystem system = found.get();
        HttpServerRequest request = ctx.request();
        ctx.put(SYSTEM, system);
        ctx.response().putHeader("X-Upstream", system.id());
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            ctx.response().putHeader("X-Request-Id", requestId);
        }
        request.pause();
        long delay = faults.delayMs(system);
        if (delay > 0) {
            vertx.setTimer(delay, fired -> afterDelay(ctx, system));
        } else {
            afterDelay(ctx, system);
        }
    }

    private void afterDelay(RoutingContext ctx, SandboxSystem system) {
        HttpServerRequest request = ctx.request();
        if (ctx.response().closed()) {
            return;
        }
        FaultSettings settings = faults.settings(system);
        if (settings.outage()) {
            request.connection().close();
            return;
        }
        if (faults.nextCallFails(system)) {
            if (settings.errorStatus() == 503 || settings.errorStatus() == 429) {
                ctx.response().putHeader("Retry-After", "1");
            }
            refuse(
                    ctx,
                    new ErrorBody(
                            "fault_injected",
                            "Lỗi giả lập của hệ thống (sandbox).",
                            "An error injected by the sandbox's fault settings.",
                            settings.errorStatus(),
                            system.id()));
            return;
        }
        if (settings.malformed()) {
            ctx.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(MALFORMED_BODY);
            request.resume();
            return;
        }
        if (!isDiag(ctx.normalizedPath())
                && tooLarge(request, systems.rules(system).maxRequestBody())) {
            refuse(
                    ctx,
                    new ErrorBody(
                            "payload_too_large",
                            "Dữ liệu gửi lên vượt quá giới hạn của hệ thống.",
                            "The request body is larger than the system takes.",
                            413,
                            system.id()));
            return;
        }
        Context context = Vertx.currentContext();
        Future<Caller> authenticated = authenticator.authenticate(system, request);
        if (authenticated.isComplete()) {
            proceed(ctx, system, authenticated);
        } else {
            authenticated.onComplete(done -> context.runOnContext(back -> proceed(ctx, system, authenticated)));
        }
    }

    /** Lets the authenticated call through to its route, or answers why not. */
    private static void proceed(RoutingContext ctx, SandboxSystem system, Future<Caller> outcome) {
        HttpServerRequest request = ctx.request();
        if (ctx.response().closed()) {
            return;
        }
        if (outcome.succeeded()) {
            ctx.put(CALLER, outcome.result());
            ctx.next();
            request.resume();
        } else if (outcome.cause() instanceof AuthFailure failure) {
            if (failure.challenge() != null) {
                ctx.response()
                        .putHeader(
                                "WWW-Authenticate",
                                "Bearer realm=\"" + system.id() + "\""
                                        + (failure.challenge().isEmpty() ? "" : ", " + failure.challenge()));
            } else if (failure.status() == 503) {
                ctx.response().putHeader("Retry-After", "5");
            }
            refuse(
                    ctx,
                    new ErrorBody(
                            failure.error(), failure.messageVi(), failure.messageEn(), failure.status(), system.id()));
        } else {
            LOG.errorf(outcome.cause(), "Authentication failed unexpectedly for %s", system.id());
            refuse(ctx, new ErrorBody("internal_error", "Lỗi hệ thống.", "Internal error.", 500, system.id()));
        }
    }

    /** Answers without reading the body; the body that still arrives is drained, so the connection stays usable. */
    private static void refuse(RoutingContext ctx, ErrorBody error) {
        error.send(ctx);
        ctx.request().resume();
    }

    private static boolean tooLarge(HttpServerRequest request, long limit) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
