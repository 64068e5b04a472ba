package vn.gov.camau.g.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
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
import vn.gov.camau.g.gateway.catalog.Viewer;
import vn.gov.camau.g.gateway.catalog.ViewerResolver;
import vn.gov.camau.g.gateway.http.EdgeFilter;
import vn.gov.camau.g.gateway.http.RequestIds;
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
    private static final String PATH_REGEX = "^/api/v1/apps/([a-z0-9][a-z0-9-]{1,62})/api(/.*)?$";
    /** Before Quarkus REST's own route, after the authentication handler that defers the identity. */
    private static final int ORDER = 9_000;

    private static final Set<String> NOT_FORWARDED = Set.of(
            "authorization",
            "host",
            "cookie",
            "x-forwarded-for",
            "x-forwarded-proto",
            "x-forwarded-host",
            "x-request-id",
            "content-length",
            "expect");
    private static final Set<String> NOT_RETURNED = Set.of("set-cookie", "x-request-id", "content-length");
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
    private final IdentityProviderManager identities;
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
            IdentityProviderManager identities,
            Vertx vertx) {
        this.catalog = catalog;
        this.routes = routes;
        this.guards = guards;
        this.config = config;
        this.authorizations = authorizations;
        this.quotas = quotas;
        this.problems = problems;
        this.identities = identities;
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
        router.routeWithRegex(PATH_REGEX).order(ORDER).handler(this::handle);
    }

    /** Whether a path is a proxied call (its body limits are the system's, not the gateway API's). */
    public static boolean isProxied(String path) {
        return path.startsWith("/api/v1/apps/") && path.matches(PATH_REGEX);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        String systemId = context.pathParam("param0");
        String path = Optional.ofNullable(context.pathParam("param1"))
                .filter(p -> !p.isEmpty())
                .orElse("/");
        Optional<AppManifest> app = catalog.current()
                .enabled(systemId)
                .map(entry -> entry.manifest())
                .filter(manifest -> manifest.kind() == AppManifest.Kind.API && manifest.upstream() != null);
        if (app.isEmpty()) {
            refuse(request, ProblemType.NOT_FOUND, UNKNOWN_SYSTEM);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, identities)
                .subscribe()
                .with(
                        identity -> authorized(request, app.get(), path, identity),
                        failure -> refuse(
                                request,
                                failure instanceof AuthenticationFailedException
                                        ? ProblemType.INVALID_TOKEN
                                        : ProblemType.SERVICE_UNAVAILABLE,
                                null));
    }

    private void authorized(HttpServerRequest request, AppManifest app, String path, SecurityIdentity identity) {
        Viewer viewer = ViewerResolver.viewerOf(identity);
        if (!viewer.maySee(app)) {
            refuse(request, viewer.signedIn() ? ProblemType.FORBIDDEN : ProblemType.UNAUTHORIZED, NOT_FOR_YOU);
            return;
        }
        Optional<AppManifest.Route> route = routes.match(app, request.method().name(), path);
        if (route.isEmpty()) {
            refuse(request, ProblemType.NOT_FOUND, UNDECLARED_ROUTE);
            return;
        }
        if (!viewer.holdsOneOf(route.get().roles())) {
            refuse(request, viewer.signedIn() ? ProblemType.FORBIDDEN : ProblemType.UNAUTHORIZED, NOT_FOR_YOU);
            return;
        }
        if (app.upstream().quota() != null && app.upstream().quota().requestsPerMinute() != null) {
            long wait = quotas.take(
                    app.id(),
                    clientOf(identity, request),
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
        UpstreamPolicy policy = UpstreamPolicy.of(app.upstream(), config);
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
        authorizations
                .of(app, bearerToken(request))
                .subscribe()
                .with(
                        authorization -> new Call(request, app, path, policy, guard, authorization).attempt(1),
                        failure -> {
                            guard.leave();
                            guard.breaker.onAbandoned();
                            LOG.warnf(
                                    "Request %s to %s: no token: %s",
                                    RequestIds.of(request), app.id(), failure.getMessage());
                            problems.send(
                                    request,
                                    ProblemType.SIGN_ON_REFUSED,
                                    SIGN_ON_FAILED,
                                    new ProblemWriter.SystemFailure(app.id(), null),
                                    null);
                        });
    }

    private String resolveBaseUrl(String baseUrl) {
        return authorizations.resolveBaseUrl(baseUrl);
    }

    /** One proxied call: its attempts, its deadline, and the single answer the caller gets. */
    private final class Call {
        private final HttpServerRequest request;
        private final AppManifest app;
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
                AppManifest app,
                String path,
                UpstreamPolicy policy,
                SystemGuard guard,
                Optional<UpstreamAuthorization.Header> authorization) {
            this.request = request;
            this.app = app;
            this.path = path;
            this.policy = policy;
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
            URI target = URI.create(resolveBaseUrl(app.upstream().baseUrl())
                    + path
                    + (request.query() == null ? "" : "?" + request.query()));
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
            RequestOptions options = new RequestOptions()
                    .setMethod(request.method())
                    .setAbsoluteURI(target.toString())
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

        private boolean redirectsElsewhere(String location) {
            if (location == null) {
                return false;
            }
            URI target = URI.create(location);
            if (!target.isAbsolute()) {
                return false;
            }
            URI base = URI.create(resolveBaseUrl(app.upstream().baseUrl()));
            return !target.getScheme().equalsIgnoreCase(base.getScheme())
                    || !target.getHost().equalsIgnoreCase(base.getHost())
                    || target.getPort() != base.getPort();
        }

        private String forwardedFor() {
            String earlier = request.getHeader("X-Forwarded-For");
            String remote = request.remoteAddress() == null
                    ? "unknown"
                    : request.remoteAddress().hostAddress();
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

    /** Who a quota counts: the app the token was issued to, or the address of a caller without one. */
    private static String clientOf(SecurityIdentity identity, HttpServerRequest request) {
        if (!identity.isAnonymous()
                && identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token) {
            String app = token.getClaim("azp");
            if (app != null) {
                return "app:" + app;
            }
        }
        return "address:"
                + (request.remoteAddress() == null
                        ? "unknown"
                        : request.remoteAddress().hostAddress());
    }

    public static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
