package vn.gov.camau.g.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.gateway.catalog.Catalog;
import vn.gov.camau.g.gateway.catalog.CatalogSnapshot;
import vn.gov.camau.g.gateway.catalog.Viewer;
import vn.gov.camau.g.gateway.http.EdgeFilter;
import vn.gov.camau.g.gateway.http.RequestIds;
import vn.gov.camau.g.gateway.identity.VerifiedTokens;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemType;
import vn.gov.camau.g.gateway.problem.ProblemWriter;

/**
 * {@code /api/v1/apps/{id}/api/**}: forwards a call to a sectoral system as its manifest declares
 * it. Bodies stream both ways (never held whole); each system has its own deadline, retries within
 * a budget, circuit breaker and bulkhead, so a slow or failing system cannot slow the others.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    private static final String PREFIX = "/api/v1/apps/";
    /**
     * Right after the edge filter, before Quarkus's CORS, authentication, authorization and REST
     * routes: a proxied call needs none of them (its token is verified here, with the cache of
     * verified tokens), and skipping them is most of what a call costs (docs/architecture.md).
     */
    private static final int ORDER = -9_000;
    /** Quarkus's HTTP metrics label a request with this context local when it is set. */
    private static final String METRICS_PATH_TEMPLATE = "UrlPathTemplate";

    private static final String UNKNOWN_SYSTEM_TEMPLATE = "/api/v1/apps/{id}/api/**";

    static final Set<String> NOT_FORWARDED = HopByHop.caseInsensitive(
            "authorization",
            "host",
            "cookie",
            "x-forwarded-for",
            "x-forwarded-proto",
            "x-forwarded-host",
            "x-request-id",
            "content-length",
            "expect");
    private static final Set<String> NOT_RETURNED =
            HopByHop.caseInsensitive("set-cookie", "x-request-id", "content-length");
    private static final Set<HttpMethod> IDEMPOTENT =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    private static final Localized UNKNOWN_SYSTEM =
            new Localized("Không có hệ thống nào có API với mã này.", "There is no system with an API under this id.");
    private static final Localized UNDECLARED_ROUTE = new Localized(
            "Hệ thống này không cung cấp tuyến này qua Cà Mau G.",
            "This system does not offer this route through Cà Mau G.");
    private static final Localized NOT_FOR_YOU = new Localized(
            "Tài khoản của bạn không được dùng hệ thống hoặc tuyến này.",
            "Your account may not use this system or route.");
    private static final Localized TOO_LARGE = new Localized(
            "Nội dung gửi lên vượt quá giới hạn của hệ thống này.", "The body is larger than this system accepts.");
    private static final Localized BREAKER_OPEN = new Localized(
            "Hệ thống đang gặp sự cố; Cà Mau G tạm ngừng gọi để hệ thống phục hồi.",
            "The system is failing; Cà Mau G has stopped calling it for a while so it can recover.");
    private static final Localized BUSY = new Localized(
            "Hệ thống đang xử lý quá nhiều yêu cầu; hãy thử lại sau.",
            "The system is handling too many calls; try again shortly.");
    private static final Localized FOREIGN_REDIRECT = new Localized(
            "Hệ thống chuyển hướng sang một máy chủ khác; Cà Mau G không đi theo.",
            "The system redirected to another host; Cà Mau G does not follow.");
    private static final Localized SIGN_ON_FAILED = new Localized(
            "Không lấy được mã truy cập cho hệ thống này.", "No access token could be had for this system.");

    private final Catalog catalog;
    private final RouteTable routes;
    private final SystemGuards guards;
    private final RoutingConfig config;
    private final UpstreamAuthorization authorizations;
    private final ClientQuotas quotas;
    private final ProblemWriter problems;
    private final VerifiedTokens tokens;
    private final Vertx vertx;
    private HttpClient client;

    ProxyHandler(
            Catalog catalog,
            RouteTable routes,
            SystemGuards guards,
            RoutingConfig config,
            UpstreamAuthorization authorizations,
            ClientQuotas quotas,
            ProblemWriter problems,
            VerifiedTokens tokens,
            Vertx vertx) {
        this.catalog = catalog;
        this.routes = routes;
        this.guards = guards;
        this.config = config;
        this.authorizations = authorizations;
        this.quotas = quotas;
        this.problems = problems;
        this.tokens = tokens;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(256)
                .setConnectTimeout(2_000)
                .setDecompressionSupported(false)
                .setTryUseCompression(false));
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            // The normalised path: dot segments are gone before the route is matched.
            ProxiedPath proxied = ProxiedPath.parse(context.normalizedPath());
            if (proxied == null) {
                context.next();
            } else {
                handle(context, proxied.systemId(), proxied.path());
            }
        });
    }

    /** Whether a path is a proxied call (its body limits are the system's, not the gateway API's). */
    public static boolean isProxied(String path) {
        return ProxiedPath.parse(path) != null;
    }

    private void handle(RoutingContext context, String systemId, String path) {
        HttpServerRequest request = context.request();
        request.pause();
        CatalogSnapshot.Entry entry = catalog.current().enabled(systemId).orElse(null);
        AppManifest app = entry == null ? null : entry.manifest();
        if (app == null || app.kind() != AppManifest.Kind.API || app.upstream() == null) {
            // Unknown ids share one metrics series, so probing random ids cannot grow the metrics.
            ContextLocals.put(METRICS_PATH_TEMPLATE, UNKNOWN_SYSTEM_TEMPLATE);
            refuse(request, ProblemType.NOT_FOUND, UNKNOWN_SYSTEM);
            return;
        }
        RouteTable.CompiledSystem system = routes.of(app);
        ContextLocals.put(METRICS_PATH_TEMPLATE, system.metricsPath());
        String token = bearerToken(request);
        if (token == null) {
            authorized(request, system, path, Viewer.ANONYMOUS, null, null);
            return;
        }
        VerifiedTokens.VerifiedToken known = tokens.cached(token);
        if (known != null) {
            authorized(request, system, path, known.viewer(), known.client(), token);
            return;
        }
        Future<VerifiedTokens.VerifiedToken> verification = tokens.verify(token);
        if (verification.isComplete()) {
            verified(request, system, path, token, verification);
        } else {
            // The realm's keys are being fetched: carry on on this request's own context.
            Context own = vertx.getOrCreateContext();
            verification.onComplete(done -> own.runOnContext(ignored -> verified(request, system, path, token, done)));
        }
    }

    private void verified(
            HttpServerRequest request,
            RouteTable.CompiledSystem system,
            String path,
            String token,
            AsyncResult<VerifiedTokens.VerifiedToken> verification) {
        if (verification.succeeded()) {
            VerifiedTokens.VerifiedToken caller = verification.result();
            authorized(request, system, path, caller.viewer(), caller.client(), token);
            return;
        }
        request.resume();
        if (!problems.sendSecurityFailure(request, verification.cause())) {
            LOG.errorf(verification.cause(), "Request %s: the token could not be verified", RequestIds.of(request));
            problems.send(request, ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.defaultDetail());
        }
    }

    /**
     * @param client the app the caller's token was issued to, or null without a token
     * @param token the caller's verified access token, or null
     */
    private void authorized(
            HttpServerRequest request,
            RouteTable.CompiledSystem system,
            String path,
            Viewer viewer,
            String client,
            String token) {
        AppManifest app = system.manifest();
        if (!viewer.maySee(app)) {
            refuse(request, token != null ? ProblemType.FORBIDDEN : ProblemType.UNAUTHORIZED, NOT_FOR_YOU);
            return;
        }
        AppManifest.Route route = system.match(request.method().name(), path);
        if (route == null) {
            refuse(request, ProblemType.NOT_FOUND, UNDECLARED_ROUTE);
            return;
        }
        if (!viewer.holdsOneOf(route.roles())) {
            refuse(request, token != null ? ProblemType.FORBIDDEN : ProblemType.UNAUTHORIZED, NOT_FOR_YOU);
            return;
        }
        if (app.upstream().quota() != null && app.upstream().quota().requestsPerMinute() != null) {
            long wait = quotas.take(
                    app.id(),
                    client != null ? "app:" + client : "address:" + remoteAddress(request),
                    app.upstream().quota().requestsPerMinute());
            if (wait > 0) {
                problems.send(
                        request,
                        ProblemType.QUOTA_EXCEEDED,
                        ProblemType.QUOTA_EXCEEDED.defaultDetail(),
                        new ProblemWriter.SystemFailure(app.id(), null),
                        wait);
                return;
            }
        }
        UpstreamPolicy policy = system.policy();
        long declared = EdgeFilter.declaredBodySize(request.headers());
        if (declared > policy.maxRequestBody()) {
            refuse(request, ProblemType.PAYLOAD_TOO_LARGE, TOO_LARGE);
            return;
        }
        SystemGuard guard = guards.of(app.id());
        if (!guard.breaker.tryAcquire()) {
            problems.send(
                    request,
                    ProblemType.UPSTREAM_UNAVAILABLE,
                    BREAKER_OPEN,
                    new ProblemWriter.SystemFailure(app.id(), null),
                    guard.breaker.retryAfterSeconds());
            return;
        }
        if (!guard.enter(policy.concurrency())) {
            guard.breaker.onAbandoned();
            problems.send(
                    request,
                    ProblemType.UPSTREAM_UNAVAILABLE,
                    BUSY,
                    new ProblemWriter.SystemFailure(app.id(), null),
                    1L);
            return;
        }
        guard.earnRetry(config.retryBudgetRatio());
        Optional<UpstreamAuthorization.Header> known = authorizations.withoutSignOn(app, token);
        if (known != null) {
            new Call(request, system, path, guard, known).attempt(1);
            return;
        }
        authorizations
                .of(app, token)
                .subscribe()
                .with(authorization -> new Call(request, system, path, guard, authorization).attempt(1), failure -> {
                    guard.leave();
                    guard.breaker.onAbandoned();
                    LOG.warnf("Request %s to %s: no token: %s", RequestIds.of(request), app.id(), failure.getMessage());
                    problems.send(
                            request,
                            ProblemType.SIGN_ON_REFUSED,
                            SIGN_ON_FAILED,
                            new ProblemWriter.SystemFailure(app.id(), null),
                            null);
                });
    }

    /** One proxied call: its attempts, its deadline, and the single answer the caller gets. */
    private final class Call {
        private final HttpServerRequest request;
        private final AppManifest app;
        private final RouteTable.Target target;
        private final String path;
        private final UpstreamPolicy policy;
        private final SystemGuard guard;
        private final Optional<UpstreamAuthorization.Header> authorization;
        private final long deadline;
        private final boolean retryable;
        private boolean finished;
        private long deadlineTimer = -1;
        private HttpClientRequest inFlight;

        Call(
                HttpServerRequest request,
                RouteTable.CompiledSystem system,
                String path,
                SystemGuard guard,
                Optional<UpstreamAuthorization.Header> authorization) {
            this.request = request;
            this.app = system.manifest();
            this.target = system.target();
            this.path = path;
            this.policy = system.policy();
            this.guard = guard;
            this.authorization = authorization;
            this.deadline = System.nanoTime() + policy.deadline().toNanos();
            boolean hasBody = EdgeFilter.declaredBodySize(request.headers()) > 0
                    || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
            this.retryable = !hasBody
                    && (IDEMPOTENT.contains(request.method())
                            || request.headers().contains("Idempotency-Key"));
            this.deadlineTimer = vertx.setTimer(Math.max(1, policy.deadline().toMillis()), timer -> timedOut());
            request.response().closeHandler(closed -> abandon());
        }

        void attempt(int number) {
            if (finished) {
                return;
            }
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            HopByHop.copy(request.headers(), headers, NOT_FORWARDED);
            authorization.ifPresent(header -> headers.set(header.name(), header.value()));
            headers.set("X-Request-Id", RequestIds.of(request));
            headers.set("X-Forwarded-For", forwardedFor());
            headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
            headers.set(
                    "X-Forwarded-Host",
                    request.authority() == null ? "" : request.authority().toString());
            if (request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                headers.set(HttpHeaders.CONTENT_LENGTH, request.getHeader(HttpHeaders.CONTENT_LENGTH));
            }
            String query = request.query();
            RequestOptions options = new RequestOptions()
                    .setMethod(request.method())
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.ssl())
                    .setURI(target.basePath() + path + (query == null ? "" : "?" + query))
                    .setHeaders(headers)
                    .setFollowRedirects(false);
            client.request(options).onComplete(created -> {
                if (created.failed()) {
                    failed(number, "connection failed: " + created.cause().getMessage(), null);
                    return;
                }
                HttpClientRequest upstream = created.result();
                inFlight = upstream;
                upstream.response().onComplete(answered -> {
                    if (answered.failed()) {
                        failed(number, "no answer: " + answered.cause().getMessage(), null);
                    } else {
                        answered(number, answered.result());
                    }
                });
                if (number == 1) {
                    streamBody(upstream);
                } else {
                    upstream.end();
                }
            });
        }

        /** Streams the caller's body to the system, counting it against the system's limit. */
        private void streamBody(HttpClientRequest upstream) {
            if (!request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                upstream.setChunked(request.headers().contains(HttpHeaders.TRANSFER_ENCODING));
            }
            long[] received = {0};
            request.handler(chunk -> {
                received[0] += chunk.length();
                if (received[0] > policy.maxRequestBody()) {
                    request.pause();
                    finish(() -> problems.send(request, ProblemType.PAYLOAD_TOO_LARGE, TOO_LARGE), Outcome.ABANDONED);
                    upstream.reset();
                    return;
                }
                upstream.write(chunk);
                if (upstream.writeQueueFull()) {
                    request.pause();
                    upstream.drainHandler(drained -> request.resume());
                }
            });
            request.endHandler(end -> upstream.end());
            request.exceptionHandler(broken -> upstream.reset());
            request.resume();
        }

        private void answered(int number, HttpClientResponse response) {
            if (finished) {
                return;
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && redirectsElsewhere(response.getHeader(HttpHeaders.LOCATION))) {
                guard.recordFailure("redirect to another host");
                finish(() -> systemProblem(ProblemType.UPSTREAM_ERROR, FOREIGN_REDIRECT, status), Outcome.DONE);
                cancelInFlight();
                return;
            }
            if (status >= 500) {
                response.pause();
                inFlight.reset();
                failed(number, "answered " + status, status);
                return;
            }
            guard.recordSuccess();
            finish(() -> relay(response), Outcome.DONE);
        }

        private void relay(HttpClientResponse response) {
            HttpServerResponse answer = request.response();
            answer.setStatusCode(response.statusCode());
            HopByHop.copy(response.headers(), answer.headers(), NOT_RETURNED);
            answer.putHeader(RequestIds.HEADER, RequestIds.of(request));
            String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                answer.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            } else {
                answer.setChunked(true);
            }
            // A caller who hangs up mid-answer makes the pipe fail: the answer is then cut, not ended twice.
            response.pipe().endOnFailure(false).to(answer).onFailure(broken -> {
                if (!answer.ended() && !answer.closed()) {
                    answer.reset();
                }
            });
        }

        private void failed(int number, String what, Integer status) {
            if (finished) {
                return;
            }
            guard.recordFailure(what);
            long waitNanos = policy.backoff().toNanos();
            boolean timeLeft = deadline - System.nanoTime() > waitNanos;
            if (retryable
                    && number < policy.maxAttempts()
                    && timeLeft
                    && guard.breaker.tryAcquire()
                    && guard.spendRetry()) {
                vertx.setTimer(Math.max(1, policy.backoff().toMillis()), timer -> attempt(number + 1));
                return;
            }
            LOG.infof("Request %s to %s failed: %s", RequestIds.of(request), app.id(), what);
            ProblemType type = status == null || (status != 503 && status != 504)
                    ? ProblemType.UPSTREAM_ERROR
                    : status == 503 ? ProblemType.UPSTREAM_UNAVAILABLE : ProblemType.UPSTREAM_TIMEOUT;
            finish(() -> systemProblem(type, type.defaultDetail(), status), Outcome.DONE);
        }

        private void timedOut() {
            if (finished) {
                return;
            }
            guard.recordFailure("deadline of " + policy.deadline().toMillis() + " ms passed");
            finish(
                    () -> systemProblem(
                            ProblemType.UPSTREAM_TIMEOUT, ProblemType.UPSTREAM_TIMEOUT.defaultDetail(), null),
                    Outcome.DONE);
            cancelInFlight();
        }

        /** The caller went away: stop calling the system on their behalf. */
        private void abandon() {
            finish(() -> {}, Outcome.ABANDONED);
            cancelInFlight();
        }

        /** Only after {@link #finish}: a reset fails the pending response, which must then be ignored. */
        private void cancelInFlight() {
            if (inFlight != null) {
                inFlight.reset();
            }
        }

        private void finish(Runnable answer, Outcome outcome) {
            if (finished) {
                return;
            }
            finished = true;
            vertx.cancelTimer(deadlineTimer);
            guard.leave();
            if (outcome == Outcome.ABANDONED) {
                guard.breaker.onAbandoned();
            }
            answer.run();
        }

        private void systemProblem(ProblemType type, Localized detail, Integer upstreamStatus) {
            problems.send(request, type, detail, new ProblemWriter.SystemFailure(app.id(), upstreamStatus), null);
        }

        private boolean redirectsElsewhere(String header) {
            if (header == null) {
                return false;
            }
            URI location = URI.create(header);
            if (!location.isAbsolute()) {
                return false;
            }
            boolean https = "https".equalsIgnoreCase(location.getScheme());
            int port = location.getPort() > 0 ? location.getPort() : https ? 443 : 80;
            return !location.getScheme().equalsIgnoreCase(target.scheme())
                    || !target.host().equalsIgnoreCase(location.getHost())
                    || port != target.port();
        }

        private String forwardedFor() {
            String earlier = request.getHeader("X-Forwarded-For");
            String remote = remoteAddress(request);
            return earlier == null ? remote : earlier + ", " + remote;
        }
    }

    private enum Outcome {
        DONE,
        ABANDONED
    }

    private void refuse(HttpServerRequest request, ProblemType type, Localized detail) {
        request.resume();
        problems.send(request, type, detail == null ? type.defaultDetail() : detail);
    }

    private static String remoteAddress(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    /** {@code /api/v1/apps/{id}/api/**}: the system's id and the path below {@code /api} ("/" when none). */
    record ProxiedPath(String systemId, String path) {

        /** The split of a path, or null when it is not a proxied call (a regex here cost 4% of a call). */
        static ProxiedPath parse(String path) {
            if (path == null || !path.startsWith(PREFIX)) {
                return null;
            }
            int idEnd = path.indexOf('/', PREFIX.length());
            if (idEnd < 0 || !validId(path, PREFIX.length(), idEnd) || !path.startsWith("/api", idEnd)) {
                return null;
            }
            int below = idEnd + "/api".length();
            if (below == path.length()) {
                return new ProxiedPath(path.substring(PREFIX.length(), idEnd), "/");
            }
            return path.charAt(below) == '/'
                    ? new ProxiedPath(path.substring(PREFIX.length(), idEnd), path.substring(below))
                    : null;
        }

        /** A system id: [a-z0-9][a-z0-9-]{1,62}. */
        private static boolean validId(String path, int from, int to) {
            int length = to - from;
            if (length < 2 || length > 63) {
                return false;
            }
            for (int i = from; i < to; i++) {
                char c = path.charAt(i);
                boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (!letterOrDigit && (i == from || c != '-')) {
                    return false;
                }
            }
            return true;
        }
    }

    public static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
