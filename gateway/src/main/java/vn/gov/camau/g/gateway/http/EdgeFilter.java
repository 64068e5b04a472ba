package vn.gov.camau.g.gateway.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemType;
import vn.gov.camau.g.gateway.problem.ProblemWriter;
import vn.gov.camau.g.gateway.routing.ProxyHandler;

/**
 * The first thing every request meets: it gets its correlation id, and requests that no route
 * should see (an HTTP version we do not speak, a malformed or overlong URI, headers too large, two
 * credentials, a method the contract does not list for the path, a body over the limit) are
 * refused here with a problem, before any parsing or token verification is spent on them.
 */
@ApplicationScoped
public class EdgeFilter {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EdgeFilter.class);

    /** Before every other route, Quarkus's own included. */
    private static final int ORDER = -10_000;

    private static final Localized TWO_CREDENTIALS = new Localized(
            "Chỉ được gửi một mã truy cập trong một tiêu đề Authorization.",
            "Send exactly one access token, in one Authorization header.");
    private static final Localized TOKEN_TOO_LARGE = new Localized(
            "Mã truy cập quá lớn để là mã do Cà Mau G cấp.",
            "The access token is too large to be one Cà Mau G issued.");
    private static final Localized BODY_TOO_LARGE =
            new Localized("Nội dung gửi lên vượt quá %s byte.", "The request body is larger than %s bytes.");
    private static final Localized PATH_TOO_LONG =
            new Localized("Đường dẫn dài quá %s ký tự.", "The path is longer than %s characters.");
    private static final Localized MALFORMED_URI = new Localized(
            "Địa chỉ yêu cầu không đúng cú pháp URI (ví dụ: mã % không hợp lệ).",
            "The request target is not a valid URI (a bad % escape, say).");
    private static final Localized NUL_IN_URI =
            new Localized("Địa chỉ yêu cầu chứa ký tự NUL (%00).", "The request target carries a NUL (%00).");

    /**
     * Quarkus checks every URI before any route and answers a malformed one with an empty 400; with
     * this JVM property set (by ./camau and the build) it leaves the check to {@link #filter}.
     */
    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    /** Marks a request whose caller takes problems but not JSON; see {@link NotAcceptableFilter}. */
    static final String PROBLEMS_ONLY = "camau.problems-only";

    private static final String METRICS = "/q/metrics";
    /** An Accept that names no type the API makes, so that Quarkus REST answers 406 in its place. */
    private static final String NOTHING_WE_MAKE = "application/x.camau.nothing";

    private final EdgeLimits limits;
    private final ProblemWriter problems;
    private final DocumentedMethods methods = DocumentedMethods.fromContract();

    /** The HTTP layer's limit on any body (quarkus.http.limits.max-body-size). */
    private final MemorySize maxBodySize;

    EdgeFilter(
            EdgeLimits limits,
            ProblemWriter problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.limits = limits;
        this.problems = problems;
        this.maxBodySize = maxBodySize;
    }

    void register(@Observes Router router) {
        if (!Boolean.getBoolean(URI_VALIDATION_OFF)) {
            LOG.warnf(
                    "Started without -D%s=true: Quarkus answers a malformed URI itself, with an empty 400",
                    URI_VALIDATION_OFF);
        }
        router.route().order(ORDER).handler(this::filter).failureHandler(this::failed);
    }

    /**
     * What fails below JAX-RS (Vert.x refusing a request, say one without Host) is still answered
     * with a problem, and only a server fault is logged with its stack.
     */
    void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        if (problems.sendSecurityFailure(context.request(), failure)) {
            return;
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(failure, "Request %s failed", RequestIds.of(context.request()));
        } else {
            LOG.debugf("Request %s refused with %d: %s", RequestIds.of(context.request()), status, failure);
        }
        ProblemType type = ProblemType.forStatus(status);
        problems.send(context.request(), type, type.defaultDetail());
    }

    void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = RequestIds.assign(request);
        context.response().putHeader(RequestIds.HEADER, requestId);

        // Netty parses any HTTP/x.y (HTTP/1.7, HTTP/9.9); Vert.x names 1.0, 1.1 and 2 only, the rest null.
        if (request.version() == null) {
            problems.sendAndClose(
                    request,
                    ProblemType.HTTP_VERSION_NOT_SUPPORTED,
                    ProblemType.HTTP_VERSION_NOT_SUPPORTED.defaultDetail());
            return;
        }
        if (!wellFormed(request.uri())) {
            refuse(context, ProblemType.MALFORMED_REQUEST, MALFORMED_URI);
            return;
        }
        if (request.path().length() > limits.maxPathLength()) {
            int max = limits.maxPathLength();
            refuse(
                    context,
                    ProblemType.URI_TOO_LONG,
                    new Localized(
                            PATH_TOO_LONG.vi().formatted(max),
                            PATH_TOO_LONG.en().formatted(max)));
            return;
        }
        // PostgreSQL cannot hold a NUL: an id carrying one must be refused here, not by the database.
        if (request.uri().contains("%00")) {
            refuse(context, ProblemType.MALFORMED_REQUEST, NUL_IN_URI);
            return;
        }
        MultiMap headers = request.headers();
        if (headersSize(headers) > limits.maxHeadersSize().asLongValue()) {
            refuse(context, ProblemType.HEADERS_TOO_LARGE, ProblemType.HEADERS_TOO_LARGE.defaultDetail());
            return;
        }
        List<String> authorization = headers.getAll(HttpHeaders.AUTHORIZATION);
        if (authorization.size() > 1 || (authorization.size() == 1 && carriesTwoCredentials(authorization.get(0)))) {
            refuse(context, ProblemType.INVALID_TOKEN, TWO_CREDENTIALS);
            return;
        }
        if (authorization.size() == 1
                && authorization.get(0).length() > limits.maxAuthorizationSize().asLongValue()) {
            refuse(context, ProblemType.INVALID_TOKEN, TOKEN_TOO_LARGE);
            return;
        }
        String path = context.normalizedPath();
        DocumentedMethods.DocumentedPath documented = ProxyHandler.isProxied(path) ? null : methods.find(path);
        if (documented != null && !documented.methods().contains(request.method())) {
            context.response().putHeader(HttpHeaders.ALLOW, documented.allow());
            refuse(context, ProblemType.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED.defaultDetail());
            return;
        }
        if (documented != null && request.method() == HttpMethod.OPTIONS) {
            context.response().putHeader(HttpHeaders.ALLOW, documented.allow()).end();
            return;
        }
        boolean apiRoute = isApiRoute(path);
        if (apiRoute && sendsBodyOfUnknownLength(headers)) {
            refuse(context, ProblemType.LENGTH_REQUIRED, ProblemType.LENGTH_REQUIRED.defaultDetail());
            return;
        }
        long declared = declaredBodySize(headers);
        // The HTTP layer's own body limit, checked here for every route: Quarkus's check answers no problem.
        if (declared > maxBodySize.asLongValue()
                || (apiRoute && declared > limits.maxApiBodySize().asLongValue())) {
            long max = apiRoute ? limits.maxApiBodySize().asLongValue() : maxBodySize.asLongValue();
            refuse(
                    context,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    new Localized(
                            BODY_TOO_LARGE.vi().formatted(max),
                            BODY_TOO_LARGE.en().formatted(max)));
            return;
        }
        if (apiRoute) {
            negotiate(context, AcceptedMedia.of(headers.getAll(HttpHeaders.ACCEPT)));
        } else if (METRICS.equals(path) && !AcceptedMedia.takesMetrics(headers.getAll(HttpHeaders.ACCEPT))) {
            // Micrometer's own refusal is a bare 406 with no body.
            refuse(context, ProblemType.NOT_ACCEPTABLE, ProblemType.NOT_ACCEPTABLE.defaultDetail());
            return;
        }
        context.next();
    }

    /**
     * Quarkus REST ignores weights ({@code application/json;q=0} would get JSON), and would refuse
     * a caller that takes problems only before telling it what went wrong. So the edge decides, and
     * hands Quarkus REST an Accept it judges the same way: one it refuses where the contract puts
     * 406 (after path and method), or JSON, with a mark that the answer must still be a problem.
     */
    private static void negotiate(RoutingContext context, AcceptedMedia accepted) {
        switch (accepted) {
            case JSON -> {}
            case NEITHER -> context.request().headers().set(HttpHeaders.ACCEPT, NOTHING_WE_MAKE);
            case PROBLEMS_ONLY -> {
                context.request().headers().set(HttpHeaders.ACCEPT, "application/json");
                context.put(PROBLEMS_ONLY, Boolean.TRUE);
            }
        }
    }

    /** The check Quarkus makes itself unless told not to (see {@link #register}), answered here as a problem. */
    private static boolean wellFormed(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private void refuse(RoutingContext context, ProblemType type, Localized detail) {
        // The body may still be arriving: close afterwards rather than read what we refused.
        if (type == ProblemType.PAYLOAD_TOO_LARGE
                || type == ProblemType.HEADERS_TOO_LARGE
                || type == ProblemType.LENGTH_REQUIRED) {
            problems.sendAndClose(context.request(), type, detail);
            return;
        }
        problems.send(context.request(), type, detail);
    }

    /** The gateway's own API; calls proxied to a sectoral system follow that system's limits. */
    private static boolean isApiRoute(String normalizedPath) {
        // The path the router matches on: dot segments cannot make an API call look proxied.
        return normalizedPath.startsWith("/api/") && !ProxyHandler.isProxied(normalizedPath);
    }

    private static long headersSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** {@code Bearer a, Bearer b} (or a token with spaces in it) is not one credential. */
    private static boolean carriesTwoCredentials(String authorization) {
        String credentials = authorization.trim();
        int space = credentials.indexOf(' ');
        return space >= 0 && (credentials.indexOf(',') >= 0 || credentials.indexOf(' ', space + 1) >= 0);
    }

    /**
     * A chunked body could only be measured by reading it, which would let up to Vert.x's own
     * limit reach the JSON parser; the API's own JSON bodies are small, so their size is asked for
     * up front. (Routes that stream to sectoral systems will measure as they stream.)
     */
    private static boolean sendsBodyOfUnknownLength(MultiMap headers) {
        return headers.contains(HttpHeaders.TRANSFER_ENCODING) && !headers.contains(HttpHeaders.CONTENT_LENGTH);
    }

    /** The body size a request declares: 0 without Content-Length, the most possible when it is not a number. */
    public static long declaredBodySize(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return Long.MAX_VALUE;
        }
    }
}
