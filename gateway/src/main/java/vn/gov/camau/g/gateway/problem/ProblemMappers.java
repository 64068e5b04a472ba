package vn.gov.camau.g.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gov.camau.g.gateway.http.RequestIds;
import vn.gov.camau.g.gateway.signon.SignOnRefusedException;

/**
 * Turns every exception that reaches JAX-RS into a problem. They run before Quarkus's built-in
 * mappers (lower priority value), so no default HTML or plain-text body, class name or stack trace
 * ever reaches a caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int FIRST = jakarta.ws.rs.Priorities.USER - 1000;
    private static final String BODY_PARAMETER = "body";

    private static final Localized UNKNOWN_FIELD =
            new Localized("Trường này không có trong API.", "This field is not part of the API.");
    private static final Localized WRONG_TYPE =
            new Localized("Giá trị có kiểu dữ liệu không đúng.", "The value has the wrong type.");
    private static final Localized INVALID_VALUE = new Localized("Giá trị không hợp lệ.", "Invalid value.");

    private final ProblemWriter problems;

    ProblemMappers(ProblemWriter problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper(priority = FIRST)
    Response problem(ProblemException problem, HttpServerRequest request) {
        return problems.response(request, problem.type(), problem.detail(), problem.fieldErrors());
    }

    @ServerExceptionMapper(priority = FIRST)
    Response authenticationFailed(AuthenticationFailedException failure, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = FIRST)
    Response unauthorized(UnauthorizedException failure, HttpServerRequest request) {
        return unauthenticated(request);
    }

    /** Keycloak's keys could not be loaded (Keycloak away since start-up): no token can be judged now. */
    @ServerExceptionMapper(priority = FIRST)
    Response keysUnavailable(OIDCException failure, HttpServerRequest request) {
        LOG.warnf(
                "Request %s: the realm's signing keys are not available: %s",
                RequestIds.of(request), failure.getMessage());
        return Response.fromResponse(simple(request, ProblemType.SERVICE_UNAVAILABLE))
                .header(HttpHeaders.RETRY_AFTER.toString(), ProblemWriter.KEYS_RETRY_AFTER_SECONDS)
                .build();
    }

    /** Keycloak would not issue or set up a system's token: the platform's fault, not the caller's. */
    @ServerExceptionMapper(priority = FIRST)
    Response signOnRefused(SignOnRefusedException failure, HttpServerRequest request) {
        LOG.warnf("Request %s: %s", RequestIds.of(request), failure.getMessage());
        return simple(request, ProblemType.SIGN_ON_REFUSED);
    }

    @ServerExceptionMapper(priority = FIRST)
    Response forbidden(ForbiddenException failure, HttpServerRequest request) {
        return simple(request, ProblemType.FORBIDDEN);
    }

    @ServerExceptionMapper(priority = FIRST)
    Response notAllowed(NotAllowedException failure, HttpServerRequest request) {
        Response problem = simple(request, ProblemType.METHOD_NOT_ALLOWED);
        String allow = failure.getResponse().getHeaderString(HttpHeaders.ALLOW.toString());
        return allow == null
                ? problem
                : Response.fromResponse(problem)
                        .header(HttpHeaders.ALLOW.toString(), allow)
                        .build();
    }

    @ServerExceptionMapper(priority = FIRST)
    Response webApplication(WebApplicationException failure, HttpServerRequest request) {
        int status = failure.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(failure, "Request %s failed with %d", RequestIds.of(request), status);
        }
        if (failure.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        return simple(request, ProblemType.forStatus(status));
    }

    @ServerExceptionMapper(priority = FIRST)
    Response json(JsonProcessingException failure, HttpServerRequest request) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return invalidField(request, pathOf(unknown), UNKNOWN_FIELD);
        }
        if (failure instanceof MismatchedInputException mismatched) {
            return invalidField(request, pathOf(mismatched), WRONG_TYPE);
        }
        if (failure instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            return invalidField(request, pathOf(mapping), INVALID_VALUE);
        }
        return simple(request, ProblemType.MALFORMED_JSON);
    }

    /** Named on its own: Quarkus maps this subtype itself, to an empty 400, unless told otherwise. */
    @ServerExceptionMapper(priority = FIRST)
    Response mismatchedJson(MismatchedInputException failure, HttpServerRequest request) {
        return json(failure, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    Response violation(ResteasyReactiveViolationException failure, HttpServerRequest request) {
        return violations(failure, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    Response violation(ConstraintViolationException failure, HttpServerRequest request) {
        return violations(failure, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    Response unexpected(Throwable failure, HttpServerRequest request) {
        LOG.errorf(failure, "Request %s to %s failed", RequestIds.of(request), request.path());
        return simple(request, ProblemType.INTERNAL_ERROR);
    }

    private Response violations(ConstraintViolationException failure, HttpServerRequest request) {
        boolean ourFault = failure.getConstraintViolations().stream()
                .anyMatch(violation -> kinds(violation.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (ourFault) {
            return unexpected(failure, request);
        }
        List<FieldViolation> fields = failure.getConstraintViolations().stream()
                .map(violation -> new FieldViolation(fieldOf(violation), messageOf(violation)))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return problems.response(
                request, ProblemType.VALIDATION_FAILED, ProblemType.VALIDATION_FAILED.defaultDetail(), fields);
    }

    private Response unauthenticated(HttpServerRequest request) {
        boolean sentToken = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        return simple(request, sentToken ? ProblemType.INVALID_TOKEN : ProblemType.UNAUTHORIZED);
    }

    private Response simple(HttpServerRequest request, ProblemType type) {
        return problems.response(request, type, type.defaultDetail(), List.of());
    }

    private Response invalidField(HttpServerRequest request, String field, Localized message) {
        return problems.response(
                request,
                ProblemType.VALIDATION_FAILED,
                ProblemType.VALIDATION_FAILED.defaultDetail(),
                List.of(new FieldViolation(field, message)));
    }

    /** A JSON path as the caller wrote it: {@code notifications.salinityAlerts}, {@code favouriteAppIds[3]}. */
    private static String pathOf(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** The field a violation names, without the Java method and parameter it was found on. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && path.length() > 0) {
                        path.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getKind() == ElementKind.PROPERTY) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(node.getName());
                    }
                }
                default -> {}
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        // A resource's entity parameter is named "body": a missing body is the whole document.
        return parameter != null && !parameter.equals(BODY_PARAMETER) ? parameter : "$";
    }

    /** Constraint messages are written {@code "Vietnamese|English"} next to the constraint. */
    private static Localized messageOf(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        int bar = template.indexOf('|');
        if (bar < 0 || template.startsWith("{")) {
            return INVALID_VALUE;
        }
        return new Localized(template.substring(0, bar), template.substring(bar + 1));
    }

    private static List<ElementKind> kinds(Path path) {
        return java.util.stream.StreamSupport.stream(path.spliterator(), false)
                .map(Path.Node::getKind)
                .toList();
    }
}
