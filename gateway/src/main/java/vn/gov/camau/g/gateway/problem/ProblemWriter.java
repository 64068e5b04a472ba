package vn.gov.camau.g.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import vn.gov.camau.g.gateway.http.RequestIds;

/**
 * Renders problems the same way whichever layer refused the request: a JAX-RS resource or mapper
 * ({@link #response}), or a Vert.x handler that answers outside JAX-RS ({@link #send}).
 */
@ApplicationScoped
public class ProblemWriter {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** While the realm's keys cannot be had, no token can be judged: ask to come back shortly. */
    public static final long KEYS_RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ProblemWriter.class);

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** The challenge RFC 6750 asks for on 401; the realm names the platform, not Keycloak. */
    private static final String BEARER_CHALLENGE = "Bearer realm=\"camau-g\"";

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public Response response(
            HttpServerRequest request, ProblemType type, Localized detail, List<FieldViolation> errors) {
        Language language = languageOf(request);
        Response.ResponseBuilder response = Response.status(type.status())
                .type(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE.toString(), language.tag())
                .header(HttpHeaders.VARY.toString(), HttpHeaders.ACCEPT_LANGUAGE.toString())
                .entity(render(request, language, type, detail, errors, null));
        String challenge = challenge(type);
        if (challenge != null) {
            response.header(WWW_AUTHENTICATE, challenge);
        }
        return response.build();
    }

    /**
     * Answers a failed authentication outside JAX-RS (the proxy, Vert.x's failure handler) as
     * {@code ProblemMappers} does inside it: 401 for a bad token or none, 403, or 503 with
     * Retry-After while the realm's keys cannot be had.
     *
     * @return false when the failure is not about authentication (nothing was sent)
     */
    public boolean sendSecurityFailure(HttpServerRequest request, Throwable failure) {
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            ProblemType type = request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    ? ProblemType.INVALID_TOKEN
                    : ProblemType.UNAUTHORIZED;
            send(request, type, type.defaultDetail());
            return true;
        }
        if (failure instanceof ForbiddenException) {
            send(request, ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.defaultDetail());
            return true;
        }
        if (failure instanceof OIDCException) {
            LOG.warnf("Request %s: the realm's signing keys are not available", RequestIds.of(request));
            send(
                    request,
                    ProblemType.SERVICE_UNAVAILABLE,
                    ProblemType.SERVICE_UNAVAILABLE.defaultDetail(),
                    null,
                    KEYS_RETRY_AFTER_SECONDS);
            return true;
        }
        return false;
    }

    public void send(HttpServerRequest request, ProblemType type, Localized detail) {
        send(request, type, detail, null, null);
    }

    /**
     * Answers and then closes an HTTP/1 connection, for a refusal after which the rest of the
     * request (a body still arriving, a protocol we do not speak) must not be read. An HTTP/2
     * stream ends with its answer; its connection carries other callers' streams.
     */
    public void sendAndClose(HttpServerRequest request, ProblemType type, Localized detail) {
        boolean http1 = request.version() != io.vertx.core.http.HttpVersion.HTTP_2;
        if (http1) {
            request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        send(request, type, detail);
        if (http1) {
            // After end(): Vert.x closes once the answer is flushed, not before.
            request.response().close();
        }
    }

    /**
     * Answers for a sectoral system that failed or was not called: names the system and the status
     * it answered, and nothing else it said.
     *
     * @param retryAfterSeconds when the caller may try again, or null
     */
    public void send(
            HttpServerRequest request,
            ProblemType type,
            Localized detail,
            SystemFailure failure,
            Long retryAfterSeconds) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        Language language = languageOf(request);
        response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader(RequestIds.HEADER, RequestIds.of(request));
        String challenge = challenge(type);
        if (challenge != null) {
            response.putHeader(WWW_AUTHENTICATE, challenge);
        }
        if (retryAfterSeconds != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        response.end(render(request, language, type, detail, List.of(), failure));
    }

    String render(
            HttpServerRequest request,
            Language language,
            ProblemType type,
            Localized detail,
            List<FieldViolation> errors,
            SystemFailure failure) {
        Problem problem = new Problem(
                type.uri(),
                type.title().in(language),
                type.status(),
                detail.in(language),
                request.path(),
                RequestIds.of(request),
                errors.stream().map(error -> error.in(language)).toList(),
                failure == null ? null : failure.system(),
                failure == null ? null : failure.upstreamStatus());
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A problem record failed to serialize", impossible);
        }
    }

    private static Language languageOf(HttpServerRequest request) {
        return Language.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String challenge(ProblemType type) {
        return switch (type) {
            case UNAUTHORIZED -> BEARER_CHALLENGE;
            case INVALID_TOKEN -> BEARER_CHALLENGE + ", error=\"invalid_token\"";
            default -> null;
        };
    }

    /**
     * Which sectoral system a problem is about, and the status it answered (null when it did not
     * answer at all).
     */
    public record SystemFailure(String system, Integer upstreamStatus) {}
}
