package vn.gov.camau.g.gateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemType;
import vn.gov.camau.g.gateway.problem.ProblemWriter;
import vn.gov.camau.g.gateway.routing.ProxyHandler;

/**
 * The first thing every request meets: it gets its correlation id, and requests that no route
 * should see (headers too large, two credentials, a body over the limit) are refused here with a
 * problem, before any parsing or token verification is spent on them.
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

    private final EdgeLimits limits;
    private final ProblemWriter problems;

    EdgeFilter(EdgeLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    void register(@Observes Router router) {
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
        boolean apiRoute = isApiRoute(context.normalizedPath());
        if (apiRoute && sendsBodyOfUnknownLength(headers)) {
            refuse(context, ProblemType.LENGTH_REQUIRED, ProblemType.LENGTH_REQUIRED.defaultDetail());
            return;
        }
        if (apiRoute && declaredBodySize(headers) > limits.maxApiBodySize().asLongValue()) {
            long max = limits.maxApiBodySize().asLongValue();
            refuse(
                    context,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    new Localized(
                            BODY_TOO_LARGE.vi().formatted(max),
                            BODY_TOO_LARGE.en().formatted(max)));
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemType type, Localized detail) {
        // The body may still be arriving: close afterwards rather than read what we refused.
        if (type == ProblemType.PAYLOAD_TOO_LARGE
                || type == ProblemType.HEADERS_TOO_LARGE
                || type == ProblemType.LENGTH_REQUIRED) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
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
